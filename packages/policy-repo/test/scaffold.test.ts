import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { engineAdapter, expandTests, runConformance } from "@codex-policy/harness";
import { describe, expect, it } from "vitest";
import { loadPolicyRepo, policyCoverage, scaffoldFiles, writeScaffold } from "../src/index.js";
import { writeRepo } from "./helpers.js";

const example = join(import.meta.dirname, "..", "..", "..", "examples", "policy-repo");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe("the init scaffold", () => {
  it("is what examples/policy-repo holds (regenerate with codex-policy init examples/policy-repo --force)", () => {
    const files = scaffoldFiles();
    expect(filesUnder(example)).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(readFileSync(join(example, f.path), "utf8"), f.path).toBe(f.text);
  });

  it("passes its own tests on the engine and covers every rule of its policy", async () => {
    const dir = writeRepo({});
    writeScaffold(dir);
    const repo = loadPolicyRepo(dir);
    const report = await runConformance({
      adapter: engineAdapter(),
      cases: repo.cases,
      casesDir: dir,
      allEditionsByDefault: true,
      timeoutMs: 5000,
    });
    expect(report.footer.statuses).toMatchObject({ pass: 7, fail: 0 });
    const coverage = policyCoverage(repo.policies, repo.cases.flatMap(expandTests));
    expect(coverage).toMatchObject({ items: 7, decided: 7, percent: 100 });
    expect(new Set(coverage.files[0]!.items.map((i) => i.kind))).toEqual(
      new Set(["requirement", "remote_sandbox_config", "prefix_rule", "mcp_allowlist"]),
    );
  });

  it("names the action the workflow uses", () => {
    const wf = scaffoldFiles({ action: "acme/codex-policy@main" }).find((f) => f.path.endsWith(".yml"))!;
    expect(wf.text.match(/uses: .*codex-policy@.*/g)).toEqual([
      "uses: acme/codex-policy@main",
      "uses: acme/codex-policy@main",
    ]);
  });
});
