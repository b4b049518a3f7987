import { LATEST_EDITION } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { applyEdits, commandRulesFix } from "../src/fixes.js";
import { lintText } from "../src/lint.js";

const lint = (text: string) =>
  lintText({ file: "requirements.toml", kind: "requirements", text, targets: [LATEST_EDITION] });
const fixAll = (text: string) =>
  applyEdits(
    text,
    lint(text).flatMap((f) => f.fix?.edits ?? []),
  );

describe("--fix edits", () => {
  it("renames a misspelled key in place and keeps comments and layout", () => {
    const text = '# fleet\nallowed_approval_policys = ["on-request"] # keep\n\n[mcp_servers]  # none\n';
    expect(fixAll(text)).toBe(
      '# fleet\nallowed_approval_policies = ["on-request"] # keep\n\n[mcp_servers]  # none\n',
    );
  });

  it("renames a misspelled table header", () => {
    expect(fixAll("[featurs]\nshell_tool = true\n")).toBe("[features]\nshell_tool = true\n");
  });

  it("rewrites [[command_rules]] as [rules] prefix_rules, and the result lints clean of it", () => {
    const text = [
      "# keep me",
      'allowed_sandbox_modes = ["read-only"]',
      "",
      "[[command_rules]]",
      'pattern = ["rm", "-rf"]',
      'decision = "forbidden"',
      'justification = "no recursive deletes"',
      "",
      "[[command_rules]]",
      'pattern = "git push"',
      'decision = "prompt"',
      "",
    ].join("\n");
    const fixed = fixAll(text);
    expect(fixed).toContain("# keep me\n");
    expect(fixed).toContain(
      '{ pattern = [{ token = "rm" }, { token = "-rf" }], decision = "forbidden", justification = "no recursive deletes" },',
    );
    expect(fixed).toContain('{ pattern = [{ token = "git" }, { token = "push" }], decision = "prompt" },');
    expect(fixed).not.toContain("command_rules");
    expect(lint(fixed).map((f) => f.code)).not.toContain("command-rules-blog-syntax");
  });

  it("offers no edits where the rewrite is not mechanical", () => {
    expect(
      commandRulesFix('[[command_rules]]\npattern = ["ls"]\ndecision = "allow"\n').edits,
    ).toBeUndefined();
    expect(
      commandRulesFix(
        '[rules]\nprefix_rules = []\n[[command_rules]]\npattern = ["rm"]\ndecision = "forbidden"\n',
      ).edits,
    ).toBeUndefined();
    expect(
      commandRulesFix('command_rules = [{ pattern = ["rm"], decision = "forbidden" }]\n').edits,
    ).toBeUndefined();
  });

  it("offers no rename when no known key is near", () => {
    const f = lint("completely_unrelated_setting = 1\n").find((x) => x.code === "unknown-key")!;
    expect(f.fix).toBeUndefined();
    expect(f.message).not.toContain("did you mean");
  });
});
