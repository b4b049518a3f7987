// Scenarios per second through the real Codex binary (each run isolated in its own namespaces).
// Used by scripts/bench.ts; run alone with `pnpm exec tsx scripts/bench-binary.ts [N]`.
import { channelsFor, runWithCodex } from "@codex-policy/codex-cli-adapter";
import { type Scenario, ScenarioSchema } from "@codex-policy/spec";

/** Representative scenarios and the Outcome paths a corpus test would check for each. */
const SCENARIOS: { scenario: Scenario; paths: string[] }[] = [
  {
    scenario: ScenarioSchema.parse({
      system: { requirements: 'allowed_approval_policies = ["untrusted", "on-request"]' },
      user: { config: 'approval_policy = "never"' },
    }),
    paths: ["effective.approval_policy", "warnings.0.code"],
  },
  {
    scenario: ScenarioSchema.parse({
      system: { requirements: 'allowed_web_search_modes = ["cached"]' },
      user: { config: 'web_search = "live"' },
    }),
    paths: ["effective.web_search", "warnings"],
  },
  {
    scenario: ScenarioSchema.parse({
      system: { requirements: 'allowed_sandbox_modes = ["workspace-write"]' },
    }),
    paths: ["status", "errors.0.code"],
  },
  {
    scenario: ScenarioSchema.parse({
      host: { hostname: "box1", fqdn: "box1.devbox.example.com" },
      system: {
        requirements:
          'allowed_sandbox_modes = ["read-only"]\n[[remote_sandbox_config]]\nhostname_patterns = ["*.devbox.example.com"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]\n[features]\nshell_tool = false',
      },
    }),
    paths: ["requirements.allowed_sandbox_modes.value", "effective.features.shell_tool.enabled"],
  },
];

/** Runs `n` scenarios one after another (round robin over SCENARIOS) and reports the rate. */
export async function benchBinary(n: number): Promise<{ perSecond: number; runs: number }> {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const { scenario, paths } = SCENARIOS[i % SCENARIOS.length]!;
    const run = await runWithCodex(scenario, { channels: channelsFor(paths) });
    if (run.kind !== "outcome")
      throw new Error(`bench scenario ${i % SCENARIOS.length} is unsupported: ${run.reason}`);
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: n / seconds, runs: n };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 8);
  benchBinary(n).then((r) =>
    console.log(`binary: ${r.perSecond.toFixed(2)} scenarios/s over ${r.runs} runs`),
  );
}
