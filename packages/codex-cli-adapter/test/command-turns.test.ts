import { describe, expect, it } from "vitest";
import { mapCommandTurn } from "../src/map/turns.js";
import type { TurnRaw } from "../src/run.js";

const turn = (over: Partial<TurnRaw>): TurnRaw => ({
  script: { kind: "exec", command: "rm -rf build", issued: true },
  started: { ok: true },
  completed: "completed",
  toolOutput: null,
  approvals: [],
  methods: [],
  requests: [],
  ...over,
});
const asked = (reason: string) =>
  turn({ approvals: [{ method: "item/commandExecution/requestApproval", params: { reason } }] });

describe("command turns", () => {
  it("reads a prompt rule from the approval reason, with or without a justification", () => {
    expect(mapCommandTurn(asked("`/bin/bash -lc 'git push'` requires approval by policy"))).toMatchObject({
      decision: "prompt",
      outcome: "ask-user",
    });
    expect(
      mapCommandTurn(asked("`/bin/bash -lc 'rm -rf build'` requires approval: deletions need review"))
        .decision,
    ).toBe("prompt");
  });

  it("an approval Codex asks for on its own carries no rule decision", () => {
    expect(mapCommandTurn(asked("")).decision).toBe("none");
    expect(mapCommandTurn(asked("command may write outside the workspace")).decision).toBe("none");
  });

  it("an automatic review is ask-reviewer", () => {
    const t = turn({ methods: ["item/autoApprovalReview/started", "item/autoApprovalReview/completed"] });
    expect(mapCommandTurn(t).outcome).toBe("ask-reviewer");
  });
});

describe("hook verdicts", () => {
  it("a command a PreToolUse hook blocks is rejected by the hook", () => {
    const out =
      "Command blocked by PreToolUse hook: python3: can't open file '/x/pre.py': [Errno 2] No such file or directory. Command: rm -rf build";
    expect(mapCommandTurn(turn({ toolOutput: out }))).toEqual({
      command: "rm -rf build",
      decision: "none",
      outcome: "rejected",
      rule: "hook:PreToolUse",
      message: out,
    });
  });
});

describe("no shell tool", () => {
  it("a call to a shell tool Codex did not offer is rejected by Codex itself", () => {
    expect(mapCommandTurn(turn({ toolOutput: "unsupported call: exec_command" }))).toMatchObject({
      decision: "none",
      outcome: "rejected",
      rule: "codex:no-shell-tool",
    });
  });

  describe("the older shell tool (0.95.0) returns a rejection as bare text", () => {
    const shell = (toolOutput: string) =>
      mapCommandTurn(
        turn({ script: { kind: "exec", command: "rm -rf build", issued: true, tool: "shell" }, toolOutput }),
      );
    it("a forbidden rule", () => {
      expect(
        shell("`bash -lc 'rm -rf build'` rejected: policy forbids commands starting with `rm`"),
      ).toMatchObject({
        decision: "forbidden",
        outcome: "rejected",
      });
    });
    it("a prompt rule under never", () => {
      expect(shell("approval required by policy, but AskForApproval is set to Never")).toMatchObject({
        decision: "prompt",
        outcome: "rejected",
      });
    });
    it("a command that ran, whatever it printed", () => {
      expect(shell('{"output":"`x` rejected: no","metadata":{"exit_code":0}}').outcome).toBe("run");
    });
    it("no shell tool at all", () => {
      expect(shell("unsupported call: shell")).toMatchObject({
        outcome: "rejected",
        rule: "codex:no-shell-tool",
      });
    });
    it("the same bare text from exec_command is output, not a rejection", () => {
      const t = turn({
        toolOutput: "`bash -lc 'rm -rf build'` rejected: policy forbids commands starting with `rm`",
      });
      expect(mapCommandTurn(t).outcome).toBe("run");
    });
  });
});
