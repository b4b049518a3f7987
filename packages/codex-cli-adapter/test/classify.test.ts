import { describe, expect, it } from "vitest";
import { normalizePaths } from "../src/map/paths.js";
import { mapRefusal } from "../src/map/refusal.js";
import { webSearchFromTools, webSearchMode } from "../src/map/turns.js";
import { approvalFromWire, reviewerFromWire, sandboxFromWire } from "../src/map/values.js";
import { mapWarnings, warningCode } from "../src/map/warnings.js";

describe("warning codes from the binary's texts", () => {
  it.each([
    [
      "Configured value for `approval_policy` is disallowed by requirements; falling back …",
      "requirement-fallback",
    ],
    ["Codex is ignoring 2 unrecognized configuration settings. Check for typos", "unrecognized-settings"],
    [
      "Ignoring unknown `features` requirement `x` from /etc/codex/requirements.toml",
      "unknown-feature-requirement",
    ],
    [
      "Project-local config, hooks, and exec policies are disabled in the following folders",
      "project-config-disabled",
    ],
    [
      "Project config.toml files are disabled in the following folders. Settings in those files are ignored",
      "project-config-disabled",
    ],
    // 0.90.0's wording
    ["The following config folders are disabled:\n    1. .codex", "project-config-disabled"],
    ["Invalid configuration; using defaults.", "invalid-configuration"],
    ["Something new in a later release", "unrecognized-warning"],
  ])("%s → %s", (text, code) => {
    expect(warningCode(text)).toBe(code);
  });

  it("drops environment noise and exact duplicates, keeps order", () => {
    const w = mapWarnings([
      "Codex could not find bubblewrap on PATH. Install bubblewrap …",
      // 0.118.0's wording
      "Codex could not find system bubblewrap on PATH. Please install bubblewrap with your package manager.",
      // 0.116.0's wording
      "Codex could not find system bubblewrap at /usr/bin/bwrap. Please install bubblewrap with your package manager. Codex will use the vendored bubblewrap in the meantime.",
      "Configured value for `a` …",
      "Ignoring unknown `features` requirement `x` from f",
      "Configured value for `a` …",
    ]);
    expect(w.map((x) => x.code)).toEqual(["requirement-fallback", "unknown-feature-requirement"]);
  });
});

describe("refusal codes and layers", () => {
  it.each([
    [
      "unknown variant `Never`, expected one of `untrusted`, … in `allowed_approval_policies`\n(set by /etc/codex/requirements.toml)",
      "unknown-variant",
      "system.requirements",
    ],
    [
      'invalid type: string "read-only", expected a sequence in `allowed_sandbox_modes`',
      "invalid-type",
      "unknown",
    ],
    [
      "failed to parse requirements layer /etc/codex/requirements.toml: invalid length 1, expected struct RequirementsExecPolicyPatternTokenToml with 2 elements\nin `rules.prefix_rules.pattern`\n",
      "invalid-type",
      "system.requirements",
    ],
    ["field `allowed_approval_policies` cannot be empty", "empty-list", "unknown"],
    [
      "invalid rules in requirements (set by /etc/codex/requirements.toml): rules prefix_rules cannot be empty",
      "rules-invalid",
      "system.requirements",
    ],
    ["missing field `identity` in `mcp_servers.docs`", "mcp-identity-invalid", "unknown"],
    [
      "Failed to read requirements file /etc/codex/requirements.toml: invalid utf-8 sequence of 1 bytes from index 5",
      "invalid-utf8",
      "system.requirements",
    ],
    [
      'approval_policy = "untrusted" is no longer supported; remove this setting',
      "config-approval-untrusted",
      "unknown",
    ],
    [
      'legacy `profile = "p"` config is no longer supported; use `--profile p` with `p.config.toml` instead',
      "config-legacy-profile",
      "unknown",
    ],
    [
      "/etc/codex/managed_config.toml:1:19: string values must be quoted, expected literal string",
      "toml-syntax",
      "system.managed_config",
    ],
    [
      // 0.140.0: requirements.toml deserialization errors carry a TOML code frame
      'failed to parse requirements layer /etc/codex/requirements.toml: TOML parse error at line 2, column 12\n  |\n2 | decision = "prompt-user"\n  |            ^^^^^^^^^^^^^\nunknown variant `prompt-user`, expected one of `allow`, `prompt`, `forbidden`\n',
      "unknown-variant",
      "system.requirements",
    ],
    [
      "~/.codex/config.toml:1:19: string values must be quoted, expected literal string",
      "toml-syntax",
      "user.config",
    ],
    [
      "Failed to parse config requirements as TOML: invalid type: unit variant, expected string only\nin `approval_policy`\n",
      "invalid-type",
      "system.managed_config",
    ],
    [
      "invalid value for `features`: `code_mode=true` is not in the allowed set [code_mode=false, code_mode_only=true] (set by /etc/codex/requirements.toml)",
      "feature-pin-conflict",
      "system.requirements",
    ],
    [
      "invalid requirement for MCP server `remote` (set by /etc/codex/requirements.toml): invalid regex `[`: found unclosed character class",
      "mcp-identity-invalid",
      "system.requirements",
    ],
    [
      // 0.110.0-0.123.0 refuse a pin naming no feature
      "invalid `features` requirement `no_such_feature_xyz` from /etc/codex/requirements.toml",
      "unknown-feature-requirement",
      "system.requirements",
    ],
    [
      // before 0.99: a disallowed configured value stops Codex
      "invalid value for `sandbox_mode`: `DangerFullAccess` is not in the allowed set [ReadOnly, WorkspaceWrite] (set by /etc/codex/requirements.toml)",
      "requirement-disallowed",
      "system.requirements",
    ],
    [
      // 0.77.0 names neither the field nor the file
      "value `Never` is not in the allowed set [UnlessTrusted, OnRequest]",
      "requirement-disallowed",
      "unknown",
    ],
    [
      // an [auto_review] model needing a reviewer the list leaves out (0.169.0) is a config error
      "invalid value for `approvals_reviewer`: `GuardianSubagent` is not in the allowed set [User] (set by /etc/codex/requirements.toml)",
      "config-invalid",
      "system.requirements",
    ],
    ["Invalid override (missing '='): approval_policy", "override-invalid", "session"],
    ["/etc/codex/managed_config.toml:1:14: invalid transport", "config-invalid", "system.managed_config"],
    ['approval_policy = "never" plus something the classifier does not know', "config-invalid", "unknown"],
  ])("%s", (text, code, layer) => {
    expect(mapRefusal(text)).toMatchObject({ code, layer, message: text });
  });

  it("prefers the file and location the binary reports", () => {
    expect(
      mapRefusal("~/.codex/config.toml:1:19: bad", { filePath: "~/.codex/config.toml", line: 1, column: 19 }),
    ).toMatchObject({
      layer: "user.config",
      line: 1,
      column: 19,
    });
  });

  it("reads line and column from both location styles", () => {
    expect(mapRefusal("x: TOML parse error at line 3, column 7\n")).toMatchObject({ line: 3, column: 7 });
    expect(mapRefusal("/etc/codex/managed_config.toml:1:19: bad")).toMatchObject({ line: 1, column: 19 });
    expect(mapRefusal("no location")).not.toHaveProperty("line");
  });
});

describe("spellings", () => {
  it("maps the app-server's values to the Outcome's", () => {
    expect(approvalFromWire("unless-trusted")).toBe("untrusted");
    expect(approvalFromWire("on-request")).toBe("on-request");
    expect(approvalFromWire({ granular: { rules: true } })).toBe("granular");
    expect(sandboxFromWire({ type: "workspaceWrite", writableRoots: [] })).toBe("workspace-write");
    expect(sandboxFromWire({ type: "dangerFullAccess" })).toBe("danger-full-access");
    expect(sandboxFromWire({ type: "readOnly" })).toBe("read-only");
    expect(reviewerFromWire("guardian_subagent")).toBe("guardian_subagent");
    expect(reviewerFromWire("auto_review")).toBe("auto_review");
  });

  it("web search from the tool list", () => {
    expect(webSearchFromTools([{ type: "function", name: "exec_command" }])).toBe("disabled");
    expect(webSearchFromTools([{ type: "web_search", name: null, external_web_access: false }])).toBe(
      "cached",
    );
    expect(webSearchFromTools([{ type: "web_search", name: null, external_web_access: true }])).toBe(
      "external",
    );
    expect(webSearchFromTools(null)).toBeNull();
    expect(webSearchMode("external", ["live", "disabled"])).toEqual({ mode: "live", ambiguous: false });
    expect(webSearchMode("external", ["indexed", "disabled"])).toEqual({ mode: "indexed", ambiguous: false });
    const warning =
      "Configured value for `web_search_mode` is disallowed by requirements; falling back to required value Indexed. Details: …";
    expect(webSearchMode("external", ["live", "indexed", "disabled"], [warning])).toEqual({
      mode: "indexed",
      ambiguous: false,
    });
    expect(webSearchMode("cached", ["indexed"], [warning])).toEqual({ mode: "cached", ambiguous: false });
    // With no requirement settling it, indexed and live cannot be told apart on the wire.
    expect(webSearchMode("external", undefined)).toEqual({ mode: "live", ambiguous: true });
    expect(webSearchMode("external", ["live", "indexed", "disabled"])).toEqual({
      mode: "live",
      ambiguous: true,
    });
    // Under full access the turn may switch to live after the startup fallback (fuzz seed 7001).
    expect(webSearchMode("external", ["live", "indexed", "disabled"], [warning], true)).toEqual({
      mode: "live",
      ambiguous: true,
    });
  });

  it("normalizes temp paths", () => {
    const p = {
      root: "/tmp/r",
      home: "/tmp/r/home",
      codexHome: "/tmp/r/codex-home",
      project: "/tmp/r/project",
    };
    expect(
      normalizePaths(
        "/tmp/r/codex-home/config.toml and /tmp/r/project/.codex/config.toml in /tmp/r/project",
        p,
      ),
    ).toBe("~/.codex/config.toml and .codex/config.toml in .");
    expect(normalizePaths("/tmp/r/tmp/x /tmp/r/home/.gitconfig", p)).toBe("<tmp>/tmp/x ~/.gitconfig");
  });
});
