import type { FeatureState, HookState, McpServerState } from "@codex-policy/spec";

/** `codex features list`: one `name  stage  true|false` row per feature, stage may contain spaces. */
export function parseFeaturesList(stdout: string): Record<string, FeatureState> {
  const out: Record<string, FeatureState> = {};
  for (const line of stdout.split("\n")) {
    if (line.trim() === "") continue;
    // Columns are padded with spaces; releases up to 0.89 separate them with one tab.
    const m = /^(\S+)(?:\t|\s{2,})(.+?)(?:\t|\s{2,})(true|false)\s*$/.exec(line);
    if (!m) throw new Error(`features list printed a row it cannot read: ${JSON.stringify(line)}`);
    out[m[1]!] = { enabled: m[3] === "true", stage: m[2]! };
  }
  return out;
}

interface McpListEntry {
  name: string;
  enabled: boolean;
  disabled_reason: string | null;
  transport?: { type?: string };
}

/** `codex mcp list --json`. */
export function parseMcpList(stdout: string): Record<string, McpServerState> {
  const list = JSON.parse(stdout) as McpListEntry[];
  if (!Array.isArray(list)) throw new Error("mcp list --json did not print an array");
  const out: Record<string, McpServerState> = {};
  for (const e of list) {
    const state: McpServerState = { enabled: e.enabled, reason: e.disabled_reason ?? null };
    const type = e.transport?.type;
    if (type === "stdio") state.transport = "stdio";
    else if (type) state.transport = "http";
    out[e.name] = state;
  }
  return out;
}

interface HookMeta {
  eventName: string;
  matcher: string | null;
  command?: string;
  source: string;
  sourcePath: string;
  isManaged: boolean;
  handlerType: string;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where a hook came from, in the Outcome's vocabulary. */
function hookSource(h: HookMeta): string {
  if (h.source === "user" && /hooks\.json$/.test(h.sourcePath)) return "hooks.json";
  return h.source;
}

/** `hooks/list` reply → HookState[] (command handlers only; others have no command). */
export function mapHooksList(result: unknown): HookState[] {
  const data = (result as { data?: { hooks?: HookMeta[] }[] })?.data ?? [];
  const out: HookState[] = [];
  for (const entry of data) {
    for (const h of entry.hooks ?? []) {
      out.push({
        event: capitalize(h.eventName),
        matcher: h.matcher ?? null,
        command: h.command ?? `<${h.handlerType}>`,
        source: hookSource(h),
        managed: h.isManaged,
      });
    }
  }
  return out;
}
