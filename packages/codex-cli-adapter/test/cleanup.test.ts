import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithCodex } from "../src/index.js";
import { RUN_DIR_PREFIX } from "../src/plan.js";
import { leftovers, processesMentioning, settled } from "./host-guard.js";
import { namespaceProblem, namespacesMissing } from "./needs-namespaces.js";

// What the adapter leaves behind when a run hangs or is interrupted. A codex stand-in that never
// answers makes the hang certain; only namespaces are needed, not the real binary.
const HANGING = join(import.meta.dirname, "fixtures", "hanging-codex.sh");
const problem = namespaceProblem();
const ownTmp = mkdtempSync(join(tmpdir(), "codex-adapter-cleanup-test-"));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = ownTmp;
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

describe("runs that hang or are interrupted", () => {
  if (problem !== null) {
    namespacesMissing(problem);
    return;
  }

  it("a step that never answers fails the run with that phase named, leaving nothing behind", async () => {
    const err = await runWithCodex(ScenarioSchema.parse({}), {
      codexBin: HANGING,
      channels: ["requirements"],
      timeoutMs: 240_000,
      stepTimeoutMs: 2_000,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "probe-timeout" });
    expect((err as Error).message).toMatch(/"print-startup-config"/);
    expect(await settled(() => processesMentioning(ownTmp))).toEqual([]);
    expect(leftovers(ownTmp)).toEqual([]);
  });

  it("Ctrl-C during a parallel run leaves no process, mount or temp dir behind", async () => {
    const dir = mkdtempSync(join(ownTmp, "interrupt-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "interrupt-child.ts"), HANGING],
      { env: { ...process.env, TMPDIR: dir }, stdio: "ignore" },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((r) =>
      child.on("exit", (code, signal) => r(signal ?? code)),
    );
    // Interrupt once all three runs are inside their namespaces (a driver and a stand-in each).
    const runDirs = () => readdirSync(dir).filter((n) => n.startsWith(RUN_DIR_PREFIX)).length;
    const notYet = () => (runDirs() >= 3 && processesMentioning(dir).length >= 6 ? [] : ["waiting"]);
    expect(await settled(notYet, 240_000)).toEqual([]);
    child.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(await settled(() => processesMentioning(dir))).toEqual([]);
    // (tsx keeps a cache of its own there)
    expect(readdirSync(dir).filter((n) => n.startsWith("codex-policy-"))).toEqual([]);
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(dir);
  });
});
