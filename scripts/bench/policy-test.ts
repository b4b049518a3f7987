// `pnpm bench test`: `codex-policy test` on a 200-test policy repository, on the engine (target < 3 s).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineAdapter, expandTests, runConformance } from "@codex-policy/harness";
import { loadPolicyRepo, policyCoverage, scaffoldFiles } from "@codex-policy/policy-repo";

export interface PolicyTestBench {
  tests: number;
  passed: number;
  percent: number;
  /** Loading, running on the engine and coverage, in this process. */
  seconds: number;
  /** `codex-policy test DIR --reporter jsonl` end to end, start-up included. */
  cliSeconds: number;
}

/** What users ask for, one per test, each with its own comment so that no two scenarios are alike. */
const ASKS = [
  ['approval_policy = "never"', '"effective.approval_policy" = "on-request"'],
  ['sandbox_mode = "workspace-write"', '"effective.sandbox_mode" = "read-only"'],
  ['web_search = "live"', '"effective.web_search" = "cached"'],
  ['approval_policy = "on-request"', '"effective.approval_policy" = "on-request"'],
  ['[mcp_servers.docs]\ncommand = "docs-mcp"', '"effective.mcp_servers.docs.enabled" = true'],
];

/** The init scaffold plus generated tests, 200 in all. */
export function writeRepo(dir: string, n: number): void {
  for (const f of scaffoldFiles()) {
    mkdirSync(join(dir, f.path, ".."), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const own = 7;
  for (let i = 0; i < n - own; i++) {
    const [config, expect] = ASKS[i % ASKS.length]!;
    writeFileSync(
      join(dir, "tests", `generated-${String(i).padStart(3, "0")}.toml`),
      `description = "generated ${i}"\n[scenario.system]\nrequirements = { file = "policies/requirements.toml" }\n[scenario.user]\nconfig = '''\n# user ${i}\n${config}\n'''\n[scenario.probe]\ncommands = ["git push origin b${i}"]\n[[tests]]\nid = "t"\n[tests.expect]\n${expect}\n"effective.commands.0.decision" = "prompt"\n`,
    );
  }
}

export async function benchPolicyTest(n: number): Promise<PolicyTestBench> {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-test-bench-"));
  try {
    writeRepo(dir, n);
    const start = process.hrtime.bigint();
    const repo = loadPolicyRepo(dir);
    const report = await runConformance({
      adapter: engineAdapter(),
      cases: repo.cases,
      casesDir: dir,
      allEditionsByDefault: true,
      timeoutMs: 5000,
    });
    const coverage = policyCoverage(repo.policies, repo.cases.flatMap(expandTests));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const bin = join(import.meta.dirname, "..", "..", "apps", "cli", "bin", "codex-policy.mjs");
    // Once to build the launcher's bundle cache, then timed.
    spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    const cliStart = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, "test", dir, "--reporter", "jsonl"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const cliSeconds = Number(process.hrtime.bigint() - cliStart) / 1e9;
    if (r.status !== 0)
      throw new Error(`codex-policy test failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
    return {
      tests: report.records.length,
      passed: report.footer.statuses.pass,
      percent: coverage.percent,
      seconds,
      cliSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
