// `pnpm bench`: prints the figures behind the project's speed and memory targets.
import { statSync } from "node:fs";
import { CHANGES, resolve } from "@codex-policy/engine";
import { RELEASES, type Scenario } from "@codex-policy/spec";
import { heavyScenario } from "./bench/heavy-scenario.js";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** Resolves for `seconds`, alternating editions; `vary` gives the scenario of iteration n. */
function rate(seconds: number, vary: (n: number) => Scenario): number {
  for (let i = 0; i < 200; i++) resolve(vary(i), "codex-0.169");
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    resolve(vary(n), n % 2 ? "documented" : "codex-0.169");
    n++;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Steady: documents unchanged between calls (parsed documents and stages are memoized). */
function benchEngine(seconds: number): number {
  const scenario = heavyScenario();
  // Guard against timing an error path: the heavy scenario must resolve cleanly in both editions.
  for (const ed of ["codex-0.169", "documented"] as const) {
    const o = resolve(scenario, ed);
    if (o.status !== "ok" || o.effective?.mcp_servers === undefined || o.effective.commands.length !== 3) {
      throw new Error(`heavy scenario did not resolve cleanly (${ed}): ${JSON.stringify(o.errors)}`);
    }
  }
  return rate(seconds, () => scenario);
}

/** Cold: a new hostname on every call, so composition and every stage after it is recomputed. */
function benchEngineCold(seconds: number): number {
  const base = heavyScenario();
  return rate(seconds, (n) => ({ ...base, host: { ...base.host, fqdn: `box${n}.devbox.example.com` } }));
}

/** The heavy scenario in several release editions, against codex-0.169 alone; and the size of the release data. */
function benchEditions(seconds: number): void {
  const scenario = heavyScenario();
  const editions = ["codex-0.128", "codex-0.137", "codex-0.150", "codex-0.171", "codex-0.100", "codex-0.77"];
  const one = (ed: string) => {
    for (let i = 0; i < 200; i++) resolve(scenario, ed);
    let n = 0;
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(Math.round(seconds * 1e9));
    while (process.hrtime.bigint() < deadline) {
      resolve(scenario, ed);
      n++;
    }
    return n / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  // Warm every edition first, so the first one timed does not pay for the JIT.
  for (const ed of editions) for (let i = 0; i < 500; i++) resolve(scenario, ed);
  const base = one("codex-0.169");
  console.log(`editions: codex-0.169 ${fmt(base)} scenarios/s (heavy scenario, one edition at a time)`);
  for (const ed of editions) {
    const r = one(ed);
    console.log(
      `  ${ed.padEnd(12)} ${fmt(r).padStart(8)} scenarios/s  (${((r / base - 1) * 100).toFixed(1)}% vs codex-0.169; target: no more than 10% slower)`,
    );
  }
  const size = (p: string) => statSync(new URL(p, import.meta.url)).size;
  const files = [
    "../packages/engine/data/features-by-release.json",
    "../packages/spec/data/releases.json",
    "../packages/engine/src/releases/changes.ts",
  ];
  console.log(
    `  release data: ${files.map((f) => `${f.split("/").pop()} ${fmt(size(f) / 1024)} KiB`).join(", ")}; ${CHANGES.length} change entries, ${RELEASES.length} releases`,
  );
}

async function optional<T>(path: string, fn: (m: Record<string, unknown>) => Promise<T>): Promise<T | null> {
  try {
    return await fn(await import(path));
  } catch (e) {
    console.log(`  (skipped ${path}: ${(e as Error).message.split("\n")[0]})`);
    return null;
  }
}

async function main() {
  const only = process.argv.slice(2);
  const want = (k: string) => only.length === 0 || only.includes(k);
  let engineRate = 0;
  if (want("engine")) {
    engineRate = benchEngine(3);
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(
      `engine: ${fmt(engineRate)} scenarios/s on one core (heavy scenario; target >= 20,000), heap ${heap.toFixed(0)} MiB`,
    );
    const cold = benchEngineCold(3);
    console.log(
      `engine, cold stages (new hostname per call, only TOML parsing reused): ${fmt(cold)} scenarios/s`,
    );
  }
  if (want("editions")) benchEditions(2);
  if (want("drift")) {
    await optional("./bench/drift.js", async (m) => {
      const runs = await (m.benchDrift as typeof import("./bench/drift.js").benchDrift)([
        ["codex-0.150", "codex-0.171"],
        ["codex-0.77", "codex-0.171"],
      ]);
      for (const r of runs)
        console.log(
          `drift ${r.pair}: ${r.scenarios} corpus scenarios (${r.changed} change) in ${r.seconds.toFixed(2)} s with loading, cold (target < 5 s)`,
        );
    });
  }
  if (want("lint")) {
    await optional("./bench/lint.js", async (m) => {
      const r = await (m.benchLint as typeof import("./bench/lint.js").benchLint)(1000);
      console.log(
        `lint: ${r.files} policy files (${fmt(r.findings)} findings) in ${r.seconds.toFixed(2)} s in-process, ${r.cliSeconds.toFixed(2)} s through the CLI (target < 2 s)`,
      );
    });
  }
  if (want("test")) {
    await optional("./bench/policy-test.js", async (m) => {
      const r = await (m.benchPolicyTest as typeof import("./bench/policy-test.js").benchPolicyTest)(200);
      console.log(
        `test: a policy repository of ${r.tests} tests (${r.passed} pass, coverage ${r.percent}%) in ${r.seconds.toFixed(2)} s in-process, ${r.cliSeconds.toFixed(2)} s through the CLI (target < 3 s)`,
      );
    });
  }
  if (want("impact")) {
    await optional("./bench/impact.js", async (m) => {
      const r = await (m.benchImpact as typeof import("./bench/impact.js").benchImpact)(1000);
      console.log(
        `impact: a ${r.entries}-entry roster (${r.changed} changed) in ${r.seconds.toFixed(2)} s in-process, ${r.cliSeconds.toFixed(2)} s through the CLI (target < 2 s)`,
      );
    });
  }
  if (want("cold")) {
    await optional("./bench/cold.js", async (m) => {
      const fmtRate = (n: number) => `${fmt(n)}/s`;
      for (const r of (m.benchCold as typeof import("./bench/cold.js").benchCold)()) {
        console.log(
          `cold, ${r.name} (${r.layers} layers, ${fmt(r.bytes)} bytes): warm ${fmtRate(r.warm)}, stage-cold ${fmtRate(r.stageCold)}, fully cold ${fmtRate(r.fullyCold)}; smol-toml parse of the same texts ${fmtRate(r.parse)}; cold = ${r.ratio.toFixed(1)}x the parse (targets: 2.5x for the example, 2x for the heavy scenario); heap ${r.heapMiB.toFixed(0)} MiB`,
        );
      }
    });
  }
  if (want("robustness")) {
    await optional("./bench/robustness.js", async (m) => {
      const r = await (
        m.benchRobustness as (n: number) => Promise<{ inputs: number; throws: number; perSecond: number }>
      )(100_000);
      console.log(
        `robustness: ${fmt(r.inputs)} random/mutated inputs, ${r.throws} throws, ${fmt(r.perSecond)} inputs/s`,
      );
    });
  }
  if (want("binary")) {
    await optional("./bench-binary.js", async (m) => {
      const r = await (m.benchBinary as (n: number) => Promise<{ perSecond: number; runs: number }>)(8);
      const ratio = engineRate > 0 ? ` (engine/binary ratio ${fmt(engineRate / r.perSecond)}x)` : "";
      console.log(`binary: ${r.perSecond.toFixed(2)} scenarios/s over ${r.runs} runs, one at a time${ratio}`);
    });
  }
  if (want("binary-corpus")) {
    await optional("./bench/binary-corpus.js", async (m) => {
      const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
      const jobs = process.env.BENCH_JOBS ? Number(process.env.BENCH_JOBS) : undefined;
      const r = await (m.benchBinaryCorpus as typeof import("./bench/binary-corpus.js").benchBinaryCorpus)({
        rounds,
        jobs,
      });
      console.log(
        `binary-verified corpus: ${r.instances} instances, ${r.jobs} jobs, ${r.rounds.length} rounds`,
      );
      for (const [i, x] of r.rounds.entries())
        console.log(
          `  round ${i + 1}: ${x.seconds.toFixed(1)} s, ${x.perSecond.toFixed(2)} scenarios/s (target >= 10), CPU idle ${(100 * x.idleShare).toFixed(0)} %, ${x.failing} not passing`,
        );
      console.log("  per phase (median / p95 ms, runs):");
      for (const [p, med, p95, n] of r.phases)
        console.log(`    ${p.padEnd(58)} ${med.toFixed(0).padStart(6)} ${p95.toFixed(0).padStart(6)}  ${n}`);
      console.log(
        r.changed.length === 0
          ? `  results changed between rounds: none`
          : `  results changed between rounds: ${r.changed.length}`,
      );
      for (const c of r.changed) console.log(`    ${c.id}: ${c.verdicts.join(" | ")}`);
    });
  }
  if (want("tui")) {
    await optional("./bench-tui.js", async (m) => {
      const r = await (m.benchTui as () => Promise<{ p50: number; p95: number; coldStartMs: number }>)();
      console.log(
        `tui: keystroke->frame p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (target p95 < 16 ms); cold start ${r.coldStartMs.toFixed(0)} ms (target < 700 ms)`,
      );
    });
  }
}

main();
