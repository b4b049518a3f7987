import { describe, expect, it } from "vitest";
import { runDifferential } from "../src/index.js";

/** Why the real binary cannot run here, or null. In CI (CI=true) it must, so the test runs and fails. */
async function binaryProblem(): Promise<string | null> {
  try {
    const adapter = await import("@codex-policy/codex-cli-adapter");
    adapter.preflight();
    return null;
  } catch (e) {
    if (process.env.CI === "true") throw e;
    return (e as Error).message.split("\n")[0] ?? String(e);
  }
}

const problem = await binaryProblem();
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe("differential fuzzing against codex 0.169.0 (anchors.md §2.2)", () => {
  if (problem !== null) {
    it.skip(`differential fuzzing: needs the real binary (${problem})`, () => {});
    return;
  }
  // Its timeout is a safety net for a hung binary, far above any real run (speed is `pnpm bench`'s).
  it(`${RUNS} generated scenarios: engine and binary agree on every decision field`, async () => {
    const report = await runDifferential({
      runs: RUNS,
      seed: Number(process.env.FUZZ_SEED ?? 20261122),
      outDir: null,
      shrinkBudgetMs: 60_000,
      // Binary runs mostly wait (model turns, reviewer retries), so shards overlap well. Fixed, not
      // taken from the machine: the shard count decides which scenarios the seed generates.
      jobs: 4,
    });
    console.log(
      `differential: ${report.runs} scenarios, ${report.binaryRuns} binary runs, ${report.perSecond.toFixed(2)}/s`,
    );
    expect(report.adapterErrors).toStrictEqual([]);
    // No time budget: a slow or busy machine takes longer, it does not test less.
    expect(report.runs).toBe(RUNS);
    const found = report.divergences.map((d) => ({
      signature: d.signature,
      seed: d.seed,
      path: d.path,
      divergences: d.divergences,
      scenario: d.scenario,
    }));
    expect(
      found,
      "divergences (replay with `npx codex-policy fuzz --against codex-cli --seed S --path P`)",
    ).toStrictEqual([]);
  }, 1_800_000);
});
