import type { HookState } from "@codex-policy/spec";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { isTable } from "../toml.js";
import { HOOK_EVENTS, MATCHERLESS_EVENTS } from "./events.js";

export interface HooksInput {
  composed: ComposedField | undefined;
  allowManagedOnly: boolean;
  /** Lowest precedence first. */
  configLayers: ConfigLayer[];
  /** `$CODEX_HOME/hooks.json` text. */
  hooksJson?: string;
  hooksFeatureEnabled: boolean;
}

const CONFIG_SOURCE: Record<string, string> = { user: "user", profile: "user", project: "project" };

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Command handlers of one hooks table, in Codex's event order. */
function handlers(
  table: unknown,
  emit: (event: string, matcher: string | null, command: string, group: unknown) => void,
): void {
  if (!isTable(table)) return;
  for (const event of HOOK_EVENTS) {
    const groups = table[event];
    if (!Array.isArray(groups)) continue;
    for (const g of groups) {
      if (!isTable(g) || !Array.isArray(g.hooks)) continue;
      const matcher = typeof g.matcher === "string" && !MATCHERLESS_EVENTS.has(event) ? g.matcher : null;
      for (const h of g.hooks) {
        if (isTable(h) && h.type === "command" && typeof h.command === "string")
          emit(event, matcher, h.command, g);
      }
    }
  }
}

function parseHooksJson(text: string | undefined): unknown {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    const doc = JSON.parse(text) as unknown;
    return isTable(doc) ? doc.hooks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hooks that will run: managed hooks from requirements, then (unless
 * `allow_managed_hooks_only`) user and project config hooks and hooks.json. None at all
 * when the `hooks` feature is off.
 */
export function resolveHooks(input: HooksInput, _diag: Diagnostics): HookState[] {
  if (!input || input.hooksFeatureEnabled === false) return [];
  const out: HookState[] = [];
  const composed = input.composed;
  if (composed) {
    handlers(composed.value, (event, matcher, command, group) => {
      const from = composed.layers.find((l) => {
        const t = isTable(l.doc) ? l.doc.hooks : undefined;
        const gs = isTable(t) ? t[event] : undefined;
        return Array.isArray(gs) && gs.some((x) => sameJson(x, group));
      });
      out.push({
        event,
        matcher,
        command,
        source: "system",
        managed: true,
        layer: (from ?? composed.layer).source,
      });
    });
  }
  if (input.allowManagedOnly === true) return out;
  for (const layer of Array.isArray(input.configLayers) ? input.configLayers : []) {
    const t = isTable(layer?.doc) ? layer.doc.hooks : undefined;
    const source = CONFIG_SOURCE[String(layer?.kind)] ?? String(layer?.kind);
    handlers(t, (event, matcher, command) => out.push({ event, matcher, command, source, managed: false }));
  }
  handlers(parseHooksJson(input.hooksJson), (event, matcher, command) =>
    out.push({ event, matcher, command, source: "hooks.json", managed: false }),
  );
  return out;
}
