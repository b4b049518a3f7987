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
});
