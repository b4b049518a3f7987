import { isTable } from "../toml.js";
import { HOOK_EVENTS } from "./events.js";

/** A command handler as Codex reports it: every field present, unset ones null. */
function handler(h: unknown): unknown {
  if (!isTable(h) || h.type !== "command") return h;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  return {
    type: "command",
    command: str(h.command),
    commandWindows: str(h.command_windows ?? h.commandWindows),
    timeoutSec: typeof h.timeout === "number" ? h.timeout : null,
    async: h.async === true,
    statusMessage: str(h.statusMessage),
    additionalContextLimit: typeof h.additionalContextLimit === "number" ? h.additionalContextLimit : null,
  };
}

function groups(v: unknown): unknown[] {
  if (!Array.isArray(v)) return [];
  return v.map((g) =>
    isTable(g)
      ? {
          matcher: typeof g.matcher === "string" ? g.matcher : null,
          hooks: Array.isArray(g.hooks) ? g.hooks.map(handler) : [],
        }
      : g,
  );
}

/**
 * Managed hooks the way Codex's startup-config report shows them (0.169.0): every event listed,
 * empty ones as `[]`, the managed directories as `managedDir` / `windowsManagedDir`, and each
 * command handler with all its fields.
 */
export function reportedHooks(value: unknown): unknown {
  if (!isTable(value)) return value;
  const out: Record<string, unknown> = {};
  for (const event of HOOK_EVENTS) out[event] = groups(value[event]);
  out.managedDir = typeof value.managed_dir === "string" ? value.managed_dir : null;
  out.windowsManagedDir = typeof value.windows_managed_dir === "string" ? value.windows_managed_dir : null;
  return out;
}

/** Whether managed hooks say nothing Codex keeps: no managed directory and no matcher group (binary 0.169.0). */
export function hooksEmpty(value: unknown): boolean {
  if (!isTable(value)) return false;
  if (typeof value.managed_dir === "string" || typeof value.windows_managed_dir === "string") return false;
  return HOOK_EVENTS.every((event) => !Array.isArray(value[event]) || value[event].length === 0);
}
