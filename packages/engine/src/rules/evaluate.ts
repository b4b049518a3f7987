import type { CommandState } from "@codex-policy/spec";
import type { ManagedRule } from "./compose.js";
import {
  BLOCKED_BY_POLICY,
  BUILTIN_CHECKS,
  dangerousCheck,
  isBroadPattern,
  isKnownSafe,
} from "./heuristics.js";
import { deniedInSandbox } from "./sandbox-denial.js";
import { readCommand, rustDebugString, shellQuote } from "./shell.js";
import type { UserRule } from "./user-rules.js";

export interface EvaluateContext {
  managed: ManagedRule[];
  user: UserRule[];
  /** Effective approval policy: untrusted | on-failure | on-request | never | granular. */
  approval: string;
  /** Effective reviewer: user | auto_review. */
  reviewer: string;
  /** Effective sandbox mode. */
  sandbox: string;
  /** Requirements leave the user no way to review (`user` is not an allowed reviewer). */
  reviewerForced?: boolean;
  /** Commands run in a login shell (`bash -lc`), unless `allow_login_shell` is false (`bash -c`). */
  loginShell?: boolean;
  /** The `shell_tool` feature: off, the model has no tool to run commands with. */
  shellTool?: boolean;
  /** What the release does differently; unset switches behave as the newest release. */
  release?: Partial<CommandRelease>;
}

/** The switches of an edition (its Behaviour) that decide how commands are evaluated. */
export interface CommandRelease {
  /** Under `untrusted`, commands Codex knows to be read-only run without asking (before 0.149). */
  untrustedRunsKnownSafe: boolean;
  /** An absolute program path no rule matches is matched again by its basename (from 0.110). */
  ruleBasenameRetry: boolean;
  /** Under `never`, a command Codex's own danger check flags is rejected (from 0.87); before, it runs. */
  neverRejectsFlaggedCommands: boolean;
  /** Under `on-failure`, a command Codex's own danger check flags asks (from 0.87); before, it runs in the sandbox first. */
  onFailureAsksFlagged: boolean;
  /** Under `never`, a flagged command is rejected under danger-full-access too (not 0.117 to 0.144, where it runs). */
  neverRejectsFlaggedInFullAccess: boolean;
  /** A user `allow` on a broad prefix (bare `git`, `rm`, a shell) does not approve a command (from 0.145). */
  broadAllowsIgnored: boolean;
  /** The workspace-write sandbox keeps the workspace's `.git` read-only. */
  gitDirProtected: boolean;
  /** Codex's own danger check flags `git reset` and `git rm` as it flags `rm -f` (until 0.101). */
  gitResetFlagged: boolean;
  /** How the release words a rejected command to the model. */
  rejectionFormat: RejectionFormat;
  /** A danger-check rejection gives the check's own reason; else "blocked by policy". */
  flaggedReasonPerCheck: boolean;
}

/** How the newest modelled release evaluates commands: what unset switches mean. */
export const NEWEST_COMMAND_RELEASE: Readonly<CommandRelease> = {
  untrustedRunsKnownSafe: false,
  ruleBasenameRetry: true,
  neverRejectsFlaggedCommands: true,
  onFailureAsksFlagged: true,
  neverRejectsFlaggedInFullAccess: true,
  broadAllowsIgnored: true,
  gitDirProtected: true,
  gitResetFlagged: false,
  rejectionFormat: "exec-failed",
  flaggedReasonPerCheck: true,
};

const RELEASE_KEYS = Object.keys(NEWEST_COMMAND_RELEASE) as (keyof CommandRelease)[];

/** Only the command switches of `release` (an edition's whole Behaviour may be passed), defaults filled in. */
export function commandRelease(release: Partial<CommandRelease> | undefined): CommandRelease {
  const out: Record<string, unknown> = { ...NEWEST_COMMAND_RELEASE };
  for (const k of RELEASE_KEYS) if (release?.[k] !== undefined) out[k] = release[k];
  return out as unknown as CommandRelease;
}

/**
 * How a release words a rejected command to the model: the `shell` tool's bare reason (through
 * 0.9x), or the exec_command failure, which some releases say is `for` the shown command.
 */
export type RejectionFormat = "shell" | "exec-failed" | "exec-failed-for";

/** What the model reads when it calls a shell tool Codex did not offer (binary 0.169.0). */
export const NO_SHELL_TOOL = "unsupported call: exec_command";

/** The shell argv Codex wraps a model's command line in. */
const wrapped = (command: string, ctx: Partial<EvaluateContext>): string[] => [
  "/bin/bash",
  ctx.loginShell === false ? "-c" : "-lc",
  command,
];

type Decision = "forbidden" | "prompt-user" | "prompt" | "allow";
const RANK: Record<Decision, number> = { allow: 0, prompt: 1, "prompt-user": 2, forbidden: 3 };

interface Hit {
  decision: Decision;
  rule: string;
  /** Matched prefix (the command's own words). */
  prefix: string[];
  justification?: string;
  /** A user `allow` whose pattern is too broad to count under `untrusted`. */
  broad?: boolean;
}

export const PROMPT_UNDER_NEVER = "approval required by policy, but AskForApproval is set to Never";
export const APPROVAL_REQUEST_FAILED = "approval request failed";

function matchLen(pattern: string[][], argv: string[]): boolean {
  return argv.length >= pattern.length && pattern.every((alts, i) => alts.includes(argv[i]!));
}

function hitsFor(argv: string[], ctx: EvaluateContext): Hit[] {
  const hits: Hit[] = [];
  for (const r of Array.isArray(ctx.managed) ? ctx.managed : []) {
    if (r && Array.isArray(r.pattern) && matchLen(r.pattern, argv)) {
      hits.push({
        decision: r.decision,
        rule: `${r.source}#${r.index}`,
        prefix: argv.slice(0, r.pattern.length),
        ...(r.justification !== undefined ? { justification: r.justification } : {}),
      });
    }
  }
  for (const r of Array.isArray(ctx.user) ? ctx.user : []) {
    if (r && Array.isArray(r.pattern) && matchLen(r.pattern, argv)) {
      hits.push({
        decision: r.decision,
        rule: `user.rules#${r.index}`,
        prefix: argv.slice(0, r.pattern.length),
        ...(r.decision === "allow" && ctx.release?.broadAllowsIgnored !== false && isBroadPattern(r.pattern)
          ? { broad: true }
          : {}),
        ...(r.justification !== undefined ? { justification: r.justification } : {}),
      });
    }
  }
  return hits;
}

/** The deciding hit of one segment: most restrictive, first in rule order on ties. */
function segmentHit(argv: string[], ctx: EvaluateContext): Hit | null {
  let hits = hitsFor(argv, ctx);
  const prog = argv[0] ?? "";
  if (
    hits.length === 0 &&
    ctx.release?.ruleBasenameRetry !== false &&
    prog.startsWith("/") &&
    prog.length > 1
  ) {
    hits = hitsFor([prog.slice(prog.lastIndexOf("/") + 1), ...argv.slice(1)], ctx);
  }
  let best: Hit | null = null;
  for (const h of hits) if (!best || RANK[h.decision] > RANK[best.decision]) best = h;
  return best;
}

/** The model-visible text of a rejected command: `reason`, wrapped as the release wraps it. */
export function rejectionMessage(reason: string, command = "", ctx: Partial<EvaluateContext> = {}): string {
  const format = ctx.release?.rejectionFormat ?? "exec-failed";
  if (format === "shell") return reason;
  const failed =
    format === "exec-failed-for"
      ? `exec_command failed for ${shownCommand(command, ctx)}`
      : "exec_command failed";
  return `${failed}: CreateProcess { message: ${rustDebugString(`Rejected(${rustDebugString(reason)})`)} }`;
}

/** The command as a rejection shows it; the `shell` tool names the shell without its path. */
function shownCommand(command: string, ctx: Partial<EvaluateContext>): string {
  const [shell, flag] = wrapped(command, ctx);
  const name = ctx.release?.rejectionFormat === "shell" ? shell!.slice(shell!.lastIndexOf("/") + 1) : shell;
  return `\`${name} ${flag} ${shellQuote(command)}\``;
}

function forbiddenReason(command: string, hit: Hit, ctx: EvaluateContext): string {
  const why = hit.justification ?? `policy forbids commands starting with \`${hit.prefix.join(" ")}\``;
  return `${shownCommand(command, ctx)} rejected: ${why}`;
}

/**
 * Who answers an approval request: the auto-reviewer when it is the reviewer (g20). Under the
 * untrusted policy a configured auto-reviewer is not used and the user is asked (fuzz 4244), unless
 * requirements leave the user no way to review (binary: allowed reviewers `["auto_review"]`).
 */
function ask(ctx: EvaluateContext): CommandState["outcome"] {
  // Under on-failure (kept until 0.142) every approval request goes to the user.
  if (ctx.approval === "on-failure") return "ask-user";
  const auto = ctx.reviewer === "auto_review" || ctx.reviewer === "guardian_subagent";
  return auto && (ctx.approval !== "untrusted" || ctx.reviewerForced === true) ? "ask-reviewer" : "ask-user";
}

function evaluateOne(command: string, ctx: EvaluateContext): CommandState {
  const { segments, opaque } = readCommand(command);
  let best: Hit | null = null;
  /** Segments no rule trusts: unmatched, or only allowed by a broad rule. */
  let untrusted = 0;
  // A line with shell syntax beyond plain words is matched as the shell call that runs it
  // (binary 0.169.0: a `bash` rule catches `echo $HOME`, a `git reset --hard` rule misses `… HEAD~1`).
  const hits = (opaque ? [wrapped(command, ctx)] : segments).map((argv) => segmentHit(argv, ctx));
  for (const h of hits) {
    if (!h || h.broad) untrusted++;
    if (h && (!best || RANK[h.decision] > RANK[best.decision])) best = h;
  }
  /** Whether a user `allow` that is not broad covers segment `i` (the whole line, when opaque). */
  const trusted = (i: number): boolean => {
    const h = hits[opaque ? 0 : i];
    return h?.decision === "allow" && !h.broad;
  };
  const never = ctx.approval === "never";
  const base = { command, decision: best?.decision ?? ("none" as const), rule: best?.rule ?? null };
  if (best?.decision === "forbidden") {
    return {
      ...base,
      outcome: "rejected",
      message: rejectionMessage(forbiddenReason(command, best, ctx), command, ctx),
    };
  }
  if (best?.decision === "prompt-user")
    return { ...base, outcome: "rejected", message: APPROVAL_REQUEST_FAILED };
  if (best?.decision === "prompt") {
    if (never)
      return { ...base, outcome: "rejected", message: rejectionMessage(PROMPT_UNDER_NEVER, command, ctx) };
    return { ...base, outcome: ask(ctx), message: null };
  }
  // Codex's own danger check skips the segments a user `allow` covers, unless it is broad (binary
  // 0.87.0 to 0.169.0: `rm -rf y` and `echo hi && rm -rf y` run under `prefix_rule(["rm", "-rf"],
  // "allow")`, even under never, and under a bare `rm` allow until 0.145 makes that broad).
  const flagged = segments
    .map((argv, i) => (trusted(i) ? null : dangerousCheck(argv, ctx.release?.gitResetFlagged)))
    .find((c) => c !== null);
  const flaggedRuns = never
    ? ctx.release?.neverRejectsFlaggedCommands === false ||
      (ctx.sandbox === "danger-full-access" && ctx.release?.neverRejectsFlaggedInFullAccess === false)
    : ctx.approval === "on-failure" && ctx.release?.onFailureAsksFlagged === false;
  const check = flaggedRuns ? undefined : flagged;
  if (check) {
    const builtin = { ...base, rule: `codex:${check}` };
    if (never)
      return {
        ...builtin,
        decision: "forbidden",
        outcome: "rejected",
        message: rejectionMessage(
          `${shownCommand(command, ctx)} rejected: ${ctx.release?.flaggedReasonPerCheck === false ? BLOCKED_BY_POLICY : BUILTIN_CHECKS[check]}`,
          command,
          ctx,
        ),
      };
    return { ...builtin, outcome: ask(ctx), message: null };
  }
  // A user `allow` that covers every segment approves the command outright, unless it is broad;
  // under untrusted, echo and ls ask otherwise.
  const allowed = best?.decision === "allow" && untrusted === 0;
  const knownSafe =
    ctx.release?.untrustedRunsKnownSafe === true &&
    !opaque &&
    segments.every((argv, i) => trusted(i) || isKnownSafe(argv));
  if (ctx.approval === "untrusted" && !allowed && !knownSafe)
    return { ...base, outcome: ask(ctx), message: null };
  // Under on-failure a command the sandbox stops asks to be run again without it.
  if (
    ctx.approval === "on-failure" &&
    !allowed &&
    deniedInSandbox(segments, ctx.sandbox, ctx.release?.gitDirProtected === true)
  )
    return { ...base, outcome: ask(ctx), message: null };
  return { ...base, outcome: "run", message: null };
}

/**
 * Decides each probe command: managed and user rules together (most restrictive wins, so a
 * user `allow` never loosens a managed rule), then the approval policy and reviewer.
 */
export function evaluateCommands(commands: string[], ctx: EvaluateContext): CommandState[] {
  const list = Array.isArray(commands) ? commands : [];
  const safeCtx: EvaluateContext = {
    managed: Array.isArray(ctx?.managed) ? ctx.managed : [],
    user: Array.isArray(ctx?.user) ? ctx.user : [],
    approval: String(ctx?.approval ?? "on-request"),
    reviewer: String(ctx?.reviewer ?? "user"),
    sandbox: String(ctx?.sandbox ?? "read-only"),
    reviewerForced: ctx?.reviewerForced === true,
    loginShell: ctx?.loginShell !== false,
    release: commandRelease(ctx?.release),
  };
  if (ctx?.shellTool === false)
    return list.map((c) => ({
      command: typeof c === "string" ? c : String(c),
      decision: "none",
      outcome: "rejected",
      rule: "codex:no-shell-tool",
      message: NO_SHELL_TOOL,
    }));
  return list.map((c) => evaluateOne(typeof c === "string" ? c : String(c), safeCtx));
}
