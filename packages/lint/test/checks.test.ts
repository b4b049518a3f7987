import { LATEST_EDITION } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";

const codes = (text: string, kind: "requirements" | "config" = "requirements", targets = [LATEST_EDITION]) =>
  lintText({ file: "f.toml", kind, text, targets }).map((f) => f.code);

describe("findings stay quiet where nothing is wrong", () => {
  it("a sound policy draws no finding", () => {
    const text = [
      'allowed_approval_policies = ["on-request"]',
      'allowed_sandbox_modes = ["read-only", "workspace-write"]',
      'allowed_web_search_modes = ["cached", "disabled"]',
      "",
      "[rules]",
      'prefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }]',
      "",
      "[mcp_servers.docs]",
      'identity = { command = "docs-mcp" }',
      "",
    ].join("\n");
    expect(codes(text)).toEqual([]);
  });

  it("remote entries: disjoint patterns are not shadowed; a specific entry before a broad one is fine", () => {
    const entry = (p: string) =>
      `[[remote_sandbox_config]]\nhostname_patterns = ["${p}"]\nallowed_sandbox_modes = ["read-only"]\n`;
    expect(codes(entry("ci-*.corp.example") + entry("*.corp.example"))).toEqual([]);
    expect(codes(entry("a.example") + entry("b.example"))).toEqual([]);
    expect(codes(entry("*") + entry("build-?.example"))).toEqual(["remote-sandbox-shadowed"]);
    expect(codes(entry("Build.Example.") + entry("build.example"))).toEqual(["remote-sandbox-shadowed"]);
  });

  it("an approval list whose order changes nothing draws no order note", () => {
    // On current releases on-failure reads as on-request, so no config value falls outside this list.
    expect(codes('allowed_approval_policies = ["on-request", "never"]\n')).not.toContain(
      "approval-fallback-order",
    );
  });

  it("a non-empty MCP allowlist is not the empty-allowlist finding", () => {
    expect(codes('[mcp_servers.docs]\nidentity = { command = "docs-mcp" }\n')).not.toContain(
      "mcp-servers-empty",
    );
  });

  it("allowing full access draws no never-with-full-access finding", () => {
    expect(codes('allowed_sandbox_modes = ["read-only", "danger-full-access"]\n')).not.toContain(
      "never-full-access-refused",
    );
  });

  it("one refusal does not hide the next: each key is checked on its own", () => {
    const found = codes(
      'allowed_approval_policies = []\nallowed_sandbox_modes = ["workspace-write"]\nallowed_login_methods = []\n',
    );
    expect(found).toEqual(
      expect.arrayContaining(["empty-list", "sandbox-without-read-only", "login-methods-empty"]),
    );
  });

  it("a config file is read with the config vocabulary", () => {
    expect(codes('approval_policy = "on-request"\nsandbox_mode = "workspace-write"\n', "config")).toEqual([]);
    expect(codes('sandbox_mod = "workspace-write"\n', "config")).toEqual(["unknown-key"]);
  });
});

describe("where refusals point", () => {
  it("a refusal found by checking one key alone points into the file as written", () => {
    const text =
      '# policy\nallowed_login_methods = []\n\n[rules]\nprefix_rules = [\n  { pattern = [{ token = "rm" }], decision = "deny" },\n]\n';
    const f = lintText({ file: "r.toml", kind: "requirements", text, targets: ["codex-0.140"] }).find(
      (x) => x.code === "unknown-variant",
    )!;
    // 0.140 frames the error with the line it quotes: the author's own line 6.
    expect(f.span).toMatchObject({ line: 6, column: 46 });
    expect(f.message).toContain('6 |   { pattern = [{ token = "rm" }], decision = "deny" },');
  });

  it("a key only other releases read is named as such, with no rename offered", () => {
    const [f] = lintText({
      file: "r.toml",
      kind: "requirements",
      text: 'allowed_approvals_reviewers = ["user"]\n',
      targets: ["codex-0.118"],
    });
    expect(f).toMatchObject({ code: "unknown-key" });
    expect(f!.message).toContain("not read by this release");
    expect(f!.fix).toBeUndefined();
  });
});
