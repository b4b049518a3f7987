import type { AdapterInfo } from "./adapters/types.js";
import type { CheckResult } from "./expect.js";
import type { ScoredCheck, Status } from "./report/types.js";

/** Whether `path` lies under `prefix`; a `*` segment in either matches any one segment. */
function under(path: string, prefix: string): boolean {
  const p = path.split(".");
  const q = prefix.split(".");
  if (q.length > p.length) return false;
  return q.every((seg, i) => seg === "*" || p[i] === "*" || seg === p[i]);
}

/**
 * Decides which checks count for this adapter and the resulting status. Explanation checks count
 * only when the adapter claims `explanations`; paths the adapter declared unobservable never count.
 * When every counted check that could be observed passes but some could not be observed in this run
 * (the Outcome lists their paths as unobserved), the record is `unobserved`: reported, not a failure.
 */
export function scoreChecks(
  checks: CheckResult[],
  info: Pick<AdapterInfo, "capabilities" | "unobservable">,
): { status: Status; checks: ScoredCheck[] } {
  const explanations = info.capabilities.includes("explanations");
  const scored = checks.map((c) => ({
    ...c,
    scored:
      (c.class === "decision" || explanations) && !(info.unobservable ?? []).some((p) => under(c.path, p)),
  }));
  const counted = scored.filter((c) => c.scored);
  if (counted.some((c) => !c.ok && !c.unobserved)) return { status: "fail", checks: scored };
  if (counted.some((c) => c.unobserved)) return { status: "unobserved", checks: scored };
  return { status: "pass", checks: scored };
}

function short(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? "(absent)" : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** One line naming the first problem: used as the reason of a failing record and baseline entries. */
export function failureSummary(
  status: Status,
  checks: ScoredCheck[],
  reason?: string,
  /** The release the record ran on, when it ran on one (`0.100.0`). */
  release?: string,
): string {
  if (status === "fail") {
    const c = checks.find((x) => x.scored && !x.ok && !x.unobserved);
    if (c) return `${c.path}: expected ${short(c.expected)}, got ${short(c.actual)}`;
  }
  if (status === "not-testable") return `not testable${reason ? `: ${reason}` : ""}`;
  if (status === "unobserved") {
    const c = checks.find((x) => x.scored && x.unobserved);
    if (c)
      return `unobserved: ${c.path} ${release ? `is not observable on ${release}` : "cannot be observed in this run"}`;
  }
  return `${status}${reason ? `: ${reason}` : ""}`;
}
