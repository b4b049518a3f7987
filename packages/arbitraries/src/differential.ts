import { resolve } from "@codex-policy/engine";
import type { Edition, Outcome, Scenario } from "@codex-policy/spec";
import fc from "fast-check";
import { divergenceCase, writeCaseFile } from "./case-file.js";
import { compareDecisions, compareWarnings, type Divergence, divergenceSignature } from "./compare.js";
import { scenario as scenarioArb } from "./scenario.js";

type Adapter = typeof import("@codex-policy/codex-cli-adapter");

export interface DifferentialOptions {
  /** Scenarios to generate (not counting shrinking). */
  runs: number;
  seed?: number;
  /** Stop generating after this many milliseconds. */
  timeBudgetMs?: number;
  /** Time allowed for shrinking each divergence. */
  shrinkBudgetMs?: number;
  /** Where case files go; null to write none. */
  outDir?: string | null;
  codexBin?: string;
  /** The edition the engine resolves in; it should model the binary's release (default codex-0.169). */
  edition?: Edition;
  /** Replay one counterexample: the `path` printed with a divergence (use with its seed). */
  path?: string;
  /** Also compare the warning texts the user sees (not only decision fields). */
  warnings?: boolean;
  /**
   * Shards run concurrently, each with its own seed (`seed + k * SHARD_SEED_STEP`) and its share
   * of the runs; the binary runs are separate processes, so a second shard uses a second core.
   */
  jobs?: number;
  log?: (line: string) => void;
}

export interface FoundDivergence {
  signature: string;
  divergences: Divergence[];
  scenario: Scenario;
  seed: number;
  path: string;
  caseFile: string | null;
}

export interface DifferentialReport {
  runs: number;
  binaryRuns: number;
  unsupported: number;
  /** Scenarios the adapter could not observe, with its message: a probe failed or timed out. */
  adapterErrors: AdapterFailure[];
  elapsedMs: number;
  perSecond: number;
  divergences: FoundDivergence[];
  /** Divergences the binary did not reproduce on a second run (its answer varied); not counted. */
  flaky: { scenario: Scenario; divergences: Divergence[] }[];
}

/** Paths worth observing for this scenario; the model-turn probe runs only when they include web search or commands. */
export function observedPaths(s: Scenario): string[] {
  const paths = [
    "status",
    "requirements",
    "effective.approval_policy",
    "effective.approvals_reviewer",
    "effective.sandbox_mode",
  ];
  paths.push("effective.features", "effective.mcp_servers");
  const text = JSON.stringify(s);
  if (/web_search|danger-full-access/.test(text)) paths.push("effective.web_search");
  if (s.probe.commands.length) paths.push("effective.commands");
  return paths;
}

export interface AdapterFailure {
  message: string;
  scenario: Scenario;
}

const dkey = (d: Divergence): string => `${d.path}=${JSON.stringify(d.binary)}`;

export class Differ {
  readonly cache = new Map<string, Divergence[] | null>();
  readonly flaky: { scenario: Scenario; divergences: Divergence[] }[] = [];
  binaryRuns = 0;
  unsupported = 0;
  readonly adapterErrors: AdapterFailure[] = [];
  constructor(
    private readonly adapter: Adapter,
    private readonly codexBin: string | undefined,
    private readonly withWarnings = false,
    readonly edition: Edition = "codex-0.169",
  ) {}

  private compare(engine: Outcome, binary: Outcome): Divergence[] {
    const d = compareDecisions(engine, binary);
    return this.withWarnings ? [...d, ...compareWarnings(engine, binary)] : d;
  }

  /** Divergences for one scenario, or null when the binary could not run it. */
  async diff(s: Scenario): Promise<Divergence[] | null> {
    const key = JSON.stringify(s);
    if (this.cache.has(key)) return this.cache.get(key)!;
    let result: Divergence[] | null;
    const opts = {
      channels: this.adapter.channelsFor(observedPaths(s)),
      timeoutMs: 60_000,
      ...(this.codexBin ? { codexBin: this.codexBin } : {}),
    };
    try {
      const run = await this.adapter.runWithCodex(s, opts);
      this.binaryRuns++;
      if (run.kind === "unsupported") {
        this.unsupported++;
        result = null;
      } else {
        const engine = resolve(s, this.edition);
        result = this.compare(engine, run.outcome as Outcome);
        if (result.length > 0) {
          // A divergence counts only when the binary gives the same answer twice: some command
          // probes race inside the binary (docs/properties.md, divergences #6 and #24).
          const again = await this.adapter.runWithCodex(s, opts);
          this.binaryRuns++;
          if (again.kind === "outcome") {
            const seen = new Set(this.compare(engine, again.outcome as Outcome).map(dkey));
            const unstable = result.filter((d) => !seen.has(dkey(d)));
            if (unstable.length) this.flaky.push({ scenario: s, divergences: unstable });
            result = result.filter((d) => seen.has(dkey(d)));
          }
        }
      }
    } catch (e) {
      this.adapterErrors.push({ message: (e as Error).message, scenario: s });
      result = null;
    }
    this.cache.set(key, result);
    return result;
  }
}

/**
 * Differential fuzzing (anchors.md §2.2): generate scenarios the binary can express, run the engine
 * and the binary, compare decision fields. Each divergence is shrunk (keeping at least one of its
 * divergent paths) and written as a ready-to-commit case file with the seed and path to replay it.
 */
export async function runDifferential(opts: DifferentialOptions): Promise<DifferentialReport> {
  const adapter: Adapter = await import("@codex-policy/codex-cli-adapter");
  adapter.preflight(opts.codexBin ? { codexBin: opts.codexBin } : {});
  const differ = new Differ(adapter, opts.codexBin, opts.warnings === true, opts.edition);
  const start = Date.now();
  const deadline = start + (opts.timeBudgetMs ?? Number.POSITIVE_INFINITY);
  const found: FoundDivergence[] = [];
  const seen = new Set<string>();
  const baseSeed = opts.seed ?? Date.now() % 2 ** 31;
  const jobs = opts.path ? 1 : Math.max(1, Math.min(opts.jobs ?? 1, opts.runs || 1));
  const shardRuns = Array.from(
    { length: jobs },
    (_, k) => Math.floor(opts.runs / jobs) + (k < opts.runs % jobs ? 1 : 0),
  );
  let generated = 0;
  const tick = () => {
    generated++;
    if (generated % 100 === 0) {
      const rate = generated / Math.max((Date.now() - start) / 1000, 1e-9);
      opts.log?.(`progress: ${generated} scenarios, ${rate.toFixed(2)}/s, ${found.length} divergence(s)`);
    }
  };
  const counts = await Promise.all(
    shardRuns.map((runs, k) =>
      runShard(differ, opts, {
        seed: (baseSeed + k * SHARD_SEED_STEP) % 2 ** 31,
        runs,
        deadline,
        found,
        seen,
        tick,
      }),
    ),
  );
  const runs = counts.reduce((a, b) => a + b, 0);
  const elapsedMs = Date.now() - start;
  return {
    runs,
    binaryRuns: differ.binaryRuns,
    unsupported: differ.unsupported,
    adapterErrors: differ.adapterErrors,
    elapsedMs,
    perSecond: runs / Math.max(elapsedMs / 1000, 1e-9),
    divergences: found,
    flaky: differ.flaky,
  };
}

/** Distance between the seeds of two shards, so their seed sequences never meet in practice. */
export const SHARD_SEED_STEP = 1_000_003;

interface Shard {
  seed: number;
  runs: number;
  deadline: number;
  found: FoundDivergence[];
  seen: Set<string>;
  /** Called once per generated scenario (not for shrinking). */
  tick: () => void;
}

/** One sequential find-and-shrink loop; returns the number of scenarios it generated. */
async function runShard(differ: Differ, opts: DifferentialOptions, shard: Shard): Promise<number> {
  const log = opts.log ?? (() => {});
  const arb = scenarioArb({ binary: true });
  const { deadline, found, seen } = shard;
  let runs = 0;
  let seed = shard.seed;
  while (runs < shard.runs && Date.now() < deadline) {
    const remainingMs = deadline - Date.now();
    // Phase 1: find, without shrinking, so the time goes to new scenarios.
    const detect = await fc.check(
      fc.asyncProperty(arb, async (s) => {
        shard.tick();
        const d = await differ.diff(s);
        return d === null || d.length === 0;
      }),
      {
        seed,
        numRuns: opts.path ? 1 : shard.runs - runs,
        endOnFailure: true,
        ...(opts.path ? { path: opts.path } : {}),
        ...(Number.isFinite(remainingMs)
          ? { interruptAfterTimeLimit: remainingMs, markInterruptAsFailure: false }
          : {}),
      },
    );
    runs += detect.numRuns;
    if (!detect.failed || !detect.counterexample || detect.counterexamplePath === null) break;
    const first = (await differ.diff(detect.counterexample[0]))!;
    const wanted = new Set(first.map((d) => d.path));
    // Phase 2: shrink while at least one of the original divergent paths still diverges.
    const shrunk = await fc.check(
      fc.asyncProperty(arb, async (s) => {
        const d = await differ.diff(s);
        return !d?.some((x) => wanted.has(x.path));
      }),
      {
        seed,
        path: detect.counterexamplePath,
        interruptAfterTimeLimit: opts.shrinkBudgetMs ?? 120_000,
        markInterruptAsFailure: false,
      },
    );
    const scenario =
      shrunk.failed && shrunk.counterexample ? shrunk.counterexample[0] : detect.counterexample[0];
    const path =
      shrunk.failed && shrunk.counterexamplePath ? shrunk.counterexamplePath : detect.counterexamplePath;
    const divergences = (await differ.diff(scenario)) ?? first;
    const signature = divergenceSignature(divergences);
    if (!seen.has(signature)) {
      seen.add(signature);
      const c = divergenceCase(scenario, divergences, { seed, path }, differ.edition);
      const caseFile =
        opts.outDir === null ? null : writeCaseFile(c, opts.outDir ?? "conformance/cases/fuzz");
      found.push({ signature, divergences, scenario, seed, path, caseFile });
      log(
        `divergence ${found.length}: ${signature} (seed ${seed}, path ${path})${caseFile ? ` -> ${caseFile}` : ""}`,
      );
    }
    if (opts.path) break;
    seed = (seed + 1) % 2 ** 31;
  }
  return runs;
}
