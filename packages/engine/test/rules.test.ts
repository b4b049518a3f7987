import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commandRelease,
  type EvaluateContext,
  evaluateCommands,
  type ManagedRule,
  NEWEST_COMMAND_RELEASE,
  parseUserRules,
  splitCommand,
  type UserRule,
  unknownRequirementSubkeys,
  validateComposedRules,
  validateRulesRequirement,
} from "../src/areas.js";
import { editionSpec } from "../src/editions.js";
import type { RequirementLayer, SourcedRule } from "../src/model.js";

const SYS = "/etc/codex/requirements.toml";
const sys: RequirementLayer = {
  kind: "system",
  source: "system",
  label: SYS,
  layerId: "system.requirements",
  doc: {},
};
const cloud: RequirementLayer = {
  kind: "cloud",
  source: "cloud:Eng",
  label: "enterprise-managed requirements Eng (rule-0)",
  layerId: "cloud.rules.0",
  doc: {},
};
const sourced = (rules: unknown[], layer = sys): SourcedRule[] => rules.map((rule) => ({ rule, layer }));
const PREFIX = `invalid rules in requirements (set by ${SYS}): `;
const composeErr = (rules: unknown[]) => {
  const r = validateComposedRules(sourced(rules));
  return "error" in r ? r.error.message : null;
};
const managed = (rules: unknown[], layer = sys): ManagedRule[] => {
  const r = validateComposedRules(sourced(rules, layer));
  if ("error" in r) throw new Error(r.error.message);
  return r.rules;
};
const tok = (...t: string[]) => t.map((token) => ({ token }));

describe("validateRulesRequirement (parse level)", () => {
  const issue = (v: unknown) => validateRulesRequirement(v);
  it("accepts both spellings' shape", () => {
    expect(issue({ prefix_rules: [{ pattern: tok("rm"), decision: "forbidden" }] })).toBeNull();
    expect(
      issue({
        prefix_rules: [
          { pattern: [{ any_of: ["a", "b"] }], decision: "prompt-user", canonical_matching: true },
        ],
      }),
    ).toBeNull();
    // Semantic problems are not parse errors.
    expect(issue({ prefix_rules: [] })).toBeNull();
    expect(issue({ prefix_rules: [{ pattern: [], decision: "allow" }] })).toBeNull();
  });
  it("plain-string tokens (g07)", () => {
    expect(issue({ prefix_rules: [{ pattern: ["rm"], decision: "forbidden" }] })).toEqual({
      code: "invalid-type",
      message: 'invalid type: string "rm", expected struct RequirementsExecPolicyPatternTokenToml',
      path: "rules.prefix_rules.pattern",
    });
  });
  it("array tokens read as [token, any_of], element errors before length errors", () => {
    const msg = (p: unknown) => issue({ prefix_rules: [{ pattern: [p], decision: "forbidden" }] })?.message;
    expect(msg(["rm", "rmdir"])).toBe('invalid type: string "rmdir", expected a sequence');
    expect(msg([1])).toBe("invalid type: integer `1`, expected a string");
    expect(msg([])).toBe(
      "invalid length 0, expected struct RequirementsExecPolicyPatternTokenToml with 2 elements",
    );
    expect(msg(["rm", ["-rf", 2]])).toBe("invalid type: integer `2`, expected a string");
    expect(msg(["rm", [], "x"])).toBe("invalid length 3, expected fewer elements in array");
    expect(msg(["rm", ["-rf"]])).toBeUndefined();
  });
  it("unknown decision (g12) and odd decision types", () => {
    expect(issue({ prefix_rules: [{ pattern: tok("a"), decision: "deny" }] })).toEqual({
      code: "unknown-variant",
      message: "unknown variant `deny`, expected one of `allow`, `prompt`, `prompt-user`, `forbidden`",
      path: "rules.prefix_rules.decision",
    });
    expect(issue({ prefix_rules: [{ pattern: tok("a"), decision: 3 }] })?.message).toBe(
      "invalid type: unit variant, expected string only",
    );
    expect(issue({ prefix_rules: [{ pattern: tok("a"), decision: { a: 1 } }] })?.message).toContain(
      "unknown variant `a`",
    );
  });
  it("container and field types with Codex's paths", () => {
    expect(issue(3)).toMatchObject({
      message: "invalid type: integer `3`, expected struct RequirementsExecPolicyToml",
      path: "rules",
    });
    expect(issue({})).toMatchObject({ message: "missing field `prefix_rules`", path: "rules" });
    expect(issue({ prefix_rules: 3 })).toMatchObject({
      message: "invalid type: integer `3`, expected a sequence",
      path: "rules.prefix_rules",
    });
    expect(issue({ prefix_rules: [3] })).toMatchObject({
      message: "invalid type: integer `3`, expected struct RequirementsExecPolicyPrefixRuleToml",
    });
    expect(issue({ prefix_rules: [{ decision: "prompt" }] })).toMatchObject({
      message: "missing field `pattern`",
      path: "rules.prefix_rules",
    });
    expect(issue({ prefix_rules: [{ pattern: [{ token: 3 }] }] })).toMatchObject({
      path: "rules.prefix_rules.pattern.token",
    });
    expect(issue({ prefix_rules: [{ pattern: [{ any_of: "x" }] }] })).toMatchObject({
      message: 'invalid type: string "x", expected a sequence',
      path: "rules.prefix_rules.pattern.any_of",
    });
    expect(issue({ prefix_rules: [{ pattern: tok("a"), justification: 3 }] })).toMatchObject({
      path: "rules.prefix_rules.justification",
    });
    expect(issue({ prefix_rules: [{ pattern: tok("a"), canonical_matching: 3 }] })).toMatchObject({
      message: "invalid type: integer `3`, expected a boolean",
    });
  });
  it("unknown keys get indexed dotted paths (g11)", () => {
    expect(
      unknownRequirementSubkeys("rules", {
        bogus: 1,
        prefix_rules: [
          { pattern: tok("a"), decision: "prompt", reviewer: "user" },
          { pattern: [{ token: "b", extra: 1 }] },
        ],
      }),
    ).toEqual(["rules.bogus", "rules.prefix_rules.0.reviewer", "rules.prefix_rules.1.pattern.0.extra"]);
    expect(unknownRequirementSubkeys("hooks", { OnBoot: [] })).toEqual([]);
  });
});

describe("validateComposedRules", () => {
  it("exact texts (g03, g04, g05, g06, g08, g10)", () => {
    expect(composeErr([{ pattern: tok("rm"), decision: "allow" }])).toBe(
      `${PREFIX}rules prefix_rule at index 0 has decision 'allow', which is not permitted in requirements.toml: Codex merges these rules with other config and uses the most restrictive result (use 'prompt', 'prompt-user', or 'forbidden')`,
    );
    expect(validateComposedRules([], { label: SYS, layerId: "system.requirements" })).toEqual({
      error: {
        code: "rules-invalid",
        layer: "system.requirements",
        message: `${PREFIX}rules prefix_rules cannot be empty`,
      },
    });
    expect(composeErr([{ pattern: tok("a") }])).toBe(
      `${PREFIX}rules prefix_rule at index 0 is missing a decision`,
    );
    expect(composeErr([{ pattern: [], decision: "prompt" }])).toBe(
      `${PREFIX}rules prefix_rule at index 0 has an empty pattern`,
    );
    expect(composeErr([{ pattern: [{ token: "a", any_of: ["b"] }], decision: "prompt" }])).toBe(
      `${PREFIX}rules prefix_rule at index 0 has an invalid pattern token at index 0: set either token or any_of, not both`,
    );
    expect(composeErr([{ pattern: tok("a"), decision: "prompt", justification: " " }])).toBe(
      `${PREFIX}rules prefix_rule at index 0 has an empty justification`,
    );
  });
  it("token problems", () => {
    const t = (p: unknown) => composeErr([{ pattern: [{ token: "ok" }, p], decision: "prompt" }]);
    expect(t({ token: " " })).toMatch(/at index 1: token cannot be empty$/);
    expect(t({ any_of: [] })).toMatch(/any_of cannot be empty$/);
    expect(t({ any_of: ["a", ""] })).toMatch(/any_of cannot include empty tokens$/);
    expect(t({})).toMatch(/at index 1: set either token or any_of$/);
    expect(t(["rm", ["-rf"]])).toMatch(/at index 1: set either token or any_of, not both$/);
  });
  it("checks justification, then pattern, then decision; indices are composed positions", () => {
    expect(composeErr([{ pattern: [], justification: " " }])).toMatch(/empty justification$/);
    expect(composeErr([{ pattern: [] }])).toMatch(/empty pattern$/);
    expect(composeErr([{ pattern: [{ token: "" }], decision: "allow" }])).toMatch(/token cannot be empty$/);
    expect(
      composeErr([
        { pattern: tok("a"), decision: "prompt" },
        { pattern: [{ bogus: 1 }], decision: "prompt" },
      ]),
    ).toBe(
      `${PREFIX}rules prefix_rule at index 1 has an invalid pattern token at index 0: set either token or any_of`,
    );
  });
  it("returns rules with sources; composite label when layers mix", () => {
    const all = [
      ...sourced([{ pattern: tok("git", "push"), decision: "forbidden" }], cloud),
      ...sourced([{ pattern: tok("npm"), decision: "allow" }]),
    ];
    const r = validateComposedRules(all);
    expect("error" in r && r.error.message).toBe(
      `invalid rules in requirements (set by requirements layers: enterprise-managed requirements Eng (rule-0), ${SYS}): rules prefix_rule at index 1 has decision 'allow', which is not permitted in requirements.toml: Codex merges these rules with other config and uses the most restrictive result (use 'prompt', 'prompt-user', or 'forbidden')`,
    );
    const ok = managed([
      { pattern: [{ token: "git" }, { any_of: ["push", "commit"] }], decision: "prompt", justification: "j" },
    ]);
    expect(ok[0]).toMatchObject({
      index: 0,
      pattern: [["git"], ["push", "commit"]],
      decision: "prompt",
      justification: "j",
      source: "system",
    });
  });
});

describe("parseUserRules", () => {
  it("positional and keyword forms, alternatives, comments", () => {
    const { rules, errors } = parseUserRules(
      `# user rules\nprefix_rule(["git", ["push", "fetch"]], "allow")\nprefix_rule(\n  pattern = ['rm', "-rf"],\n  decision = "forbidden",\n  justification = "no \\"rm\\"",\n  match = ["rm -rf x"],\n)\nprefix_rule(pattern=["ls"])\n`,
    );
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      { index: 0, pattern: [["git"], ["push", "fetch"]], decision: "allow", line: 2 },
      { index: 1, pattern: [["rm"], ["-rf"]], decision: "forbidden", justification: 'no "rm"', line: 3 },
      { index: 2, pattern: [["ls"]], decision: "allow", line: 9 },
    ]);
  });
  it("located errors; later rules still load", () => {
    const { rules, errors } = parseUserRules(
      `prefix_rule(pattern=["a"], decision="prompt-user")\nprefix_rule(pattern=[], decision="allow")\nprefix_rule(["ok"], "prompt")\n`,
    );
    expect(errors.map((e) => [e.code, e.layer, e.line, e.column, e.message])).toEqual([
      ["rules-invalid", "user.rules", 1, 1, "prompt-user is only supported in managed command rules"],
      ["rules-invalid", "user.rules", 2, 1, "prefix_rule pattern must be a non-empty list"],
    ]);
    expect(rules.map((r) => r.pattern)).toEqual([[["ok"]]]);
  });
  it("syntax errors carry line and column", () => {
    expect(parseUserRules(`prefix_rule(["a"], "allow")\n  other_fn("x")`).errors[0]).toMatchObject({
      line: 2,
      column: 3,
      message: "unsupported function `other_fn`",
    });
    expect(parseUserRules(`x = 1`).errors[0]).toMatchObject({
      line: 1,
      column: 5,
      message: "unexpected character `1`",
    });
    expect(parseUserRules(`prefix_rule(["a]`).errors[0]).toMatchObject({
      line: 1,
      column: 14,
      message: "unterminated string literal",
    });
    expect(parseUserRules(`prefix_rule(["a"], bogus="x")`).errors[0]?.message).toBe(
      "unexpected argument `bogus` to prefix_rule",
    );
  });
});

describe("splitCommand", () => {
  it("splits on && || ; | and honours quotes", () => {
    expect(splitCommand(`echo hi && rm -rf ./scratch`)).toEqual([
      ["echo", "hi"],
      ["rm", "-rf", "./scratch"],
    ]);
    expect(splitCommand(`a || b; c | d`)).toEqual([["a"], ["b"], ["c"], ["d"]]);
    expect(splitCommand(`echo 'a && b' "c;d" e\\ f`)).toEqual([["echo", "a && b", "c;d", "e f"]]);
    expect(splitCommand(`git commit -m ""`)).toEqual([["git", "commit", "-m", ""]]);
  });
});

describe("evaluateCommands", () => {
  const RULES = managed([
    { pattern: tok("rm"), decision: "forbidden", justification: "Use git clean -fd instead." },
    { pattern: tok("git", "push"), decision: "prompt" },
    { pattern: [{ any_of: ["curl", "wget"] }], decision: "forbidden" },
    { pattern: tok("deploy"), decision: "prompt-user" },
  ]);
  const ctx = {
    managed: RULES,
    user: [] as UserRule[],
    approval: "on-request",
    reviewer: "user",
    sandbox: "workspace-write",
  };
  const one = (cmd: string, over: Partial<EvaluateContext> = {}) =>
    evaluateCommands([cmd], { ...ctx, ...over })[0]!;

  it("forbidden: the exact model-visible text, justification or prefix (g02, g09)", () => {
    expect(one("rm -rf ./scratch")).toEqual({
      command: "rm -rf ./scratch",
      decision: "forbidden",
      outcome: "rejected",
      rule: "system#0",
      message:
        'exec_command failed: CreateProcess { message: "Rejected(\\"`/bin/bash -lc \'rm -rf ./scratch\'` rejected: Use git clean -fd instead.\\")" }',
    });
    expect(one("wget https://x").message).toBe(
      'exec_command failed: CreateProcess { message: "Rejected(\\"`/bin/bash -lc \'wget https://x\'` rejected: policy forbids commands starting with `wget`\\")" }',
    );
  });
  it("without the shell tool every command is rejected by Codex itself (binary 0.169.0)", () => {
    expect(evaluateCommands(["rm -rf x", "echo hi"], { ...ctx, shellTool: false })).toEqual(
      ["rm -rf x", "echo hi"].map((command) => ({
        command,
        decision: "none",
        outcome: "rejected",
        rule: "codex:no-shell-tool",
        message: "unsupported call: exec_command",
      })),
    );
  });
  it("a line with shell syntax is matched as the shell call that runs it (binary 0.169.0)", () => {
    const shellRules = managed([
      { pattern: tok("bash", "-lc"), decision: "forbidden", justification: "no login shells" },
      { pattern: tok("git", "reset", "--hard"), decision: "forbidden" },
    ]);
    const sh = (cmd: string, loginShell?: boolean) =>
      evaluateCommands([cmd], {
        ...ctx,
        managed: shellRules,
        ...(loginShell === undefined ? {} : { loginShell }),
      })[0]!;
    expect(sh("echo $HOME")).toMatchObject({ decision: "forbidden", rule: "system#0" });
    expect(sh("echo $HOME").message).toContain("`/bin/bash -lc 'echo $HOME'` rejected: no login shells");
    expect(sh("git reset --hard HEAD~1").rule).toBe("system#0");
    expect(sh("git reset --hard").rule).toBe("system#1");
    expect(sh("echo hi").decision).toBe("none");
    // Without a login shell the call is `bash -c`, which that rule does not cover.
    expect(sh("echo $HOME", false)).toMatchObject({ decision: "none", outcome: "run" });
    expect(sh("git reset --hard", false).message).toContain("`/bin/bash -c 'git reset --hard'` rejected");
  });
  it("on-failure (kept until 0.142): a command the sandbox stops asks to run unsandboxed (binary 0.130.0)", () => {
    const user = parseUserRules('prefix_rule(["touch"], "allow")').rules;
    const onFailure = { approval: "on-failure", sandbox: "read-only" };
    // Reads run; so do commands that fail on a file the empty workspace lacks.
    for (const c of ["ls", "echo a && ls", "cat x", "mv a b", "git status", "git branch x", "ls 2>/dev/null"])
      expect(one(c, onFailure)).toMatchObject({ outcome: "run" });
    for (const c of [
      "touch /tmp/q",
      "mkdir d",
      "ls -la > out.txt",
      "echo a && mkdir d",
      "git add -A",
      "git commit -m x",
    ])
      expect(one(c, onFailure).outcome).toBe("ask-user");
    // A user allow runs the command without the sandbox.
    expect(one("touch notes.txt", { ...onFailure, user })).toMatchObject({
      decision: "allow",
      outcome: "run",
    });
    const ws = { ...onFailure, sandbox: "workspace-write" };
    for (const c of ["mkdir d", "touch /tmp/q", "ls > out.txt"]) expect(one(c, ws).outcome).toBe("run");
    for (const c of ["touch /etc/x", "mkdir ~/d", "git reset --hard", "git init"])
      expect(one(c, ws).outcome).toBe("ask-user");
    // Before the workspace's .git was kept read-only (binary 0.110.0), git writes it freely.
    expect(one("git init", { ...ws, release: { gitDirProtected: false } }).outcome).toBe("run");
    expect(one("git init", { ...onFailure, release: { gitDirProtected: false } }).outcome).toBe("ask-user");
    for (const c of ["touch /etc/x", "git init"])
      expect(one(c, { ...onFailure, sandbox: "danger-full-access" }).outcome).toBe("run");
    // The auto-reviewer is not asked under on-failure; it is under on-request.
    expect(one("mkdir d", { ...onFailure, reviewer: "auto_review" }).outcome).toBe("ask-user");
    expect(one("git push", { ...onFailure, reviewer: "auto_review" }).outcome).toBe("ask-user");
    expect(one("git push", { reviewer: "auto_review" }).outcome).toBe("ask-reviewer");
    // Under on-request a command the sandbox stops just fails.
    expect(one("mkdir d", { ...onFailure, approval: "on-request" }).outcome).toBe("run");
    expect(one("rm -rf x", onFailure).outcome).toBe("rejected");
  });
  it("until 0.101 the danger check flags git reset and git rm (binary 0.100.0, 0.101.0)", () => {
    const old = { managed: [], release: { gitResetFlagged: true } };
    for (const c of [
      "git reset --hard",
      "git rm x",
      "/usr/bin/git reset",
      "echo a && git rm x",
      "sudo git reset",
    ])
      expect(one(c, old)).toMatchObject({ outcome: "ask-user", rule: "codex:git-destructive" });
    for (const c of ["git status", "git push origin main", "git add -A"])
      expect(one(c, old).outcome).toBe("run");
    expect(one("git reset --hard", { managed: [] }).outcome).toBe("run");
  });
  it("unset release switches behave as the newest release", () => {
    const newest = commandRelease(editionSpec("codex-latest"));
    expect(newest).toEqual(NEWEST_COMMAND_RELEASE);
    expect(commandRelease(editionSpec("codex-0.100"))).not.toEqual(NEWEST_COMMAND_RELEASE);
  });
  it("each release words a rejection its own way (binary 0.95.0, 0.100.0, 0.120.0, 0.145.0, 0.155.0)", () => {
    const never = { approval: "never", managed: [] };
    const forbid = managed([{ pattern: tok("git", "push"), decision: "forbidden" }]);
    // The shell tool (0.95): the bare reason, the shell named without its path.
    const shell = { ...never, release: { rejectionFormat: "shell", flaggedReasonPerCheck: false } } as const;
    expect(one("rm -rf y", shell).message).toBe("`bash -lc 'rm -rf y'` rejected: blocked by policy");
    expect(one("git push x", { ...shell, managed: forbid }).message).toBe(
      "`bash -lc 'git push x'` rejected: policy forbids commands starting with `git push`",
    );
    // exec_command names the command it failed for (0.120 to 0.150).
    const named = {
      ...never,
      release: { rejectionFormat: "exec-failed-for", flaggedReasonPerCheck: false },
    } as const;
    expect(one("rm -rf y", named).message).toBe(
      "exec_command failed for `/bin/bash -lc 'rm -rf y'`: CreateProcess { message: \"Rejected(\\\"`/bin/bash -lc 'rm -rf y'` rejected: blocked by policy\\\")\" }",
    );
    // The danger check's own reason (from 0.145), without the command (from 0.155).
    expect(one("rm -rf y", { ...never, release: { rejectionFormat: "exec-failed-for" } }).message).toContain(
      "rejected: rm -f style commands are not permitted",
    );
    expect(one("rm -rf y", never).message).toMatch(/^exec_command failed: CreateProcess .*rm -f style/);
  });
  it("token prefixes, not string prefixes (g18)", () => {
    const rules = managed([{ pattern: tok("rm", "-rf"), decision: "forbidden" }]);
    expect(one("rm -rf ./scratch", { managed: rules }).decision).toBe("forbidden");
    expect(one("rm ./scratch", { managed: rules }).decision).toBe("none");
    expect(one("git pushx", {}).decision).toBe("none");
  });
  it("compound commands and absolute program paths (g14)", () => {
    expect(one("echo hi && rm -rf ./scratch")).toMatchObject({ decision: "forbidden", rule: "system#0" });
    expect(one("echo hi; /bin/rm -rf ./scratch")).toMatchObject({ decision: "forbidden", rule: "system#0" });
    expect(one("ls | git push origin")).toMatchObject({ decision: "prompt", outcome: "ask-user" });
  });
  it("user allow cannot loosen a managed rule; user forbids add (g15)", () => {
    const user = parseUserRules(
      `prefix_rule(["rm"], "allow")\nprefix_rule(["npm", "publish"], "forbidden")\nprefix_rule(["make"], "allow")`,
    ).rules;
    expect(one("rm -rf ./scratch", { user })).toMatchObject({ decision: "forbidden", rule: "system#0" });
    expect(one("npm publish", { user })).toMatchObject({
      decision: "forbidden",
      rule: "user.rules#1",
      outcome: "rejected",
    });
    expect(one("make build", { user, approval: "untrusted" })).toMatchObject({
      decision: "allow",
      outcome: "run",
      rule: "user.rules#2",
    });
  });
  it("prompt: ask the user, the reviewer, or reject under never (g02, g13, g20)", () => {
    expect(one("git push origin main")).toMatchObject({
      decision: "prompt",
      outcome: "ask-user",
      message: null,
      rule: "system#1",
    });
    expect(one("git push origin main", { reviewer: "auto_review" }).outcome).toBe("ask-reviewer");
    expect(one("git push origin main", { approval: "never" })).toMatchObject({
      outcome: "rejected",
      message:
        'exec_command failed: CreateProcess { message: "Rejected(\\"approval required by policy, but AskForApproval is set to Never\\")" }',
    });
  });
  it("prompt-user is rejected for clients without human approvals (g19)", () => {
    expect(one("deploy prod")).toMatchObject({
      decision: "prompt-user",
      outcome: "rejected",
      message: "approval request failed",
    });
  });
  it("no rule: Codex's own heuristics ask the user directly (g01, g16, fuzz seed 4244)", () => {
    const none = { managed: [] };
    expect(one("echo hello", none)).toMatchObject({
      decision: "none",
      outcome: "run",
      rule: null,
      message: null,
    });
    // Binary: under untrusted even read-only commands (echo, ls) raise an approval request.
    expect(one("git status", { ...none, approval: "untrusted" }).outcome).toBe("ask-user");
    expect(one("echo hi", { ...none, approval: "untrusted", reviewer: "auto_review" }).outcome).toBe(
      "ask-user",
    );
    expect(one("rm -rf x", { ...none, reviewer: "auto_review" }).outcome).toBe("ask-reviewer");
    expect(one("rm -rf ./scratch", none).outcome).toBe("ask-user");
    expect(one("rm -rf ./scratch", { ...none, approval: "untrusted" }).outcome).toBe("ask-user");
    expect(one("rm -rf ./scratch", { ...none, approval: "never" }).outcome).toBe("rejected");
    expect(one("git push origin main", none).outcome).toBe("run");
    expect(one("python x.py", { ...none, approval: "untrusted" }).outcome).toBe("ask-user");
    expect(one("python x.py", { ...none, approval: "never" }).outcome).toBe("run");
  });
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.jsonValue(), fc.string(), (cmds, rules, text) => {
        validateRulesRequirement(rules);
        unknownRequirementSubkeys("rules", rules);
        const r = validateComposedRules(sourced(Array.isArray(rules) ? rules : [rules]));
        const user = parseUserRules(text).rules;
        evaluateCommands(cmds, {
          managed: "rules" in r ? r.rules : [],
          user,
          approval: "never",
          reviewer: "user",
          sandbox: "read-only",
        });
      }),
    );
  });
});
