#!/usr/bin/env node
// Runs the vitest suite and ends with the plain line CI reads: "N passed, N failed[, N skipped]".
// Skipped tests are listed above it; their names say why (e.g. "needs the real binary (…)").
// Extra arguments go to vitest (`--quick` leaves out the tests that run the real binary).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const quick = process.argv.includes("--quick");
const args = process.argv.slice(2).filter((a) => a !== "--quick");
// Files named *.binary.test.ts run the real Codex binary; the quick loop leaves them out.
// It also runs each property law on fewer generated examples (FC_RUNS, 200 in the full suite).
if (quick) args.push("--exclude", "**/*.binary.test.ts", "--exclude", "**/node_modules/**");
const env = quick && process.env.FC_RUNS === undefined ? { ...process.env, FC_RUNS: "50" } : process.env;
const dir = mkdtempSync(join(tmpdir(), "codex-policy-tests-"));
const report = join(dir, "vitest.json");
const r = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...args,
  ],
  { stdio: "inherit", env },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const s of json.testResults ?? [])
    for (const a of s.assertionResults ?? [])
      if (a.status === "pending" || a.status === "skipped" || a.status === "todo")
        console.log(`skipped: ${a.fullName ?? a.title}`);
  // A suite that failed to load counts as a failure even when it reported no tests.
  for (const s of json.testResults ?? [])
    if (s.status === "failed" && (s.assertionResults ?? []).length === 0) failed++;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
