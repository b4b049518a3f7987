// `pnpm bench lint`: lint over 1,000 policy files, every one a new text (target < 2 s).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCasesDir, loadCorpus } from "@codex-policy/harness";
import { expandPath, lintPolicies, readPolicy } from "@codex-policy/lint";
import { LATEST_EDITION } from "@codex-policy/spec";

export interface LintBench {
  files: number;
  findings: number;
  /** Reading and linting in this process. */
  seconds: number;
  /** `codex-policy lint DIR --format json` end to end, start-up included. */
  cliSeconds: number;
}

/** The corpus's requirements files, numbered so that no two texts are alike (nothing is memoized). */
async function policies(n: number): Promise<string[]> {
  const texts = new Set<string>();
  type WithRequirements = { system?: { requirements?: string } } | undefined;
  for (const c of await loadCorpus(defaultCasesDir())) {
    for (const s of [c.scenario, ...c.tests.map((t) => t.scenario)]) {
      const r = (s as WithRequirements)?.system?.requirements;
      if (r) texts.add(r);
    }
  }
  const pool = [...texts];
  return Array.from({ length: n }, (_, i) => `# policy ${i}\n${pool[i % pool.length]}`);
}

export async function benchLint(n: number): Promise<LintBench> {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-lint-bench-"));
  try {
    const texts = await policies(n);
    for (const [i, t] of texts.entries())
      writeFileSync(join(dir, `team-${String(i).padStart(4, "0")}.requirements.toml`), t);
    const start = process.hrtime.bigint();
    const files = expandPath(dir).map((p) => readPolicy(p));
    const linted = lintPolicies(files, [LATEST_EDITION]);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const bin = join(import.meta.dirname, "..", "..", "apps", "cli", "bin", "codex-policy.mjs");
    // Once to build the launcher's bundle cache, then timed.
    spawnSync(process.execPath, [bin, "lint", join(dir, "team-0000.requirements.toml")], {
      encoding: "utf8",
    });
    const cliStart = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, "lint", dir, "--format", "json"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const cliSeconds = Number(process.hrtime.bigint() - cliStart) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed: ${r.stderr}`);
    const findings = linted.reduce((s, l) => s + l.findings.length, 0);
    return { files: files.length, findings, seconds, cliSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
