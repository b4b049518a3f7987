import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { afterEach, describe, expect, it } from "vitest";
import { runWithCodex } from "../src/index.js";
import { namespaceProblem, namespacesMissing } from "./needs-namespaces.js";

const STAND_IN = join(import.meta.dirname, "fixtures", "stray-codex-dir.sh");
const problem = namespaceProblem();

describe("a .codex folder above the run directory", () => {
  if (problem !== null) {
    namespacesMissing(problem);
    return;
  }
  const saved = process.env.TMPDIR;
  let outer = "";
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(outer, { recursive: true, force: true });
  });

  it("is empty inside the run's namespace, and left as it was on the host", async () => {
    outer = realpathSync(mkdtempSync(join(tmpdir(), "codex-policy-stray-")));
    mkdirSync(join(outer, ".codex"));
    writeFileSync(join(outer, ".codex", "config.toml"), 'approval_policy = "never"\n');
    mkdirSync(join(outer, "runs"));
    process.env.TMPDIR = join(outer, "runs");
    const run = await runWithCodex(ScenarioSchema.parse({}), {
      codexBin: STAND_IN,
      channels: ["session"],
      timeoutMs: 240_000,
      stepTimeoutMs: 2_000,
    });
    if (run.kind !== "outcome") throw new Error(`unsupported: ${run.reason}`);
    const shown = run.outcome.errors[0]?.message ?? "";
    expect(shown).toContain(`${outer}/.codex=[];`);
    expect(shown).not.toContain("config.toml");
    expect(existsSync(join(outer, ".codex", "config.toml"))).toBe(true);
  });
});
