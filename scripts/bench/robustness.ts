// Robustness fuzzing for `pnpm bench`: random and mutated TOML into every layer of resolve, both editions.

import { checkRobust, robustnessScenario } from "@codex-policy/arbitraries";
import fc from "fast-check";

/** Resolves `n` generated inputs; a throw, an `internal` error or an unlocated error counts as a throw. */
export async function benchRobustness(
  n: number,
): Promise<{ inputs: number; throws: number; perSecond: number }> {
  const arb = robustnessScenario();
  const chunk = 2_000;
  let inputs = 0;
  let throws = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; inputs < n; i++) {
    for (const s of fc.sample(arb, { numRuns: Math.min(chunk, n - inputs), seed: 1_000 + i })) {
      if (checkRobust(s) !== null) throws++;
      inputs++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { inputs, throws, perSecond: inputs / seconds };
}
