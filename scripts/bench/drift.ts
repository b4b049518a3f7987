// `pnpm bench drift`: drift between two releases over the whole corpus on the engine (target < 5 s).
import { driftScenario } from "@codex-policy/engine";
import { defaultCasesDir, expandTests, loadCorpus } from "@codex-policy/harness";
import type { Edition } from "@codex-policy/spec";

export async function benchDrift(
  pairs: [Edition, Edition][],
): Promise<{ pair: string; scenarios: number; changed: number; seconds: number }[]> {
  const loadStart = process.hrtime.bigint();
  const cases = await loadCorpus(defaultCasesDir());
  const seen = new Set<string>();
  const scenarios = cases.flatMap((c) =>
    expandTests(c).filter((t) => !seen.has(`${c.id}:${t.testId}`) && seen.add(`${c.id}:${t.testId}`)),
  );
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
  return pairs.map(([from, to]) => {
    const start = process.hrtime.bigint();
    let changed = 0;
    for (const t of scenarios) if (driftScenario(t.scenario, from, to).length > 0) changed++;
    const seconds = loadSeconds + Number(process.hrtime.bigint() - start) / 1e9;
    return { pair: `${from} → ${to}`, scenarios: scenarios.length, changed, seconds };
  });
}
