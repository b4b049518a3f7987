import type { Verdict } from "../baseline.js";
import type { Counts, Footer, ResultRecord, Status } from "./types.js";
import { STATUSES } from "./types.js";

const VERDICTS: Verdict[] = ["ok", "xfail", "regression", "stale", "skipped"];

/** Exit code of a run: 1 when any record is a regression or a stale baseline entry, else 0. */
export function exitCodeFor(records: ResultRecord[]): number {
  return records.some((r) => r.verdict === "regression" || r.verdict === "stale") ? 1 : 0;
}

function count(into: Record<string, Counts>, key: string, status: Status): void {
  const c = into[key] ?? { pass: 0, fail: 0, skipped: 0, unobserved: 0 };
  into[key] = c;
  if (status === "pass") c.pass++;
  else if (status === "skipped") c.skipped++;
  else if (status === "unobserved") c.unobserved++;
  else c.fail++;
}

export function summarize(
  records: ResultRecord[],
  extra: { restarts: number; unmatched: string[]; durationMs: number },
): Footer {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const classes = { decision: { passed: 0, total: 0 }, explanation: { passed: 0, total: 0 } };
  const areas: Record<string, Counts> = {};
  const releases: Record<string, Counts> = {};
  for (const r of records) {
    statuses[r.status]++;
    verdicts[r.verdict]++;
    count(areas, r.area, r.status);
    if (r.release !== undefined) count(releases, r.release, r.status);
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
    ...(Object.keys(releases).length ? { releases } : {}),
    adapter_restarts: extra.restarts,
    unmatched_baseline: extra.unmatched,
    exit_code: exitCodeFor(records),
    duration_ms: extra.durationMs,
  };
}
