import { CASE_FORMAT_VERSION, type Case, type Edition } from "@codex-policy/spec";
import type { Adapter, AdapterInfo, RunOutput } from "./adapters/types.js";
import { type Baseline, findEntry, verdictFor } from "./baseline.js";
import { missingCapabilities, requiredCapabilities } from "./capabilities.js";
import { expandForRelease, expandTests, instanceId, type TestInstance } from "./expand.js";
import { checkExpectations } from "./expect.js";
import { corpusHash } from "./hash.js";
import { mapOrdered } from "./pool.js";
import { PROTOCOL_VERSION } from "./protocol/messages.js";
import { summarize } from "./report/summary.js";
import type { Header, Report, ResultRecord, Status } from "./report/types.js";
import { failureSummary, scoreChecks } from "./score.js";
import { type CaseFilter, selectCases, shuffle } from "./select.js";
import { caseSource } from "./source.js";
import { SUITE_NAME, SUITE_VERSION } from "./version.js";

export interface RunConfig {
  adapter: Adapter;
  cases: Case[];
  casesDir: string;
  /** Run only this edition. Without it the engine runs every edition, others run codex-0.169. */
  edition?: Edition;
  allEditionsByDefault?: boolean;
  /**
   * Run each case's claims about these published releases (`expandForRelease`), each under its
   * release's edition; `"adapter"` takes the one release the adapter reports as its version.
   */
  releases?: readonly string[] | "adapter";
  filter?: CaseFilter;
  /** Raw filter texts, for the report header. */
  labels?: { tags?: string; shard?: string };
  baseline?: Baseline;
  baselineFile?: string;
  timeoutMs: number;
  /** Instances run at once (default 1); records still come out in instance order. */
  jobs?: number;
  seed?: number;
  onRecord?: (r: ResultRecord) => void;
  onHeader?: (h: Header) => void;
  /** The instances this run holds, once selected (policy coverage resolves the same ones). */
  onInstances?: (instances: readonly TestInstance[]) => void;
}

const STDERR_LIMIT = 4000;

function baseRecord(t: TestInstance): Omit<ResultRecord, "status" | "checks" | "duration_ms" | "verdict"> {
  return {
    type: "result",
    id: instanceId(t),
    case: t.caseId,
    test: t.testId,
    area: t.area,
    edition: t.edition,
    ...(t.release !== undefined ? { release: t.release } : {}),
    tags: t.tags,
  };
}

async function runOne(adapter: Adapter, info: AdapterInfo, t: TestInstance, timeoutMs: number) {
  const started = performance.now();
  let out: RunOutput;
  try {
    out = await adapter.run(
      { id: instanceId(t), edition: t.edition, scenario: t.scenario, paths: Object.keys(t.expect) },
      timeoutMs,
    );
  } catch (e) {
    out = { reply: { kind: "harness-error", message: (e as Error)?.message ?? String(e) } };
  }
  const duration = Math.round(performance.now() - started);
  const r = out.reply;
  let status: Status;
  let reason: string | undefined;
  let checks: ResultRecord["checks"] = [];
  if (r.kind === "result") {
    if (typeof r.outcome !== "object" || r.outcome === null || Array.isArray(r.outcome)) {
      status = "protocol-error";
      reason = "result is not an Outcome object";
    } else {
      const scored = scoreChecks(checkExpectations(r.outcome as never, t.expect), info);
      status = scored.status;
      checks = scored.checks;
    }
  } else if (r.kind === "skipped") {
    // Every needed capability was declared, so a skip means a claimed capability cannot be exercised.
    status = "not-testable";
    reason = r.issueUrl ? `${r.reason} (${r.issueUrl})` : r.reason;
  } else {
    status = r.kind;
    reason = r.message;
  }
  const stderr = out.stderr && status !== "pass" ? out.stderr.slice(-STDERR_LIMIT) : undefined;
  return { status, reason, checks, duration, stderr };
}

/** Which editions an instance runs in, and whether the adapter claims that edition. */
function editionPlan(cfg: RunConfig): (e: Edition) => boolean {
  if (cfg.edition) return (e) => e === cfg.edition;
  if (cfg.allEditionsByDefault) return () => true;
  return (e) => e === "codex-0.169";
}

/** Runs the selected corpus against one adapter and returns the canonical report. */
export async function runConformance(cfg: RunConfig): Promise<Report> {
  const t0 = performance.now();
  const info = await cfg.adapter.start();
  const declared = new Set(info.capabilities);
  const selected = selectCases(cfg.cases, cfg.filter ?? {});
  const releases = cfg.releases === "adapter" ? [info.version] : cfg.releases;
  let instances: TestInstance[];
  if (releases) {
    instances = releases.flatMap((v) => selected.flatMap((c) => expandForRelease(c, v)));
  } else {
    const wanted = editionPlan(cfg);
    instances = selected.flatMap(expandTests).filter((t) => wanted(t.edition));
  }
  if (cfg.seed !== undefined) instances = shuffle(instances, cfg.seed);
  const header: Header = {
    type: "header",
    suite: {
      name: SUITE_NAME,
      version: SUITE_VERSION,
      case_format: CASE_FORMAT_VERSION,
      protocol: PROTOCOL_VERSION,
    },
    corpus: {
      dir: cfg.casesDir,
      hash: corpusHash(cfg.cases),
      cases: selected.length,
      instances: instances.length,
    },
    adapter: {
      name: info.name,
      version: info.version,
      kind: info.kind,
      ...(info.language ? { language: info.language } : {}),
      capabilities: info.capabilities,
      editions: info.editions,
    },
    editions: [...new Set(instances.map((t) => t.edition))],
    releases: releases ? [...releases] : null,
    codex_version: cfg.filter?.codexVersion ?? null,
    tags: cfg.labels?.tags ?? null,
    shard: cfg.labels?.shard ?? null,
    seed: cfg.seed ?? null,
    baseline: cfg.baselineFile ?? null,
    started_at: new Date().toISOString(),
  };
  cfg.onHeader?.(header);
  cfg.onInstances?.(instances);
  const usedEntries = new Set<object>();
  const recordFor = async (t: TestInstance): Promise<ResultRecord> => {
    const base = { ...baseRecord(t), ...(caseFile(cfg.cases, t.caseId) ?? {}) };
    const key = { id: base.id, caseId: t.caseId, edition: t.edition };
    const skipEntry = cfg.baseline ? findEntry(cfg.baseline.skip, key) : undefined;
    const missing = missingCapabilities(requiredCapabilities(t), declared);
    if (skipEntry) {
      usedEntries.add(skipEntry);
      return {
        ...base,
        status: "skipped",
        reason: `baseline skip: ${skipEntry.reason}`,
        checks: [],
        duration_ms: 0,
        verdict: "skipped",
        baseline_reason: skipEntry.reason,
      };
    }
    if (!info.editions.includes(t.edition)) {
      return {
        ...base,
        status: "skipped",
        reason: `edition ${t.edition} not claimed by the adapter`,
        checks: [],
        duration_ms: 0,
        verdict: "skipped",
      };
    }
    if (missing.length) {
      return {
        ...base,
        status: "skipped",
        reason: `needs undeclared capability: ${missing.join(", ")}`,
        checks: [],
        duration_ms: 0,
        verdict: "skipped",
      };
    }
    const r = await runOne(cfg.adapter, info, t, cfg.timeoutMs);
    const entry = cfg.baseline ? findEntry(cfg.baseline.xfail, key) : undefined;
    if (entry) usedEntries.add(entry);
    const rec: ResultRecord = {
      ...base,
      status: r.status,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      checks: r.checks,
      duration_ms: r.duration,
      ...(r.stderr ? { stderr: r.stderr } : {}),
      verdict: verdictFor(r.status, entry !== undefined),
      ...(entry ? { baseline_reason: entry.reason } : {}),
    };
    if (rec.status !== "pass" && rec.reason === undefined)
      rec.reason = failureSummary(rec.status, rec.checks, undefined, t.release);
    return rec;
  };
  let records: ResultRecord[];
  try {
    records = await mapOrdered(instances, cfg.jobs ?? 1, recordFor, (rec) => cfg.onRecord?.(rec));
  } finally {
    await cfg.adapter.stop();
  }
  const unmatched = cfg.baseline
    ? [...cfg.baseline.xfail, ...cfg.baseline.skip].filter((e) => !usedEntries.has(e)).map((e) => e.id)
    : [];
  const footer = summarize(records, {
    restarts: cfg.adapter.restarts(),
    unmatched,
    durationMs: Math.round(performance.now() - t0),
  });
  return { header, records, footer };
}

const fileCache = new WeakMap<Case[], Map<string, string>>();
function caseFile(cases: Case[], caseId: string): { file: string } | undefined {
  let m = fileCache.get(cases);
  if (!m) {
    m = new Map();
    for (const c of cases) {
      const src = caseSource(c);
      if (src) m.set(c.id, src.relPath);
    }
    fileCache.set(cases, m);
  }
  const f = m.get(caseId);
  return f ? { file: f } : undefined;
}
