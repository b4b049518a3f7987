/** Hook events Codex 0.169 knows (others are ignored without a warning). */
export const HOOK_EVENTS = [
  "PreModelRequest",
  "PostModelRequest",
  "PreToolUse",
  "PermissionRequest",
  "PostToolUse",
  "PreCompact",
  "PostCompact",
  "SessionStart",
  "SessionEnd",
  "UserPromptSubmit",
  "SubagentStart",
  "SubagentStop",
  "Stop",
  "Interrupt",
] as const;

export const HANDLER_TYPES = ["command", "mcp_tool", "prompt", "agent"] as const;

export const isHookEvent = (k: string): boolean => (HOOK_EVENTS as readonly string[]).includes(k);

/** Events that take no matcher: Codex drops one written there (binary 0.169.0, `hooks/list`). */
export const MATCHERLESS_EVENTS: ReadonlySet<string> = new Set([
  "PreModelRequest",
  "PostModelRequest",
  "UserPromptSubmit",
  "Stop",
  "Interrupt",
]);

/** The tool name hooks see for shell commands. */
export const SHELL_TOOL = "Bash";

/** Whether a hook matcher (a regex over the tool name; none or `*` is every tool) covers a tool. */
export function matcherCovers(matcher: string | null | undefined, tool: string): boolean {
  if (!matcher || matcher === "*") return true;
  try {
    return new RegExp(matcher).test(tool);
  } catch {
    return false;
  }
}
