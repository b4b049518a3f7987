import { describe, expect, it } from "vitest";
import { REQ, req, run } from "./helpers.js";

const legacy = (managed_config: string, requirements?: string) => ({
  system: { managed_config, ...(requirements !== undefined ? { requirements } : {}) },
});

describe("legacy managed_config.toml (oracle section c)", () => {
  it("turns approval_policy into a one-value requirement and a config value (c01)", () => {
    const o = run({
      ...legacy('approval_policy = "never"'),
      user: { config: 'approval_policy = "on-request"' },
    });
    expect(o.requirements.allowed_approval_policies).toEqual({ value: ["never"], source: "legacy" });
    expect(o.effective?.approval_policy).toBe("never");
    expect(o.warnings).toEqual([]);
  });
  it("turns sandbox_mode into read-only plus that mode (c02)", () => {
    const o = run(legacy('sandbox_mode = "workspace-write"'));
    expect(o.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "workspace-write"]);
    expect(o.effective?.sandbox_mode).toBe("workspace-write");
  });
  it("beats requirements.toml for the same field in codex-0.169 (c03, c06)", () => {
    const c03 = run(legacy('approval_policy = "never"', 'allowed_approval_policies = ["on-request"]'));
    expect(c03.requirements.allowed_approval_policies?.value).toEqual(["never"]);
    expect(c03.effective?.approval_policy).toBe("never");
    const c06 = run(
      legacy(
        'sandbox_mode = "danger-full-access"',
        'allowed_sandbox_modes = ["read-only", "workspace-write"]',
      ),
    );
    expect(c06.effective?.sandbox_mode).toBe("danger-full-access");
    expect(c06.effective?.web_search).toBe("live");
  });
  it("loses to requirements.toml in the documented edition", () => {
    const o = run(
      legacy('approval_policy = "never"', 'allowed_approval_policies = ["on-request"]'),
      "documented",
    );
    expect(o.requirements.allowed_approval_policies).toEqual({ value: ["on-request"], source: "system" });
    expect(o.effective?.approval_policy).toBe("on-request");
    expect(o.warnings[0]?.code).toBe("requirement-fallback");
  });
  it("merges different fields from both files (c05)", () => {
    const o = run(
      legacy('approval_policy = "never"', 'allowed_sandbox_modes = ["read-only", "workspace-write"]'),
    );
    expect(o.requirements.allowed_approval_policies?.source).toBe("legacy");
    expect(o.requirements.allowed_sandbox_modes?.source).toBe("system");
  });
  it("reports requirement-only keys in it as ignored (c12)", () => {
    const o = run(legacy('allowed_approval_policies = ["never"]\nallowed_sandbox_modes = ["read-only"]'));
    expect(o.warnings).toEqual([
      {
        code: "unrecognized-settings",
        message:
          "Codex is ignoring 2 unrecognized configuration settings. Check for typos or deprecated settings.\n  legacy managed_config.toml (/etc/codex/managed_config.toml): `allowed_approval_policies` is ignored.\n  legacy managed_config.toml (/etc/codex/managed_config.toml): `allowed_sandbox_modes` is ignored.",
      },
    ]);
  });
  it("stops Codex when its approval value is not a known variant", () => {
    const o = run(legacy('approval_policy = "bogus"'));
    expect(o.errors[0]?.message).toBe(
      "Failed to parse config requirements as TOML: unknown variant `bogus`, expected one of `untrusted`, `on-failure`, `on-request`, `granular`, `never`\nin `approval_policy`\n",
    );
  });
});

describe("remote_sandbox_config (oracle section d)", () => {
  const devbox = `allowed_sandbox_modes = ["read-only"]
[[remote_sandbox_config]]
hostname_patterns = ["*.devbox.example.com"]
allowed_sandbox_modes = ["read-only", "workspace-write"]`;
  const ww = { user: { config: 'sandbox_mode = "workspace-write"' } };
  it("replaces the list on a matching host, through the FQDN (d01, d13)", () => {
    const d13 = run(req(devbox, { ...ww, host: { hostname: "box1", fqdn: "box1.devbox.example.com" } }));
    expect(d13.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "workspace-write"]);
    expect(d13.effective?.sandbox_mode).toBe("workspace-write");
    const d14 = run(req(devbox, { ...ww, host: { hostname: "box1" } }));
    expect(d14.effective?.sandbox_mode).toBe("read-only");
  });
  it("refuses a matching entry without read-only, but not an unmatched one (d29, d30)", () => {
    const doc = `[[remote_sandbox_config]]
hostname_patterns = ["build-*"]
allowed_sandbox_modes = ["workspace-write"]`;
    expect(run(req(doc, { host: { hostname: "build-1" } })).status).toBe("refused");
    expect(run(req(doc, { host: { hostname: "laptop" } })).status).toBe("ok");
  });
  it("refuses an entry without allowed_sandbox_modes (d32)", () => {
    const o = run(req('[[remote_sandbox_config]]\nhostname_patterns = ["*"]'));
    expect(o.errors[0]?.message).toBe(
      `failed to parse requirements layer ${REQ}: missing field \`allowed_sandbox_modes\`\nin \`remote_sandbox_config\`\n`,
    );
  });
  it("warns about unknown keys inside an entry (h20)", () => {
    const o = run(
      req(
        '[[remote_sandbox_config]]\nhostname_patterns = ["x"]\nallowed_sandbox_modes = ["read-only"]\nbogus = 1',
      ),
    );
    expect(o.warnings[0]?.message).toContain("`remote_sandbox_config.0.bogus` is ignored.");
  });
});

describe("malformed requirements (oracle section h)", () => {
  it("locates TOML syntax errors and blocks the session (h01)", () => {
    const o = run(req("allowed_sandbox_modes = [read-only]"));
    expect(o.status).toBe("refused");
    expect(o.errors[0]).toMatchObject({ code: "toml-syntax", layer: "system.requirements", line: 1 });
    expect(
      o.errors[0]?.message.startsWith(
        `failed to parse requirements layer ${REQ}: TOML parse error at line 1`,
      ),
    ).toBe(true);
    expect(o.warnings.map((w) => w.code)).toContain("invalid-configuration");
  });
  it("reports type errors with the field path, first in document order (h02)", () => {
    const o = run(req('allowed_approval_policies = "y"\nallowed_sandbox_modes = "x"'));
    expect(o.errors[0]?.message).toBe(
      `failed to parse requirements layer ${REQ}: invalid type: string "y", expected a sequence\nin \`allowed_approval_policies\`\n`,
    );
  });
  it("rejects enum spellings that are not exact (h03-h06)", () => {
    for (const [field, value] of [
      ["allowed_sandbox_modes", "read_only"],
      ["allowed_approval_policies", "Never"],
      ["allowed_web_search_modes", "Live"],
      ["allowed_approvals_reviewers", "robot"],
    ]) {
      const o = run(req(`${field} = ["${value}"]`));
      expect(o.errors[0]?.code).toBe("unknown-variant");
      expect(o.errors[0]?.message).toContain(`unknown variant \`${value}\``);
    }
  });
  it("accepts empty, comment-only, BOM and CRLF files (h08, h09, h21, h28)", () => {
    for (const text of [
      "",
      "# nothing",
      '\uFEFFallowed_sandbox_modes = ["read-only"]',
      'allowed_sandbox_modes = ["read-only"]\r\n',
    ]) {
      expect(run(req(text)).status).toBe("ok");
    }
  });
  it("warns once about unknown top-level keys, including [[command_rules]] (h07, g01)", () => {
    const o = run(
      req('this_key_does_not_exist = 1\n[[command_rules]]\npattern = "rm -rf *"\ndecision = "forbidden"'),
    );
    expect(o.warnings).toEqual([
      {
        code: "unrecognized-settings",
        message: `Codex is ignoring 2 unrecognized configuration settings. Check for typos or deprecated settings.\n  requirements (${REQ}): \`command_rules\` is ignored.\n  requirements (${REQ}): \`this_key_does_not_exist\` is ignored.`,
      },
    ]);
    expect(o.notices.map((n) => n.kind)).toContain("blog-command-rules");
  });
  it("reports no requirements for an empty file and the default login methods otherwise", () => {
    expect(run(req("")).requirements).toEqual({});
    expect(
      run(req('allowed_sandbox_modes = ["read-only"]')).requirements.allowed_login_methods?.value,
    ).toEqual(["api", "chatgpt"]);
  });
});
