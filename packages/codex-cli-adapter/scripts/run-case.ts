// Development aid: runs corpus test instances through the binary and prints Outcome, failed checks and raw texts.
// Usage: pnpm exec tsx packages/codex-cli-adapter/scripts/run-case.ts CASE_ID[:TEST_ID] [--raw]
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { channelsFor, runWithCodex } from "../src/index.js";

const [want, flag] = process.argv.slice(2);
if (!want) throw new Error("usage: run-case.ts CASE_ID[:TEST_ID] [--raw]");
const repo = join(import.meta.dirname, "..", "..", "..");
const entry = createRequire(join(repo, "conformance", "package.json")).resolve("@codex-policy/harness");
const h = await import(pathToFileURL(entry).href);
for (const c of await h.loadCorpus()) {
  for (const t of h.expandTests(c)) {
    const id = `${t.caseId}:${t.testId}`;
    if (t.edition !== "codex-0.169" || (id !== want && t.caseId !== want)) continue;
    const run = await runWithCodex(t.scenario, { channels: channelsFor(Object.keys(t.expect)) });
    process.stdout.write(`== ${id}\n${JSON.stringify(t.scenario, null, 1)}\n`);
    if (run.kind === "unsupported") {
      process.stdout.write(`unsupported: ${run.reason}\n`);
      continue;
    }
    const { unobserved, ...rest } = run.outcome;
    process.stdout.write(
      `${JSON.stringify({ ...rest, effective: rest.effective && { ...rest.effective, features: "…" } }, null, 1)}\n`,
    );
    const failed = h.checkExpectations(run.outcome, t.expect).filter((x: { ok: boolean }) => !x.ok);
    process.stdout.write(`failed checks: ${JSON.stringify(failed, null, 1)}\n`);
    if (flag === "--raw") process.stdout.write(`${JSON.stringify(run.raw, null, 1)}\n`);
  }
}
