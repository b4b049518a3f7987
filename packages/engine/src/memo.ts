import { Diagnostics } from "./model.js";
import { deepFreeze } from "./toml.js";

/**
 * Memoization for the engine's pure stages. Keys combine primitive inputs with the identity of
 * parsed documents (which are cached and frozen by `parseToml`). A stage's diagnostics are recorded
 * with its result and replayed on every hit, so a cached stage is indistinguishable from a fresh one.
 */
const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable number for an object's identity; primitives stand for themselves. */
export function idOf(v: unknown): string {
  if (typeof v === "string") return `s${v.length}:${v}`;
  if (v === null || typeof v !== "object") return String(v);
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId++;
    ids.set(v, id);
  }
  return `#${id}`;
}

/** A cache key: strings as they are, objects by identity, separated by NUL. */
export function keyOf(...parts: unknown[]): string {
  let k = "";
  for (const p of parts) k += `${typeof p === "string" ? `s${p}` : idOf(p)}\u0000`;
  return k;
}

interface Entry<T> {
  value: T;
  warnings: Diagnostics["warnings"];
  notices: Diagnostics["notices"];
  errors: Diagnostics["errors"];
}

export class StageCache<T> {
  private readonly map = new Map<string, Entry<T>>();
  constructor(private readonly limit = 256) {}

  /** Runs `fn` once per key; later calls replay its diagnostics into `diag` and return the same value. */
  run(key: string, diag: Diagnostics, fn: (d: Diagnostics) => T): T {
    let e = this.map.get(key);
    if (!e) {
      const local = new Diagnostics();
      // Cached values are shared by every later Outcome, so they are frozen.
      const value = deepFreeze(fn(local));
      e = deepFreeze({ value, warnings: local.warnings, notices: local.notices, errors: local.errors });
      if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
      this.map.set(key, e);
    }
    if (e.warnings.length) diag.warnings.push(...e.warnings);
    if (e.notices.length) diag.notices.push(...e.notices);
    if (e.errors.length) diag.errors.push(...e.errors);
    return e.value;
  }
}

/** Memoizes a pure function of one frozen document (plus a small string key). */
export function perDocument<T>(fn: (doc: object, extra: string) => T): (doc: object, extra?: string) => T {
  const cache = new WeakMap<object, Map<string, T>>();
  return (doc, extra = "") => {
    let byExtra = cache.get(doc);
    if (!byExtra) {
      byExtra = new Map();
      cache.set(doc, byExtra);
    }
    if (!byExtra.has(extra)) byExtra.set(extra, fn(doc, extra));
    return byExtra.get(extra) as T;
  };
}
