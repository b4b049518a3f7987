import type { AdapterInfo } from "./adapters/types.js";
import type { CheckResult } from "./expect.js";
import type { ScoredCheck, Status } from "./report/types.js";

function under(path: string, prefix: string): boolean {
  const bare = path.replace(/\.\*(?=\.|$)/g, "");
  return bare === prefix || bare.startsWith(`${prefix}.`);
}

/**
 * Decides which checks count for this adapter and the resulting status. Explanation checks count
 * only when the adapter claims `explanations`; paths the adapter declared unobservable never count.
 * A counted check whose path the Outcome marks unobserved makes the record `not-testable`.
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
  if (counted.some((c) => c.unobserved)) return { status: "not-testable", checks: scored };
  return { status: "pass", checks: scored };
}

function short(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? "(absent)" : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** One line naming the first problem: used as the reason of a failing record and baseline entries. */
export function failureSummary(status: Status, checks: ScoredCheck[], reason?: string): string {
  if (status === "fail") {
    const c = checks.find((x) => x.scored && !x.ok && !x.unobserved);
    if (c) return `${c.path}: expected ${short(c.expected)}, got ${short(c.actual)}`;
  }
  if (status === "not-testable") {
    const c = checks.find((x) => x.scored && x.unobserved);
    if (reason) return `not testable: ${reason}`;
    if (c) return `not testable: ${c.path} is unobserved`;
  }
  return `${status}${reason ? `: ${reason}` : ""}`;
}
