import type { Verdict } from "../baseline.js";
import type { Counts, Footer, ResultRecord, Status } from "./types.js";
import { STATUSES } from "./types.js";

const VERDICTS: Verdict[] = ["ok", "xfail", "regression", "stale", "skipped"];

/** Exit code of a run: 1 when any record is a regression or a stale baseline entry, else 0. */
export function exitCodeFor(records: ResultRecord[]): number {
  return records.some((r) => r.verdict === "regression" || r.verdict === "stale") ? 1 : 0;
}

export function summarize(
  records: ResultRecord[],
  extra: { restarts: number; unmatched: string[]; durationMs: number },
): Footer {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const classes = { decision: { passed: 0, total: 0 }, explanation: { passed: 0, total: 0 } };
  const areas: Record<string, Counts> = {};
  for (const r of records) {
    statuses[r.status]++;
    verdicts[r.verdict]++;
    const a = areas[r.area] ?? { pass: 0, fail: 0, skipped: 0, unobserved: 0 };
    areas[r.area] = a;
    if (r.status === "pass") a.pass++;
    else if (r.status === "skipped") a.skipped++;
    else if (r.status === "unobserved") a.unobserved++;
    else a.fail++;
    for (const c of r.checks) {
      if (!c.scored || c.unobserved) continue;
      classes[c.class].total++;
      if (c.ok) classes[c.class].passed++;
    }
  }
  return {
    type: "footer",
    statuses,
    verdicts,
    classes,
    areas,
    adapter_restarts: extra.restarts,
    unmatched_baseline: extra.unmatched,
    exit_code: exitCodeFor(records),
    duration_ms: extra.durationMs,
  };
}
