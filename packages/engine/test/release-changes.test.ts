import { describe, expect, it } from "vitest";
import { editionSpec, toggledEdition } from "../src/editions.js";
import { req, run, warningMessages } from "./helpers.js";

/*
 * Each behaviour change from 0.128 on, on both sides of its first release (version-drift.md §3;
 * scenario names as in §2 there).
 */

const legacy = (managed_config: string, requirements?: string) => ({
  system: { managed_config, ...(requirements !== undefined ? { requirements } : {}) },
});
const user = (config: string) => ({ user: { config } });

describe("0.128: the sandbox fallback warning names permission_profile", () => {
  const b11 = req(
    'allowed_sandbox_modes = ["read-only", "workspace-write"]',
    user('sandbox_mode = "danger-full-access"'),
  );
  it("0.125 names sandbox_mode and prints the ReadOnly sandbox policy", () => {
    const [w] = warningMessages(run(b11, "codex-0.125"));
    expect(w).toMatch(
      /^Configured value for `sandbox_mode` is disallowed by requirements; falling back to required value ReadOnly \{ access: FullAccess, network_access: false \}\./,
    );
  });
  it("0.128 names permission_profile and prints the managed read-only profile", () => {
    const [w] = warningMessages(run(b11, "codex-0.128"));
    expect(w).toMatch(
      /^Configured value for `permission_profile` is disallowed by requirements; falling back to required value Managed \{/,
    );
  });
});

describe("0.133: never with a disallowed danger-full-access is refused", () => {
  const j01 = req(
    'allowed_sandbox_modes = ["read-only"]',
    user('approval_policy = "never"\nsandbox_mode = "danger-full-access"'),
  );
  it("0.132 downgrades to never + read-only", () => {
    const o = run(j01, "codex-0.132");
    expect(o.status).toBe("ok");
    expect(o.effective?.approval_policy).toBe("never");
    expect(o.effective?.sandbox_mode).toBe("read-only");
  });
  it("0.133 refuses", () => {
    const o = run(j01, "codex-0.133");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("never-with-disallowed-full-access");
  });
});

describe("0.137: managed_config.toml beats requirements.toml", () => {
  const c03 = legacy('approval_policy = "never"', 'allowed_approval_policies = ["on-request"]');
  const c06 = legacy(
    'sandbox_mode = "danger-full-access"',
    'allowed_sandbox_modes = ["read-only", "workspace-write"]',
  );
  const c04 = {
    ...legacy('approval_policy = "on-request"', 'allowed_approval_policies = ["untrusted", "on-request"]'),
    ...user('approval_policy = "untrusted"'),
  };
  it("0.136: requirements.toml owns the field; the legacy value falls back with a warning (c03, c06)", () => {
    const a = run(c03, "codex-0.136");
    expect(a.requirements.allowed_approval_policies?.value).toEqual(["on-request"]);
    expect(a.effective?.approval_policy).toBe("on-request");
    expect(warningMessages(a)[0]).toContain("falling back to required value OnRequest");
    const b = run(c06, "codex-0.136");
    expect(b.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "workspace-write"]);
    expect(b.effective?.sandbox_mode).toBe("read-only");
    expect(run(c04, "codex-0.136").requirements.allowed_approval_policies?.value).toEqual([
      "untrusted",
      "on-request",
    ]);
  });
  it("0.137: the legacy file replaces the system list and can widen it (c03, c06, c04)", () => {
    const a = run(c03, "codex-0.137");
    expect(a.requirements.allowed_approval_policies?.value).toEqual(["never"]);
    expect(a.effective?.approval_policy).toBe("never");
    expect(a.warnings).toEqual([]);
    const b = run(c06, "codex-0.137");
    expect(b.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "danger-full-access"]);
    expect(b.effective?.sandbox_mode).toBe("danger-full-access");
    expect(run(c04, "codex-0.137").requirements.allowed_approval_policies?.value).toEqual(["on-request"]);
  });
});

describe("0.139: the automatic reviewer is reported as auto_review (guardian_subagent until 0.138)", () => {
  const j04 = legacy('approvals_reviewer = "auto_review"');
  it("0.138 echoes guardian_subagent", () => {
    const o = run(j04, "codex-0.138");
    expect(o.requirements.allowed_approvals_reviewers?.value).toEqual(["guardian_subagent", "user"]);
    expect(o.effective?.approvals_reviewer).toBe("guardian_subagent");
  });
  it("0.139 echoes auto_review", () => {
    const o = run(j04, "codex-0.139");
    expect(o.requirements.allowed_approvals_reviewers?.value).toEqual(["auto_review", "user"]);
    expect(o.effective?.approvals_reviewer).toBe("auto_review");
  });
});

describe("0.142: web search mode indexed", () => {
  const a28 = req('allowed_web_search_modes = ["live", "indexed"]', user('web_search = "cached"'));
  it("0.141 rejects indexed as an unknown variant", () => {
    const o = run(a28, "codex-0.141");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("unknown-variant");
    expect(o.errors[0]?.message).toContain(
      "unknown variant `indexed`, expected one of `disabled`, `cached`, `live`",
    );
  });
  it("0.142 accepts it and falls back in the fixed order cached, indexed, live", () => {
    const o = run(a28, "codex-0.142");
    expect(o.status).toBe("ok");
    expect(o.effective?.web_search).toBe("indexed");
    expect(warningMessages(o)[0]).toContain("falling back to required value Indexed");
  });
});

describe("0.142: the web search deprecation notice lists indexed (binary 0.141.0 / 0.142.0)", () => {
  const cached = user("[features]\nweb_search_cached = false\n");
  it("0.141 lists live, cached and disabled", () => {
    expect(warningMessages(run(cached, "codex-0.141"))[0]).toContain(
      'Set `web_search` to `"live"`, `"cached"`, or `"disabled"` at the top level',
    );
  });
  it("0.142 adds indexed", () => {
    expect(warningMessages(run(cached, "codex-0.142"))[0]).toContain(
      'Set `web_search` to `"live"`, `"indexed"`, `"cached"`, or `"disabled"` at the top level',
    );
  });
});

describe("0.143: on-failure is read as on-request (binary 0.142.0 / 0.143.0)", () => {
  const configured = user('approval_policy = "on-failure"');
  const allowed = req('allowed_approval_policies = ["on-failure", "never"]');
  it("0.142 keeps on-failure, configured or allowed", () => {
    expect(run(configured, "codex-0.142").effective?.approval_policy).toBe("on-failure");
    const o = run(allowed, "codex-0.142");
    expect(o.requirements.allowed_approval_policies?.value).toEqual(["on-failure", "never"]);
    expect(o.effective?.approval_policy).toBe("on-failure");
  });
  it("0.143 reads it as on-request", () => {
    expect(run(configured, "codex-0.143").effective?.approval_policy).toBe("on-request");
    const o = run(allowed, "codex-0.143");
    expect(o.requirements.allowed_approval_policies?.value).toEqual(["on-request", "never"]);
    expect(o.effective?.approval_policy).toBe("on-request");
  });
});

describe("0.147: a requirements validation error stops the app-server", () => {
  const g03 = req('[rules]\nprefix_rules = [{ pattern = [{ token = "ls" }], decision = "allow" }]');
  it("0.146 stays up on defaults", () => {
    const o = run(g03, "codex-0.146");
    expect(o.status).toBe("refused");
    expect(warningMessages(o)).toContain("Invalid configuration; using defaults.");
  });
  it("0.147 exits", () => {
    const o = run(g03, "codex-0.147");
    expect(o.status).toBe("refused");
    expect(warningMessages(o)).not.toContain("Invalid configuration; using defaults.");
  });
  // binary 0.140.0-0.146.0 stay up, 0.147.0-0.150.0 exit
  const legacySyntax = legacy("\n\nallowed_approval_policies = [\n");
  const systemConfigSyntax = { system: { config: "approval_policy = [\n" } };
  it("0.146 also stays up after a managed_config.toml or system config.toml failure", () => {
    for (const s of [legacySyntax, systemConfigSyntax]) {
      const o = run(s, "codex-0.146");
      expect(o.status).toBe("refused");
      expect(warningMessages(o)).toEqual(["Invalid configuration; using defaults."]);
    }
  });
  it("0.147 exits on them without a warning", () => {
    for (const s of [legacySyntax, systemConfigSyntax]) {
      const o = run(s, "codex-0.147");
      expect(o.status).toBe("refused");
      expect(warningMessages(o)).toEqual([]);
    }
  });
});

describe('0.149: approval_policy = "untrusted" in config is fatal', () => {
  const b03 = req(
    'allowed_approval_policies = ["never", "on-request"]',
    user('approval_policy = "untrusted"'),
  );
  it("0.148 falls back to the first allowed entry", () => {
    const o = run(b03, "codex-0.148");
    expect(o.effective?.approval_policy).toBe("never");
    expect(warningMessages(o)[0]).toContain("falling back to required value Never");
  });
  it("0.149 refuses", () => {
    const o = run(b03, "codex-0.149");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("config-approval-untrusted");
  });
});

describe("0.156: a disallowed thread approval policy, reviewer or sandbox warns (binary 0.130.0 / 0.150.0 / 0.155.0 / 0.156.0)", () => {
  const approval = req('allowed_approval_policies = ["on-request"]', {
    session: { thread: { approval_policy: "never" } },
  });
  const reviewer = req('allowed_approvals_reviewers = ["auto_review"]', {
    session: { thread: { approvals_reviewer: "user" } },
  });
  const sandbox = req('allowed_sandbox_modes = ["read-only"]', {
    session: { thread: { sandbox: "danger-full-access" } },
  });
  it("0.155 falls back silently for all three", () => {
    const a = run(approval, "codex-0.155");
    expect(a.effective?.approval_policy).toBe("on-request");
    expect(warningMessages(a)).toEqual([]);
    const r = run(reviewer, "codex-0.155");
    expect(r.effective?.approvals_reviewer).toBe("auto_review");
    expect(warningMessages(r)).toEqual([]);
    const b = run(sandbox, "codex-0.155");
    expect(b.effective?.sandbox_mode).toBe("read-only");
    expect(warningMessages(b)).toEqual([]);
  });
  it("0.156 warns for all three", () => {
    expect(warningMessages(run(approval, "codex-0.156"))[0]).toMatch(
      /^Configured value for `approval_policy` is disallowed by requirements; falling back to required value OnRequest\./,
    );
    expect(warningMessages(run(reviewer, "codex-0.156"))[0]).toMatch(
      /^Configured value for `approvals_reviewer` is disallowed/,
    );
    expect(warningMessages(run(sandbox, "codex-0.156"))).toEqual([
      expect.stringMatching(/`DangerFullAccess` is not in the allowed set \[ReadOnly\]/),
    ]);
  });
  it("so does a thread sandbox that managed_config.toml disallows", () => {
    const managed = {
      ...legacy('sandbox_mode = "read-only"', ""),
      session: { thread: { sandbox: "workspace-write" } },
    };
    for (const ed of ["codex-0.130", "codex-0.155"] as const) {
      const o = run(managed, ed);
      expect(o.effective?.sandbox_mode).toBe("read-only");
      expect(warningMessages(o)).toEqual([]);
    }
    const [w] = warningMessages(run(managed, "codex-0.156"));
    expect(w).toMatch(
      /`WorkspaceWrite` is not in the allowed set \[ReadOnly\] \(set by \/etc\/codex\/managed_config\.toml\)$/,
    );
  });
  it("a configured (not thread) reviewer warned before 0.156 too", () => {
    const configured = req(
      'allowed_approvals_reviewers = ["auto_review"]',
      user('approvals_reviewer = "user"'),
    );
    expect(warningMessages(run(configured, "codex-0.150"))).toHaveLength(1);
  });
});

describe("0.157: a requirements.toml syntax error stays up on defaults again (binary 0.146.0 / 0.147.0 / 0.156.0 / 0.157.0)", () => {
  const syntax = req("allowed_approval_policies = [\n");
  const invalid = "Invalid configuration; using defaults.";
  it("0.146 stays up, 0.147 to 0.156 exit", () => {
    expect(warningMessages(run(syntax, "codex-0.146"))).toEqual([invalid]);
    expect(warningMessages(run(syntax, "codex-0.147"))).toEqual([]);
    expect(warningMessages(run(syntax, "codex-0.156"))).toEqual([]);
  });
  it("0.157 stays up again", () => {
    const o = run(syntax, "codex-0.157");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("toml-syntax");
    expect(warningMessages(o)).toEqual([invalid]);
  });
});

describe("0.156: unknown-key warnings and the default login methods", () => {
  const h07 = req('allowed_sandbox_modes = ["read-only"]\nno_such_key = 1');
  it("0.155 ignores unknown keys silently and reports no login methods", () => {
    const o = run(h07, "codex-0.155");
    expect(o.warnings).toEqual([]);
    expect(o.requirements.allowed_login_methods).toBeUndefined();
  });
  it("0.156 warns and reports the default login methods", () => {
    const o = run(h07, "codex-0.156");
    expect(warningMessages(o).some((w) => w.includes("unrecognized configuration setting"))).toBe(true);
    expect(o.requirements.allowed_login_methods?.value).toEqual(["api", "chatgpt"]);
  });
});

describe("0.167: rule decision prompt-user (binary: 0.166.0 rejects, 0.167.2 and 0.168.0 accept)", () => {
  const g19 = req(
    '[rules]\nprefix_rules = [{ pattern = [{ token = "git" }, { token = "push" }], decision = "prompt-user" }]',
  );
  it("0.166 rejects it as an unknown variant", () => {
    const o = run(g19, "codex-0.166");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.message).toContain(
      "unknown variant `prompt-user`, expected one of `allow`, `prompt`, `forbidden`",
    );
  });
  it("0.167 accepts it", () => {
    expect(run(g19, "codex-0.167").status).toBe("ok");
  });
  it("the allow refusal lists the decisions of the release (g03)", () => {
    const g03 = req('[rules]\nprefix_rules = [{ pattern = [{ token = "ls" }], decision = "allow" }]');
    expect(run(g03, "codex-0.166").errors[0]?.message).toMatch(/\(use 'prompt' or 'forbidden'\)$/);
    expect(run(g03, "codex-0.167").errors[0]?.message).toMatch(
      /\(use 'prompt', 'prompt-user', or 'forbidden'\)$/,
    );
  });
});

describe("editions of releases that report no merged requirements (0.77, 0.79)", () => {
  it("carry a caveat notice; 0.80 and later do not", () => {
    const s = req('allowed_approval_policies = ["on-request"]');
    for (const e of ["codex-0.77", "codex-0.79"] as const)
      expect(run(s, e).notices[0]).toMatchObject({
        kind: "edition-caveat",
        message: expect.stringContaining(e),
      });
    for (const e of ["codex-0.80", "codex-0.100", "codex-0.128"] as const)
      expect(run(s, e).notices.some((n) => n.kind === "edition-caveat")).toBe(false);
  });
});

describe("0.168: the [features].multi_agent deprecation warning (binary: absent on 0.167.2, present on 0.168.0)", () => {
  const s = {
    system: { managed_config: "\n" },
    project: { config: "[features]\nmulti_agent = false\n", trust: "trusted" as const },
  };
  it("0.167 says nothing", () => {
    expect(run(s, "codex-0.167").warnings).toEqual([]);
  });
  it("0.168 warns", () => {
    expect(run(s, "codex-0.168").warnings.map((w) => w.code)).toEqual(["multi-agent-deprecated"]);
  });
});

describe("0.166: requirements keys otel and unsafe_enforce_sqlite_journal_mode (binary 0.164.0, 0.165.0, 0.166.0)", () => {
  const s = req("otel = 1");
  it("0.165 ignores otel with the unrecognized-settings warning", () => {
    const o = run(s, "codex-0.165");
    expect(o.status).toBe("ok");
    expect(warningMessages(o)[0]).toContain("`otel` is ignored.");
  });
  it("0.166 reads it and refuses the wrong shape", () => {
    const o = run(s, "codex-0.166");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.message).toContain("expected struct OtelRequirementsToml");
  });
});

describe("0.146: the printed read-only profile entry gains missing_path_behavior (binary 0.128.0 / 0.145.0 / 0.146.0)", () => {
  const b11 = req('allowed_sandbox_modes = ["read-only"]', user('sandbox_mode = "workspace-write"'));
  it("0.145 prints path and access only", () => {
    expect(warningMessages(run(b11, "codex-0.145"))[0]).toContain(
      "access: Read }], glob_scan_max_depth: None }",
    );
  });
  it("0.146 adds missing_path_behavior: None", () => {
    expect(warningMessages(run(b11, "codex-0.146"))[0]).toContain(
      "access: Read, missing_path_behavior: None }], glob_scan_max_depth: None }",
    );
  });
});

describe("0.149: the untrusted-project warning names the effective configuration (binary 0.130.0 / 0.148.0 / 0.149.0)", () => {
  const project = (trust: "untrusted" | "unknown") => ({
    system: { requirements: "" },
    project: { config: "", trust },
  });
  it("0.148 says the project is marked untrusted in ~/.codex/config.toml", () => {
    expect(warningMessages(run(project("untrusted"), "codex-0.148"))[0]).toMatch(
      /\. is marked as untrusted in ~\/\.codex\/config\.toml\. To load project-local config, hooks, and exec policies, mark it trusted\.\n$/,
    );
  });
  it("0.149 says the effective configuration and points at a managed setting", () => {
    expect(warningMessages(run(project("untrusted"), "codex-0.149"))[0]).toMatch(
      /is marked as untrusted in the effective configuration\. .*contact your administrator\.\n$/,
    );
  });
  it("an unknown-trust project reads the same on both sides", () => {
    expect(warningMessages(run(project("unknown"), "codex-0.148"))).toEqual(
      warningMessages(run(project("unknown"), "codex-0.149")),
    );
  });
});

describe("0.147: -c values are checked with the config files, and defaults show their warnings (binary 0.130.0 / 0.140.0 / 0.146.0 / 0.147.0)", () => {
  const both = req('[[rules.prefix_rules]]\ndecision = "bogus"\npattern = [{ token = "rm" }]', {
    session: { overrides: ['web_search="bogus"'] },
  });
  it("0.146 stops on the -c value before reading requirements", () => {
    const o = run(both, "codex-0.146");
    expect(o.errors[0]).toMatchObject({ code: "unknown-variant", layer: "session" });
    expect(warningMessages(o)).toEqual([]);
  });
  it("0.147 reports the requirements error first", () => {
    expect(run(both, "codex-0.147").errors[0]).toMatchObject({
      code: "unknown-variant",
      layer: "system.requirements",
    });
  });
  const onDefaults = req("[features]\nconnectors = false", user('web_search = "bogus"'));
  it("0.146 on defaults shows only that it uses defaults", () => {
    expect(warningMessages(run(onDefaults, "codex-0.146"))).toEqual([
      "Invalid configuration; using defaults.",
    ]);
  });
  it("0.147 also shows the defaults' legacy feature warning", () => {
    expect(warningMessages(run(onDefaults, "codex-0.147"))).toEqual([
      "Invalid configuration; using defaults.",
      expect.stringMatching(/^Using legacy `features` requirement `connectors`/),
    ]);
  });
  it("a managed_config failure before 0.147 shows only that it uses defaults, not the project warning", () => {
    const o = run(
      { ...legacy('web_search = "bogus"', ""), project: { config: "", trust: "untrusted" } },
      "codex-0.130",
    );
    expect(o.status).toBe("refused");
    expect(warningMessages(o)).toEqual(["Invalid configuration; using defaults."]);
  });
});

describe("0.154: under untrusted a required auto-reviewer answers (binary 0.130.0-0.153.0 / 0.154.0-0.169.0)", () => {
  const forced = req(
    'allowed_approval_policies = ["untrusted"]\nallowed_approvals_reviewers = ["auto_review"]',
    {
      probe: { commands: ["npm x"] },
    },
  );
  it("0.153 asks the user", () => {
    expect(run(forced, "codex-0.153").effective?.commands[0]?.outcome).toBe("ask-user");
  });
  it("0.154 asks the reviewer", () => {
    expect(run(forced, "codex-0.154").effective?.commands[0]?.outcome).toBe("ask-reviewer");
  });
});

describe("0.154: an unclosed array or inline table is reported after its last token (binary 0.150.0 / 0.153.0 / 0.154.0)", () => {
  const at = (requirements: string, ed: "codex-0.153" | "codex-0.154") => {
    const e = run(req(requirements), ed).errors[0];
    return `${e?.line}:${e?.column}`;
  };
  const cases: [string, string, string][] = [
    // text, 0.153 (end of input), 0.154 (after the last token)
    ["allowed_approval_policies = [\n", "1:31", "1:30"],
    ["allowed_approval_policies = [\n# c\n\n", "3:2", "1:30"],
    ["allowed_approval_policies = [", "1:30", "1:30"],
    ["allowed_approval_policies = {a = 1\n", "1:36", "1:35"],
    ["allowed_approval_policies = {a = 1\nb = 2\n", "2:1", "1:35"],
  ];
  it.each(cases)("%j: %s before, %s from 0.154", (text, before, after) => {
    expect(at(text, "codex-0.153")).toBe(before);
    expect(at(text, "codex-0.154")).toBe(after);
  });
  it("other syntax errors sit where they are in both (an unclosed string)", () => {
    expect(at('allowed_approval_policies = "abc\n', "codex-0.153")).toBe(
      at('allowed_approval_policies = "abc\n', "codex-0.154"),
    );
  });
  it("config files too, and the message carries the location", () => {
    const o = run({ system: { config: "approval_policy = [\n" } }, "codex-0.153");
    expect(o.errors[0]).toMatchObject({ line: 1, column: 21 });
    expect(o.errors[0]?.message).toMatch(/^\/etc\/codex\/config\.toml:1:21: unclosed array/);
  });
});

describe("0.148: an unknown-trust project loads on the effective sandbox, not the requested one (binary 0.140.0 / 0.147.0 / 0.148.0)", () => {
  const pjb = req('allowed_sandbox_modes = ["read-only"]', {
    project: { config: "x = [\n", trust: "unknown" },
    session: { thread: { sandbox: "workspace-write" } },
  });
  it("0.147 loads it because the thread asked for workspace-write, and stops on its syntax error", () => {
    expect(run(pjb, "codex-0.147").errors[0]).toMatchObject({ code: "toml-syntax", layer: "project.config" });
  });
  it("0.148 leaves it unloaded: the sandbox fell back to read-only", () => {
    expect(run(pjb, "codex-0.148").status).toBe("ok");
  });
});

describe("0.164: a startup failure a thread cures is still reported (binary 0.134.0-0.163.0 / 0.164.0-0.171.0)", () => {
  // never (from -c) with the user's disallowed danger-full-access: Codex falls back to defaults; the
  // thread's own sandbox replaces danger-full-access, so the thread starts.
  const cured = (thread: Record<string, string>, config = 'sandbox_mode = "danger-full-access"') =>
    req('allowed_sandbox_modes = ["read-only"]', {
      user: { config },
      session: { overrides: ['approval_policy="never"'], thread },
    });
  const fallback = /^Configured value for `permission_profile` is disallowed by requirements/;
  it("0.163 starts the thread: never with the required read-only, the thread's fallback warning after the defaults'", () => {
    const o = run(cured({ sandbox: "workspace-write" }), "codex-0.163");
    expect(o.status).toBe("ok");
    expect(o.errors).toEqual([]);
    expect(o.effective?.approval_policy).toBe("never");
    expect(o.effective?.sandbox_mode).toBe("read-only");
    const [invalid, fell, ...rest] = warningMessages(o);
    expect(invalid).toBe("Invalid configuration; using defaults.");
    expect(fell).toMatch(fallback);
    expect(rest).toEqual([]);
  });
  it("0.164 reports the startup refusal, with the started thread's warnings", () => {
    const o = run(cured({ sandbox: "workspace-write" }), "codex-0.164");
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("never-with-disallowed-full-access");
    expect(o.effective).toBeNull();
    const [invalid, fell] = warningMessages(o);
    expect(invalid).toBe("Invalid configuration; using defaults.");
    expect(fell).toMatch(fallback);
  });
  it("the thread's unknown keys and deprecation notices come with it (0.169)", () => {
    const o = run(
      cured(
        { sandbox: "workspace-write" },
        'sandbox_mode = "danger-full-access"\nfoo_bar = 1\n[features]\nweb_search_request = true',
      ),
      "codex-0.169",
    );
    const w = warningMessages(o);
    expect(w).toHaveLength(4);
    expect(w[1]).toMatch(/^Codex is ignoring 1 unrecognized configuration setting/);
    expect(w[2]).toMatch(fallback);
    expect(w[3]).toMatch(/^`\[features\]\.web_search_request` is deprecated/);
  });
  it("before 0.156 the thread's sandbox falls back silently; a pre-0.147 refusal in requirements cures too", () => {
    const o = run(cured({ sandbox: "workspace-write" }), "codex-0.146");
    expect(o.status).toBe("ok");
    expect(warningMessages(o)).toEqual(["Invalid configuration; using defaults."]);
  });
  it("a thread that does not cure the failure leaves only the defaults' warning", () => {
    // The thread's approval falls back to never; danger-full-access still stands.
    const o = run(
      req('allowed_sandbox_modes = ["read-only"]\nallowed_approval_policies = ["never", "on-request"]', {
        user: { config: 'sandbox_mode = "danger-full-access"' },
        session: { overrides: ['approval_policy="never"'], thread: { approval_policy: "untrusted" } },
      }),
      "codex-0.163",
    );
    expect(o.status).toBe("refused");
    expect(warningMessages(o)).toEqual(["Invalid configuration; using defaults."]);
  });
  it("a failure no thread can cure (an unknown model provider) stays refused in both", () => {
    for (const ed of ["codex-0.163", "codex-0.164"] as const) {
      const o = run(
        req('allowed_sandbox_modes = ["read-only"]', {
          user: { config: 'model_provider = "nope"' },
          session: { thread: { sandbox: "workspace-write" } },
        }),
        ed,
      );
      expect(o.status).toBe("refused");
      expect(warningMessages(o)).toEqual(["Invalid configuration; using defaults."]);
    }
  });
});

describe("0.149: under untrusted, known read-only commands ask too (binary 0.128.0-0.148.0 / 0.149.0, 0.150.0, 0.169.0)", () => {
  const untrusted = (commands: string[]) =>
    req('allowed_approval_policies = ["untrusted"]', { probe: { commands } });
  const outcomes = (edition: "codex-0.128" | "codex-0.148" | "codex-0.149") =>
    Object.fromEntries(
      (
        run(
          untrusted([
            "ls",
            "git status",
            "sed -n 1,2p f",
            "find . -name x",
            "ls | wc",
            "find . -delete",
            "rg --pre x foo",
            "git branch -D x",
            "printf x",
          ]),
          edition,
        ).effective?.commands ?? []
      ).map((c) => [c.command, c.outcome]),
    );
  it("0.128 and 0.148 run what they know to be read-only, also in pipes, and ask for the rest", () => {
    expect(outcomes("codex-0.148")).toEqual(outcomes("codex-0.128"));
    expect(outcomes("codex-0.128")).toEqual({
      ls: "run",
      "git status": "run",
      "sed -n 1,2p f": "run",
      "find . -name x": "run",
      "ls | wc": "run",
      "find . -delete": "ask-user",
      "rg --pre x foo": "ask-user",
      "git branch -D x": "ask-user",
      "printf x": "ask-user",
    });
  });
  it("0.149 asks for every one", () => {
    expect(new Set(Object.values(outcomes("codex-0.149")))).toEqual(new Set(["ask-user"]));
  });
  it("under on-request the list changes nothing (0.128)", () => {
    const o = run(req("", { probe: { commands: ["printf x", "ls"] } }), "codex-0.128");
    expect(o.effective?.commands.map((c) => c.outcome)).toEqual(["run", "run"]);
  });
});

describe("toggledEdition: one change taken away or added", () => {
  it("takes a change away from a release that shows it, and adds it to one that does not", () => {
    expect(editionSpec("codex-0.110").ruleBasenameRetry).toBe(true);
    expect(toggledEdition("codex-0.110", "rule-basename-retry").ruleBasenameRetry).toBe(false);
    expect(editionSpec("codex-0.107").ruleBasenameRetry).toBe(false);
    expect(toggledEdition("codex-0.107", "rule-basename-retry").ruleBasenameRetry).toBe(true);
    // Every other switch stays as the release has it.
    const { ruleBasenameRetry: _a, ...rest } = toggledEdition("codex-0.110", "rule-basename-retry");
    const { ruleBasenameRetry: _b, ...own } = editionSpec("codex-0.110");
    expect(rest).toEqual(own);
  });

  it("a feature catalogue entry swaps the catalogue", () => {
    expect(toggledEdition("codex-0.170", "features-0.170").featureRelease).toBe("0.169.0");
    expect(toggledEdition("codex-0.169", "features-0.170").featureRelease).toBe("0.170.0");
  });

  it("a vocabulary entry adds or removes its words", () => {
    expect(editionSpec("codex-0.142").webSearchModes).toContain("indexed");
    expect(toggledEdition("codex-0.142", "web-search-indexed").webSearchModes).not.toContain("indexed");
  });
});
