import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AdapterError } from "../src/errors.js";
import { preflight } from "../src/index.js";

// `codex-policy diff` end to end (apps/cli/src/commands/diff.ts): exit codes and the side-by-side report.
const REPO = join(import.meta.dirname, "..", "..", "..");
const dir = mkdtempSync(join(tmpdir(), "codex-adapter-diff-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function diff(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(REPO, "apps/cli/src/main.ts"), "diff", ...args],
    {
      cwd: REPO,
      encoding: "utf8",
      timeout: 90_000,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let binaryProblem: string | null = null;
try {
  preflight();
} catch (e) {
  binaryProblem = e instanceof AdapterError ? e.message : String(e);
}

describe("codex-policy diff", () => {
  it("a scenario that does not validate exits 2 with one located line and no stack", () => {
    const r = diff(write("bad.toml", "bogus = 1\n"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.toml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("an unsupported scenario exits 3 and says why", () => {
    const r = diff(write("mac.toml", '[host]\nos = "macos"\n'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unsupported by the real binary: host\.os = "macos"/);
  }, 60_000);

  it("a missing --codex-bin exits 3 with the fix", () => {
    const r = diff(write("ok.toml", ""), "--codex-bin", join(dir, "no-such-codex"));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no-such-codex does not exist/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);

  it.runIf(binaryProblem === null)(
    "prints both implementations field by field and exits 0 or 1 by whether they differ",
    () => {
      const file = write(
        "a05.toml",
        "[system]\nrequirements = 'allowed_web_search_modes = [\"cached\"]'\n[user]\nconfig = 'web_search = \"live\"'\n",
      );
      const r = diff(file, "--json");
      expect([0, 1]).toContain(r.code);
      const report = JSON.parse(r.stdout) as {
        binaryVersion: string;
        equal: boolean;
        rows: { path: string; binary: unknown; state: string }[];
      };
      expect(report.binaryVersion).toBe("0.169.0");
      expect(report.equal).toBe(r.code === 0);
      const web = report.rows.find((row) => row.path === "effective.web_search");
      expect(web?.binary).toBe("cached");
      expect(report.rows.some((row) => row.state === "differs")).toBe(r.code === 1);
    },
    90_000,
  );
});
