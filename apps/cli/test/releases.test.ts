import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-releases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const releases = (...args: string[]) =>
  spawnSync(process.execPath, [bin, "releases", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });

// What `npm view @openai/codex time --json` prints: creation times, platform builds, pre-releases, releases.
const times = {
  created: "2025-04-01T00:00:00Z",
  modified: "2026-12-01T00:00:00Z",
  "0.75.0": "2026-01-01T00:00:00Z",
  "0.77.0": "2026-01-15T00:00:00Z",
  "0.169.0": "2026-11-15T00:00:00Z",
  "0.127.0": "2026-09-18T03:45:45Z",
  "0.127.0-linux-x64": "2026-09-18T03:45:40Z",
  "0.171.0": "2026-11-20T00:51:29Z",
  "0.172.0-alpha.1": "2026-11-25T00:00:00Z",
  "0.172.0": "2026-12-01T00:00:00Z",
};

describe("codex-policy releases", () => {
  const file = join(work, "times.json");
  writeFileSync(file, JSON.stringify(times));

  it("lists the stable releases the model lacks: a newer one and one it skipped; exit 1", () => {
    const r = releases("--times", file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^5 stable releases on npm from 0\.77\.0;/);
    expect(r.stdout).toContain("newest modelled: codex-0.171 (0.171.0); 2 not modelled");
    expect(r.stdout).toMatch(/^ {2}0\.127\.0 +2026-09-18 {2}published, not in the model$/m);
    expect(r.stdout).toMatch(/^ {2}0\.172\.0 +2026-12-01 {2}newer than the newest modelled release$/m);
    expect(r.stdout).not.toContain("alpha");
    expect(r.stdout).not.toContain("linux-x64");
    expect(r.stdout).not.toMatch(/0\.169\.0/);
  });

  it("--all lists the modelled ones too, --json gives the rows", () => {
    expect(releases("--times", file, "--all").stdout).toMatch(/^ {2}0\.169\.0 +2026-11-15 {2}modelled$/m);
    const j = JSON.parse(releases("--times", file, "--json").stdout) as {
      newestModelled: string;
      releases: { version: string; state: string }[];
    };
    expect(j.newestModelled).toBe("codex-0.171");
    expect(j.releases.map((x) => `${x.version}:${x.state}`)).toEqual([
      "0.77.0:modelled",
      "0.127.0:unknown",
      "0.169.0:modelled",
      "0.171.0:modelled",
      "0.172.0:newer",
    ]);
  });

  it("exit 0 when every release is modelled", () => {
    const only = join(work, "only.json");
    writeFileSync(
      only,
      JSON.stringify({ "0.169.0": "2026-11-15T00:00:00Z", "0.171.0": "2026-11-20T00:00:00Z" }),
    );
    const r = releases("--times", only);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0 not modelled");
  });

  it("a file that is not npm's time map, or missing, exits 2 with one line", () => {
    const bad = join(work, "bad.json");
    writeFileSync(bad, "[1, 2]");
    for (const f of [bad, join(work, "missing.json")]) {
      const r = releases("--times", f);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
