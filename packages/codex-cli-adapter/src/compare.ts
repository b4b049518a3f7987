import type { Outcome } from "@codex-policy/spec";
import { underPrefix } from "./channels.js";

/** Leaf paths of an Outcome (arrays by index), in document order. Empty containers are leaves. */
export function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  const isObj = value !== null && typeof value === "object";
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : isObj
      ? Object.entries(value)
      : [];
  if (!isObj || entries.length === 0) {
    out.set(prefix, value);
    return out;
  }
  for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

export interface DiffRow {
  path: string;
  engine: unknown;
  binary: unknown;
  /** `same`, `differs`, or `unobserved` (the binary could not see this path). */
  state: "same" | "differs" | "unobserved";
}

const ABSENT = undefined;

/** Field-by-field comparison; `unobserved` and `trace` themselves are bookkeeping and never compared. */
export function diffOutcomes(engine: Outcome, binary: Outcome): DiffRow[] {
  const skip = (p: string) =>
    p === "unobserved" || p.startsWith("unobserved.") || p === "trace" || p.startsWith("trace.");
  const a = flatten(engine);
  const b = flatten(binary);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !skip(p));
  const unobserved = binary.unobserved ?? [];
  return paths.map((path) => {
    const ev = a.has(path) ? a.get(path) : ABSENT;
    const bv = b.has(path) ? b.get(path) : ABSENT;
    let state: DiffRow["state"] = JSON.stringify(ev) === JSON.stringify(bv) ? "same" : "differs";
    if (unobserved.some((u) => underPrefix(path, u))) state = "unobserved";
    return { path, engine: ev, binary: bv, state };
  });
}
