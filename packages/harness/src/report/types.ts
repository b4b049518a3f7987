import type { Verdict } from "../baseline.js";
import type { CheckResult } from "../expect.js";

export type Status =
  | "pass"
  | "fail"
  | "not-testable"
  | "unobserved"
  | "skipped"
  | "errored"
  | "timeout"
  | "protocol-error"
  | "harness-error";

export const STATUSES: Status[] = [
  "pass",
  "fail",
  "not-testable",
  "unobserved",
  "skipped",
  "errored",
  "timeout",
  "protocol-error",
  "harness-error",
];

export interface ScoredCheck extends CheckResult {
  /** False when the check's class or path is not claimed by the adapter; it is shown, not counted. */
  scored: boolean;
}

export interface Header {
  type: "header";
  suite: { name: string; version: string; case_format: number; protocol: number };
  corpus: { dir: string; hash: string; cases: number; instances: number };
  adapter: {
    name: string;
    version: string;
    kind: string;
    language?: string;
    capabilities: string[];
    editions: string[];
  };
  editions: string[];
  /** The releases whose claims ran (`--release`, or the binary's own), else null. */
  releases: string[] | null;
  codex_version: string | null;
  tags: string | null;
  shard: string | null;
  seed: number | null;
  baseline: string | null;
  started_at: string;
}

export interface ResultRecord {
  type: "result";
  /** `<caseId>:<testId>`. */
  id: string;
  case: string;
  test: string;
  area: string;
  edition: string;
  /** The published release this record is a claim about, in a per-release run. */
  release?: string;
  tags: string[];
  /** Case file relative to the corpus directory, when known. */
  file?: string;
  status: Status;
  /** Why a record was skipped, errored, timed out, or is not testable. */
  reason?: string;
  checks: ScoredCheck[];
  duration_ms: number;
  /** What the adapter wrote to stderr while running this instance (not kept for passes). */
  stderr?: string;
  verdict: Verdict;
  /** The baseline entry's reason for an xfail, stale or baseline-skip record. */
  baseline_reason?: string;
}

export interface Counts {
  pass: number;
  fail: number;
  skipped: number;
  /** Ran, every observed check passed, but some asserted value could not be observed. */
  unobserved: number;
}

export interface Footer {
  type: "footer";
  statuses: Record<Status, number>;
  verdicts: Record<Verdict, number>;
  classes: { decision: { passed: number; total: number }; explanation: { passed: number; total: number } };
  areas: Record<string, Counts>;
  /** Counts per release, in a per-release run. */
  releases?: Record<string, Counts>;
  adapter_restarts: number;
  /** Baseline entries that matched no record of this run (other shard, filtered out, or removed). */
  unmatched_baseline: string[];
  exit_code: number;
  duration_ms: number;
}

export interface Report {
  header: Header;
  records: ResultRecord[];
  footer: Footer;
}
