import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const REPO = join(import.meta.dirname, "..", "..", "..");

/** A scratch directory for one test file, removed after it. */
export function scratch(prefix: string): { dir: string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

/** `codex-policy diff ARGS` (apps/cli/src/commands/diff.ts) as a user runs it. */
export function diff(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(REPO, "apps/cli/src/main.ts"), "diff", ...args],
    { cwd: REPO, encoding: "utf8", timeout: 240_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
