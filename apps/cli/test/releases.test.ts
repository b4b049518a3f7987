import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-releases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const scratch = join(work, "tmp");
mkdirSync(scratch);
// TMPDIR points into the test's own directory, so a leftover temporary directory would show.
const releases = (...args: string[]) =>
  spawnSync(process.execPath, [bin, "releases", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, TMPDIR: scratch },
  });

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

  it("--try newest with nothing newer says so and fetches nothing", () => {
    const only = join(work, "only-modelled.json");
    writeFileSync(only, JSON.stringify({ "0.171.0": "2026-11-20T00:00:00Z" }));
    const r = releases("--try", "newest", "--times", only);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("no published release is newer than the newest modelled one (codex-0.171)\n");
  });

  it("--try rejects a bad version, a package without a binary and a binary that is not Codex: one line, exit 2, nothing left behind", () => {
    const pkg = join(work, "pkg");
    mkdirSync(join(pkg, "package", "vendor", "x86_64-unknown-linux-musl", "bin"), { recursive: true });
    writeFileSync(join(pkg, "package", "README.md"), "not codex\n");
    const empty = join(work, "empty.tgz");
    expect(spawnSync("tar", ["-czf", empty, "-C", pkg, "package/README.md"]).status).toBe(0);
    const fake = join(pkg, "package", "vendor", "x86_64-unknown-linux-musl", "bin", "codex");
    writeFileSync(fake, "#!/bin/sh\necho hello\n");
    chmodSync(fake, 0o755);
    const impostor = join(work, "impostor.tgz");
    expect(spawnSync("tar", ["-czf", impostor, "-C", pkg, "package"]).status).toBe(0);
    const notTar = join(work, "not.tgz");
    writeFileSync(notTar, "plain text");
    const cases: [string[], RegExp][] = [
      [["--try", "latest"], /--try takes an exact release such as 0\.172\.0, got 'latest'/],
      [["--try", "0.119.0"], /0\.119 was never published/],
      [["--try", "0.172.0", "--tarball", empty], /empty\.tgz holds no Linux x86_64 Codex binary/],
      [["--try", "0.172.0", "--tarball", notTar], /not\.tgz is not a tar archive/],
      [["--try", "0.172.0", "--tarball", impostor], /printed no version; is it the Codex CLI\?/],
      [["--tarball", impostor], /--tarball goes with --try/],
    ];
    for (const [args, message] of cases) {
      const r = releases(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(scratch), args.join(" ")).toEqual([]);
    }
  });
});
