import { checkClass, type Outcome } from "@codex-policy/spec";

export type CheckClass = "decision" | "explanation";

export interface CheckResult {
  path: string;
  class: CheckClass;
  ok: boolean;
  expected: unknown;
  actual: unknown;
  /** The path lies under one of `outcome.unobserved`: the implementation could not observe it. */
  unobserved?: boolean;
}

export const OPERATORS = ["$contains", "$absent", "$null", "$len", "$match"] as const;
type Operator = (typeof OPERATORS)[number];

/** Top-level Outcome keys an expectation path may start with. */
export const OUTCOME_KEYS = [
  "edition",
  "status",
  "requirements",
  "effective",
  "cloud",
  "notices",
  "warnings",
  "errors",
  "unobserved",
  "trace",
] as const;

const MISSING: unique symbol = Symbol("missing");
type Resolved = unknown | typeof MISSING;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An operator table: a non-empty object whose keys all start with `$`. */
export function isOperatorTable(v: unknown): v is Partial<Record<Operator, unknown>> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith("$"));
}

/**
 * Resolves a dotted path. Numeric segments index arrays; `*` maps the rest of the path over every
 * element (or value) and yields an array. A key that itself contains dots is found by joining
 * segments when the single segment is not a key.
 */
export function resolvePath(root: unknown, path: string): Resolved {
  return walk(root, path.split("."));
}

function walk(cur: unknown, segs: string[]): Resolved {
  if (segs.length === 0) return cur;
  const [head, ...rest] = segs as [string, ...string[]];
  if (head === "*") {
    const items = Array.isArray(cur) ? cur : isPlainObject(cur) ? Object.values(cur) : null;
    if (!items) return MISSING;
    return items.map((x) => walk(x, rest)).filter((x) => x !== MISSING);
  }
  if (Array.isArray(cur)) {
    if (!/^\d+$/.test(head)) return MISSING;
    const i = Number(head);
    return i < cur.length ? walk(cur[i], rest) : MISSING;
  }
  if (!isPlainObject(cur)) return MISSING;
  if (Object.hasOwn(cur, head)) return walk(cur[head], rest);
  for (let n = segs.length; n >= 2; n--) {
    const key = segs.slice(0, n).join(".");
    if (Object.hasOwn(cur, key)) return walk(cur[key], segs.slice(n));
  }
  return MISSING;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === "bigint" || typeof b === "bigint") return Number(a) === Number(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function sizeOf(v: unknown): number | null {
  if (Array.isArray(v) || typeof v === "string") return v.length;
  if (isPlainObject(v)) return Object.keys(v).length;
  return null;
}

function applyOperator(op: Operator, arg: unknown, actual: Resolved): boolean {
  switch (op) {
    case "$absent":
      return (actual === MISSING || actual === undefined) === (arg === true);
    case "$null":
      // TOML has no null: this is how a case asserts one (e.g. no active permission profile).
      return (actual === null) === (arg === true);
    case "$contains":
      if (typeof actual === "string") return typeof arg === "string" && actual.includes(arg);
      if (Array.isArray(actual)) return actual.some((x) => deepEqual(x, arg));
      return false;
    case "$len":
      return sizeOf(actual) === Number(arg);
    case "$match":
      return typeof actual === "string" && typeof arg === "string" && new RegExp(arg).test(actual);
  }
}

export function matches(expected: unknown, actual: Resolved): boolean {
  if (isOperatorTable(expected)) {
    return Object.entries(expected).every(([op, arg]) => applyOperator(op as Operator, arg, actual));
  }
  return actual !== MISSING && deepEqual(expected, actual);
}

/** Whether a prefix (where `*` matches one segment) covers `path`. */
function covers(prefix: string, path: string): boolean {
  const q = prefix.split(".");
  const p = path.split(".");
  return q.length <= p.length && q.every((seg, i) => seg === "*" || p[i] === "*" || seg === p[i]);
}

/**
 * A check is unobserved when its path lies under an unobserved prefix, or when it compares a whole
 * value part of which is unobserved (an operator such as `$len` or `$absent` does not look inside).
 */
function isUnobserved(path: string, expected: unknown, unobserved: readonly string[] | undefined): boolean {
  if (!unobserved?.length) return false;
  if (unobserved.some((p) => covers(p, path))) return true;
  const looksInside =
    !isOperatorTable(expected) || "$contains" in (expected as object) || "$match" in (expected as object);
  return looksInside && unobserved.some((p) => covers(path, p) && p !== path);
}

/**
 * Checks an Outcome against partial expectations, one result per path, in the order given.
 * Paths under `outcome.unobserved` are still compared but carry `unobserved: true`.
 */
export function checkExpectations(outcome: Outcome, expect: Record<string, unknown>): CheckResult[] {
  const unobserved = Array.isArray(outcome?.unobserved) ? outcome.unobserved : undefined;
  return Object.entries(expect).map(([path, expected]) => {
    const got = resolvePath(outcome, path);
    const r: CheckResult = {
      path,
      class: checkClass(path),
      ok: matches(expected, got),
      expected,
      actual: got === MISSING ? undefined : got,
    };
    if (isUnobserved(path, expected, unobserved)) r.unobserved = true;
    return r;
  });
}

/** Structural problems in an expectations table: unknown operators, bad operator arguments, bad roots. */
export function expectationIssues(expect: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [path, v] of Object.entries(expect)) {
    const root = path.split(".")[0] ?? "";
    if (!(OUTCOME_KEYS as readonly string[]).includes(root)) {
      out.push([path, `path must start with an Outcome key (${OUTCOME_KEYS.join(", ")})`]);
    }
    if (!isOperatorTable(v)) continue;
    for (const [op, arg] of Object.entries(v)) {
      if (!(OPERATORS as readonly string[]).includes(op)) {
        out.push([path, `unknown operator '${op}' (known: ${OPERATORS.join(", ")})`]);
      } else if ((op === "$absent" || op === "$null") && typeof arg !== "boolean") {
        out.push([path, `${op} takes true or false`]);
      } else if (op === "$len" && !(typeof arg === "number" && Number.isInteger(arg) && arg >= 0)) {
        out.push([path, "$len takes a non-negative integer"]);
      } else if (op === "$match") {
        try {
          new RegExp(String(arg));
        } catch (e) {
          out.push([path, `$match is not a valid regular expression: ${(e as Error).message}`]);
        }
      }
    }
  }
  return out;
}
