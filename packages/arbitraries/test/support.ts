import { resolve } from "@codex-policy/engine";
import type { Edition, Outcome, Scenario } from "@codex-policy/spec";
import { parse } from "smol-toml";

/** Property runs per law in CI; `FC_RUNS=5000 pnpm exec vitest run packages/arbitraries` for a big run. */
export const RUNS = Number(process.env.FC_RUNS ?? 200);
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
export const params = (numRuns = RUNS) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

export const EDITION_IDS: Edition[] = ["codex-0.169", "documented"];

/** The decision part of an Outcome: status, first error code, requirement values, effective values without provenance. */
export function decisions(o: Outcome, opts: { dropLoginDefault?: boolean } = {}): unknown {
  const req: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o.requirements)) {
    if (opts.dropLoginDefault && k === "allowed_login_methods" && v.source === "default") continue;
    req[k] = v.value;
  }
  const eff = o.effective
    ? {
        ...o.effective,
        sources: undefined,
        features: Object.fromEntries(Object.entries(o.effective.features).map(([k, f]) => [k, f.enabled])),
        mcp_servers: Object.fromEntries(
          Object.entries(o.effective.mcp_servers).map(([k, m]) => [k, m.enabled]),
        ),
        hooks: o.effective.hooks.map((h) => `${h.event}:${h.command}`),
        commands: o.effective.commands.map((c) => `${c.command}:${c.decision}:${c.outcome}`),
      }
    : null;
  return { status: o.status, error: o.errors[0]?.code ?? null, requirements: req, effective: eff };
}

export function run(s: Scenario, ed: Edition): Outcome {
  return resolve(s, ed);
}

/** Parses a TOML layer text; null when it does not parse. */
export function tryParse(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    return parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
