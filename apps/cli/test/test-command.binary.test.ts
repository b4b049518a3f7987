import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { binaryMissing, binaryProblem } from "../../../packages/codex-cli-adapter/test/needs-binary.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const problem = binaryProblem();
const work = mkdtempSync(join(tmpdir(), "codex-policy-test-binary-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (dir: string) =>
  spawnSync(process.execPath, [bin, "test", dir, "--impl", "codex-cli", "--reporter", "jsonl"], {
    encoding: "utf8",
    timeout: 600_000,
  });

describe("codex-policy test --impl codex-cli: a policy repository on the real binary", () => {
  if (problem !== null) return binaryMissing("policy repository tests on the binary", problem);

  it("the init scaffold passes on the installed release's binary, and a wrong expectation fails", () => {
    const ok = run(join(root, "examples/policy-repo"));
    expect(ok.status, ok.stderr).toBe(0);
    const lines = ok.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: "header", adapter: { kind: "codex-cli" } });
    expect(lines.at(-1)).toMatchObject({ type: "footer", statuses: { pass: 7, fail: 0 } });
    expect(ok.stderr).toContain("Policy coverage: 7 of 7 rules decided at least one test (100%)");

    const dir = join(work, "repo");
    cpSync(join(root, "examples/policy-repo"), dir, { recursive: true });
    const sandbox = join(dir, "tests/sandbox.toml");
    writeFileSync(sandbox, readFileSync(sandbox, "utf8").replace('= "workspace-write"\n', '= "read-only"\n'));
    const bad = run(dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('"id":"sandbox:devbox-writes"');
    expect(JSON.parse(bad.stdout.trim().split("\n").at(-1)!)).toMatchObject({
      statuses: { pass: 6, fail: 1 },
    });
  });
});
