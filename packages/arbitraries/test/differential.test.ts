import { describe, expect, it } from "vitest";
import { runDifferential } from "../src/index.js";

/** Whether the real binary can run here; in CI (CI=true) it must, so the test runs rather than skips. */
async function binaryAvailable(): Promise<boolean> {
  try {
    const adapter = await import("@codex-policy/codex-cli-adapter");
    adapter.preflight();
    return true;
  } catch (e) {
    if (process.env.CI === "true") throw e;
    return false;
  }
}

const available = await binaryAvailable();
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe("differential fuzzing against codex 0.169.0 (anchors.md §2.2)", () => {
  it.skipIf(!available)(
    `${RUNS} generated scenarios: engine and binary agree on every decision field`,
    async () => {
      const report = await runDifferential({
        runs: RUNS,
        seed: Number(process.env.FUZZ_SEED ?? 20261122),
        outDir: null,
        shrinkBudgetMs: 60_000,
        timeBudgetMs: 300_000,
        // Binary runs mostly wait (model turns, reviewer retries), so shards overlap well.
        jobs: 4,
      });
      console.log(
        `differential: ${report.runs} scenarios, ${report.binaryRuns} binary runs, ${report.perSecond.toFixed(2)}/s`,
      );
      expect(report.adapterErrors).toStrictEqual([]);
      // The time budget may cut a slow machine short, but not below half the runs.
      expect(report.runs).toBeGreaterThanOrEqual(Math.ceil(RUNS / 2));
      const found = report.divergences.map((d) => ({
        signature: d.signature,
        seed: d.seed,
        path: d.path,
        divergences: d.divergences,
        scenario: d.scenario,
      }));
      expect(
        found,
        "divergences (replay with `pnpm -s codex-policy fuzz --against codex-cli --seed S --path P`)",
      ).toStrictEqual([]);
    },
    480_000,
  );
});
