import { OutcomeSchema } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "../src/channels.js";
import { AdapterError } from "../src/errors.js";
import { mapOutcome } from "../src/map/outcome.js";
import { FIXTURE_PATHS, rawFixture, scenarioFixture } from "./fixtures.js";

const all = [...CHANNELS];
const map = (name: string, channels = all) =>
  mapOutcome(rawFixture(name), scenarioFixture(name), channels, FIXTURE_PATHS);

describe("mapOutcome on recorded observations", () => {
  it("a05: web search falls back to cached with the binary's warning, requirements as reported", () => {
    const o = map("a05");
    expect(OutcomeSchema.parse(o)).toBeTruthy();
    expect(o.status).toBe("ok");
    expect(o.edition).toBe("codex-0.169");
    expect(o.requirements.allowed_web_search_modes).toEqual({
      value: ["cached", "disabled"],
      source: "system",
    });
    expect(o.unobserved).toContain("requirements.allowed_login_methods.source");
    expect(o.requirements.allowed_login_methods?.value).toEqual(["api", "chatgpt"]);
    expect(o.effective?.web_search).toBe("cached");
    expect(o.effective?.approval_policy).toBe("on-request");
    expect(o.effective?.sandbox_mode).toBe("read-only");
    expect(o.warnings).toEqual([
      {
        code: "requirement-fallback",
        message:
          "Configured value for `web_search_mode` is disallowed by requirements; falling back to required value Cached. Details: invalid value for `web_search_mode`: `Live` is not in the allowed set [Disabled, Cached] (set by /etc/codex/requirements.toml)",
      },
    ]);
  });

  it.each([
    ["approvalsReviewer", "effective.approvals_reviewer", "the reviewer (0.100)"],
    ["activePermissionProfile", "effective.permission_profile", "the permission profile (0.95)"],
  ])("a release whose thread/start has no %s leaves %s unobserved: %s", (field, path) => {
    const raw = rawFixture("a05");
    const result = raw.appServer?.threadStart?.result as Record<string, unknown>;
    delete result[field];
    const o = mapOutcome(raw, scenarioFixture("a05"), all, FIXTURE_PATHS);
    expect(o.unobserved).toContain(path);
    expect(map("a05").unobserved).not.toContain(path);
  });

  it("a release without hooks/list leaves the hook list unobserved", () => {
    const raw = rawFixture("a05");
    if (raw.appServer)
      raw.appServer.hooks = {
        error: {
          code: -32600,
          message: "Invalid request: unknown variant `hooks/list`, expected one of `initialize`",
        },
      };
    const o = mapOutcome(raw, scenarioFixture("a05"), all, FIXTURE_PATHS);
    expect(o.unobserved).toContain("effective.hooks");
    expect(o.effective?.hooks).toEqual([]);
  });

  it("filters the bubblewrap environment warning", () => {
    const raw = rawFixture("a05");
    expect(JSON.stringify(raw)).toContain("could not find bubblewrap");
    expect(JSON.stringify(map("a05").warnings)).not.toContain("bubblewrap");
  });

  it("h01: a TOML syntax error refuses with the located message and the invalid-configuration warning", () => {
    const o = map("h01");
    expect(o.status).toBe("refused");
    expect(o.effective).toBeNull();
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]).toMatchObject({
      code: "toml-syntax",
      layer: "system.requirements",
      line: 1,
      column: 37,
    });
    expect(o.errors[0]!.message).toMatch(
      /^failed to parse requirements layer \/etc\/codex\/requirements\.toml: TOML parse error/,
    );
    expect(o.warnings.map((w) => w.code)).toEqual(["invalid-configuration"]);
  });

  it("b17: a validation failure (app-server exits) refuses with sandbox-without-read-only", () => {
    const o = map("b17");
    expect(o.status).toBe("refused");
    expect(o.errors[0]).toMatchObject({ code: "sandbox-without-read-only", layer: "system.requirements" });
    expect(o.warnings).toEqual([]);
  });

  it("b03: a refusal whose text names no file reports layer unknown and marks it unobserved", () => {
    const o = map("b03");
    expect(o.errors[0]).toMatchObject({ code: "config-approval-untrusted", layer: "unknown" });
    expect(o.unobserved).toContain("errors.0.layer");
  });

  it("f03: MCP allowlist states and pinned features come from mcp list and features list", () => {
    const o = map("f03");
    expect(o.effective?.mcp_servers).toEqual({
      docs: { enabled: true, reason: null, transport: "stdio" },
      other: { enabled: false, reason: "requirements (/etc/codex/requirements.toml)", transport: "stdio" },
      remote: { enabled: true, reason: null, transport: "http" },
    });
    expect(o.effective?.features.shell_tool).toEqual({ enabled: false, stage: "stable" });
    expect(o.requirements.features?.value).toEqual({ no_such_feature_xyz: true, shell_tool: false });
    expect(o.warnings.map((w) => w.code)).toEqual(["unknown-feature-requirement"]);
  });

  it("i03: managed hooks are listed, camelCase events capitalized", () => {
    const o = map("i03");
    expect(o.effective?.hooks).toEqual([
      {
        event: "PreToolUse",
        matcher: "Bash",
        command: "/etc/codex/hooks/check.sh",
        source: "system",
        managed: true,
      },
    ]);
    expect(o.requirements.allow_managed_hooks_only?.value).toBe(true);
  });

  it("g02: commands are classified from the tool output and approval requests; indexed from the warning", () => {
    const o = map("g02");
    expect(o.effective?.web_search).toBe("indexed");
    const byCmd = Object.fromEntries((o.effective?.commands ?? []).map((c) => [c.command, c]));
    expect(byCmd["rm -rf ./scratch"]).toMatchObject({
      decision: "forbidden",
      outcome: "rejected",
      rule: null,
    });
    expect(byCmd["rm -rf ./scratch"]!.message).toContain("rejected: no deleting");
    expect(byCmd["git push origin main"]).toMatchObject({
      decision: "prompt",
      outcome: "ask-user",
      message: null,
    });
    expect(byCmd["echo hi"]).toMatchObject({ decision: "none", outcome: "run", message: null });
  });

  it("g02: with a user allow rule, which rule let a command run is not observable; which stopped one is", () => {
    const base = scenarioFixture("g02");
    const allowing = {
      ...base,
      user: { ...base.user, rules: 'prefix_rule(pattern=["ls"], decision="allow")\n' },
    };
    const o = mapOutcome(rawFixture("g02"), allowing, all, FIXTURE_PATHS);
    const at = (cmd: string) => o.effective!.commands.findIndex((c) => c.command === cmd);
    expect(o.unobserved).toContain(`effective.commands.${at("echo hi")}.decision`);
    expect(o.unobserved).toContain(`effective.commands.${at("ls")}.decision`);
    expect(o.unobserved).not.toContain(`effective.commands.${at("rm -rf ./scratch")}.decision`);
    expect(o.unobserved).not.toContain(`effective.commands.${at("git push origin main")}.decision`);
    // Without user rules nothing can allow, so a run is decided by no rule.
    expect(map("g02").unobserved).not.toContain(`effective.commands.${at("echo hi")}.decision`);
  });

  it("g02 with an unknown-trust project config: the startup warning no longer settles indexed", () => {
    const base = scenarioFixture("g02");
    const scenario = { ...base, project: { trust: "unknown" as const, config: 'web_search = "live"\n' } };
    const o = mapOutcome(rawFixture("g02"), scenario, all, FIXTURE_PATHS);
    expect(o.effective?.web_search_access).toBe("external");
    expect(o.unobserved).toContain("effective.web_search");
  });

  it("untrusted: temp paths in warnings are normalized", () => {
    const o = map("untrusted");
    expect(o.effective?.approval_policy).toBe("untrusted");
    expect(o.effective?.sandbox_mode).toBe("workspace-write");
    expect(o.warnings[0]!.code).toBe("project-config-disabled");
    expect(o.warnings[0]!.message).not.toContain("/tmp/");
    expect(o.warnings[0]!.message).toContain(". is marked as untrusted in the effective configuration.");
  });

  it("lists channels that did not run as unobserved and does not invent their values", () => {
    const o = map("a05", ["requirements", "session"]);
    expect(o.unobserved).toEqual(
      expect.arrayContaining(["effective.web_search", "effective.features", "effective.commands"]),
    );
    expect(o.effective?.web_search).toBe("(unobserved)");
    expect(o.effective?.features).toEqual({});
  });

  it("a driver crash is an AdapterError, not an Outcome", () => {
    const raw = { ...rawFixture("a05"), fatal: "Error: mount failed\n    at x" };
    expect(() => mapOutcome(raw, scenarioFixture("a05"), all, FIXTURE_PATHS)).toThrow(AdapterError);
  });
});

describe("unobserved per-entry fields", () => {
  it("are listed per feature, server and command so that plain prefix matching skips them", () => {
    const o = mapOutcome(rawFixture("f03"), scenarioFixture("f03"), [...CHANNELS], FIXTURE_PATHS);
    expect(o.unobserved).toContain("effective.features.shell_tool.pinned_by");
    expect(o.unobserved).toContain("effective.mcp_servers.other.origin");
    expect(o.unobserved).not.toContain("effective.features.shell_tool.enabled");
    const g = mapOutcome(rawFixture("g02"), scenarioFixture("g02"), [...CHANNELS], FIXTURE_PATHS);
    expect(g.unobserved).toContain("effective.commands.0.rule");
  });
});

describe("a command line Codex rejects before printing its startup config", () => {
  const rejected = (stderr: string, code: number | null) => ({
    ...rawFixture("a05"),
    startup: { args: [], code, stdout: "", stderr, timedOut: false },
  });
  it("an unknown --enable feature is a refusal of the session layer, with no warnings", () => {
    const o = mapOutcome(
      { ...rejected("Error: Unknown feature flag: no_such_feature\n", 1), appServer: null },
      scenarioFixture("a05"),
      all,
      FIXTURE_PATHS,
    );
    expect(o.status).toBe("refused");
    expect(o.errors[0]).toMatchObject({
      code: "unknown-feature-flag",
      layer: "session",
      message: "Unknown feature flag: no_such_feature",
    });
    expect(o.warnings).toEqual([]);
  });
  it("output that is neither a report nor an error line is still an adapter failure", () => {
    expect(() => mapOutcome(rejected("segfault\n", 139), scenarioFixture("a05"), all, FIXTURE_PATHS)).toThrow(
      AdapterError,
    );
  });
});
