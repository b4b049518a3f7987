import {
  APPROVAL_POLICIES,
  CLOUD_PATHS,
  COMMAND_DECISIONS,
  COMMAND_OUTCOMES,
  EDITIONS,
  ERROR_CODES,
  ErrorSchema,
  NOTICE_KINDS,
  NoticeSchema,
  REPORTED_REVIEWERS,
  SANDBOX_MODES,
  WARNING_CODES,
  WarningSchema,
  WEB_SEARCH_MODES,
} from "@codex-policy/spec";
import { isOperatorTable, OPERATORS, OUTCOME_KEYS } from "./expect.js";

/** A lint finding inside one expectations table; `path` is the expectation path. */
export interface ExpectProblem {
  path: string;
  code: string;
  message: string;
}

/** Outcome paths with a closed set of values; `#` stands for an array index or `*`. */
const ENUMS: Record<string, readonly string[]> = {
  edition: EDITIONS,
  status: ["ok", "refused"],
  "effective.approval_policy": [...APPROVAL_POLICIES, "granular"],
  "effective.approvals_reviewer": REPORTED_REVIEWERS,
  "effective.sandbox_mode": [...SANDBOX_MODES, "external-sandbox"],
  "effective.web_search": WEB_SEARCH_MODES,
  "effective.web_search_access": ["none", "cached", "external"],
  "effective.commands.#.decision": COMMAND_DECISIONS,
  "effective.commands.#.outcome": COMMAND_OUTCOMES,
  "cloud.path": CLOUD_PATHS,
};

/** Outcome lists whose entries carry a registered code, with the entry schema and the registry. */
const CODED_LISTS: Record<
  string,
  { field: string; registry: object; name: string; entry: { safeParse(v: unknown): { success: boolean } } }
> = {
  errors: { field: "code", registry: ERROR_CODES, name: "ERROR_CODES", entry: ErrorSchema },
  warnings: { field: "code", registry: WARNING_CODES, name: "WARNING_CODES", entry: WarningSchema },
  notices: { field: "kind", registry: NOTICE_KINDS, name: "NOTICE_KINDS", entry: NoticeSchema },
};

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The strings an expectation compares a path against: the value, array items, or a `$contains` argument. */
function comparedStrings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  if (isOperatorTable(v) && typeof v.$contains === "string") return [v.$contains];
  return [];
}

/** The list entries an expectation names: a whole entry at `errors.N`, or `$contains` on the list. */
function comparedEntries(v: unknown, wholeList: boolean): Record<string, unknown>[] {
  if (wholeList) {
    if (Array.isArray(v)) return v.filter(isTable);
    if (isOperatorTable(v) && isTable(v.$contains)) return [v.$contains];
    return [];
  }
  return isTable(v) && !Object.keys(v).some((k) => k.startsWith("$")) ? [v] : [];
}

function operatorProblems(path: string, v: Record<string, unknown>): ExpectProblem[] {
  const keys = Object.keys(v);
  if (!keys.every((k) => k.startsWith("$"))) {
    return [
      {
        path,
        code: "operator-mixed",
        message: `table mixes operators with plain keys (${keys.join(", ")}); it would be compared literally`,
      },
    ];
  }
  const out: ExpectProblem[] = [];
  for (const [op, arg] of Object.entries(v)) {
    if (!(OPERATORS as readonly string[]).includes(op)) {
      out.push({
        path,
        code: "operator-unknown",
        message: `unknown operator '${op}' (known: ${OPERATORS.join(", ")})`,
      });
    } else if (op === "$absent" && arg !== true) {
      out.push({
        path,
        code: "operator-absent-not-true",
        message: "$absent must be true (assert the value instead)",
      });
    } else if (op === "$null" && arg !== true) {
      out.push({
        path,
        code: "operator-null-not-true",
        message: "$null must be true (assert the value instead)",
      });
    } else if (op === "$len" && !(typeof arg === "number" && Number.isInteger(arg) && arg >= 0)) {
      out.push({
        path,
        code: "operator-len-invalid",
        message: `$len must be a non-negative integer, not ${JSON.stringify(arg)}`,
      });
    } else if (op === "$match") {
      try {
        if (typeof arg !== "string") throw new Error("not a string");
        new RegExp(arg);
      } catch (e) {
        out.push({
          path,
          code: "operator-match-invalid",
          message: `$match is not a valid regular expression: ${(e as Error).message}`,
        });
      }
    }
  }
  return out;
}

function codeProblems(path: string, segs: string[], v: unknown): ExpectProblem[] {
  const list = CODED_LISTS[segs[0] ?? ""];
  if (!list) return [];
  const out: ExpectProblem[] = [];
  const unknown = (code: string) =>
    out.push({ path, code: "code-unknown", message: `'${code}' is not in ${list.name}` });
  const indexed = segs.length >= 2 && /^(\d+|\*)$/.test(segs[1] ?? "");
  if (segs.length === 3 && indexed && segs[2] === list.field) {
    for (const s of comparedStrings(v)) if (!(s in list.registry)) unknown(s);
  }
  if (segs.length === 1 || (segs.length === 2 && indexed)) {
    for (const entry of comparedEntries(v, segs.length === 1)) {
      const code = entry[list.field];
      if (typeof code === "string" && !(code in list.registry)) unknown(code);
      if (!list.entry.safeParse(entry).success) {
        out.push({
          path,
          code: "entry-partial",
          message: `a whole ${segs[0]} entry is compared for equality, so it needs every field (${Object.keys(entry).join(", ")} given); assert single fields by path instead`,
        });
      }
    }
  }
  return out;
}

/**
 * Problems in one expectations table that the loader does not catch or that need the scenario:
 * path shape, operator tables, registered codes, enum values, probed command indexes.
 * `probeCount` is the number of commands the test's scenario probes.
 */
export function expectProblems(expect: Record<string, unknown>, probeCount: number): ExpectProblem[] {
  const out: ExpectProblem[] = [];
  for (const [path, v] of Object.entries(expect)) {
    const segs = path.split(".");
    if (!(OUTCOME_KEYS as readonly string[]).includes(segs[0] ?? "")) {
      out.push({
        path,
        code: "path-root-unknown",
        message: `path must start with one of ${OUTCOME_KEYS.join(", ")}`,
      });
    }
    if (segs.includes(""))
      out.push({ path, code: "path-empty-segment", message: "path has an empty segment" });
    if (isTable(v) && Object.keys(v).some((k) => k.startsWith("$"))) out.push(...operatorProblems(path, v));
    out.push(...codeProblems(path, segs, v));
    const key = segs.map((s, i) => (i > 0 && /^(\d+|\*)$/.test(s) ? "#" : s)).join(".");
    const allowed = ENUMS[key];
    if (allowed) {
      for (const s of comparedStrings(v)) {
        if (!allowed.includes(s)) {
          out.push({ path, code: "enum-invalid", message: `'${s}' is not one of ${allowed.join(", ")}` });
        }
      }
    }
    const cmd = /^effective\.commands\.(\d+)(\.|$)/.exec(path);
    if (cmd && Number(cmd[1]) >= probeCount) {
      out.push({
        path,
        code: "command-index-out-of-range",
        message: `the scenario probes ${probeCount} command(s), so there is no command ${cmd[1]}`,
      });
    }
  }
  return out;
}
