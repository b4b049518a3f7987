import type { CommandState } from "@codex-policy/spec";
import type { ToolSummary, TurnRaw } from "../run.js";

export type WebSearchObservation = "disabled" | "cached" | "external";

/** What the first model request's tool list says about web search. */
export function webSearchFromTools(tools: ToolSummary[] | null): WebSearchObservation | null {
  if (!tools) return null;
  const ws = tools.find((t) => t.type === "web_search" || t.type === "web_search_preview");
  if (!ws) return "disabled";
  return ws.external_web_access === true ? "external" : "cached";
}

const WEB_SEARCH_FALLBACK =
  /^Configured value for `web_search_mode` is disallowed by requirements; falling back to required value (Indexed|Live)\./m;

/**
 * `external_web_access: true` is both `indexed` and `live` on the wire. Requirements that allow only
 * one of the two settle it; otherwise the binary's fallback warning names the startup mode, which
 * holds unless the session has full access (then the turn may still switch to live). Anything else
 * is reported as `live` and marked ambiguous (not observable).
 */
export function webSearchMode(
  obs: WebSearchObservation,
  allowed: unknown,
  warnings: readonly string[] = [],
  fullAccess = false,
): { mode: string; ambiguous: boolean } {
  if (obs !== "external") return { mode: obs, ambiguous: false };
  const list = Array.isArray(allowed) ? allowed : null;
  const live = !list || list.includes("live");
  const indexed = !list || list.includes("indexed");
  if (live !== indexed) return { mode: live ? "live" : "indexed", ambiguous: false };
  if (!fullAccess) {
    for (const w of warnings) {
      const m = WEB_SEARCH_FALLBACK.exec(w);
      if (m) return { mode: m[1]!.toLowerCase(), ambiguous: false };
    }
  }
  return { mode: "live", ambiguous: true };
}

/** A prompt rule's approval request: `… requires approval by policy`, or `… requires approval: <justification>`. */
const POLICY_PROMPT = /` requires approval(?: by policy$|: )/;
const FORBIDDEN = /` rejected: /;
const NEVER_PROMPT = /approval required by policy, but AskForApproval is set to Never/;
/** The `shell` tool's rejections: a rule's, or a prompt rule's under `never`. */
const BARE_REJECTION = new RegExp(`^\`[^\`]*\` rejected: |^${NEVER_PROMPT.source}`);
const PROMPT_USER_FAILED = /approval request failed/;
const HOOK_BLOCKED = /^Command blocked by PreToolUse hook: /;
const NO_SHELL_TOOL = /^unsupported call: (exec_command|shell|shell_command)$/;
/** Codex's built-in checks name themselves in the rejection text; the Outcome names them `codex:<check>`. */
const BUILTIN_REJECTIONS: [RegExp, string][] = [
  [/rejected: rm -f style commands are not permitted/, "codex:rm-force"],
];

/** One scripted shell-tool turn → the Outcome's command entry (decision inferred from what happened). */
export function mapCommandTurn(turn: TurnRaw): CommandState {
  const command = turn.script.command ?? "";
  const output = turn.toolOutput ?? "";
  const approval = turn.approvals.find((a) => /requestApproval$/.test(a.method));
  const reviewed = (turn.methods ?? []).some((m) => /guardianApprovalReview|autoApprovalReview/i.test(m));
  // exec_command wraps a rejection in `Rejected(…)`; the older `shell` tool returns the bare text.
  const rejectedByPolicy =
    (/Rejected\(/.test(output) || (turn.script.tool === "shell" && BARE_REJECTION.test(output))) &&
    !/rejected by user/.test(output);
  if (approval) {
    const reason = String((approval.params as { reason?: unknown })?.reason ?? "");
    return {
      command,
      decision: POLICY_PROMPT.test(reason) ? "prompt" : "none",
      outcome: "ask-user",
      rule: null,
      message: null,
    };
  }
  if (reviewed) {
    return {
      command,
      decision: "prompt",
      outcome: "ask-reviewer",
      rule: null,
      message: rejectedByPolicy ? output : null,
    };
  }
  // Without the shell_tool feature Codex offers no tool to run commands with.
  if (NO_SHELL_TOOL.test(output))
    return { command, decision: "none", outcome: "rejected", rule: "codex:no-shell-tool", message: output };
  // A shell PreToolUse hook that exits with 2 blocks the call before any rule or approval.
  if (HOOK_BLOCKED.test(output))
    return { command, decision: "none", outcome: "rejected", rule: "hook:PreToolUse", message: output };
  if (rejectedByPolicy || PROMPT_USER_FAILED.test(output)) {
    let decision: CommandState["decision"] = "forbidden";
    if (NEVER_PROMPT.test(output)) decision = "prompt";
    else if (PROMPT_USER_FAILED.test(output)) decision = "prompt-user";
    else if (!FORBIDDEN.test(output)) decision = "none";
    const builtin = BUILTIN_REJECTIONS.find(([re]) => re.test(output))?.[1] ?? null;
    return { command, decision, outcome: "rejected", rule: builtin, message: output };
  }
  return { command, decision: "none", outcome: "run", rule: null, message: null };
}
