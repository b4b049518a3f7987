import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const base = mkdtempSync(join(tmpdir(), "codex-policy-test-cmd-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "test", ...args], {
    cwd: base,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let n = 0;
function repo(files: Record<string, string>): string {
  const dir = join(base, `repo-${++n}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const POLICY = `allowed_approval_policies = ["on-request"]
allowed_web_search_modes = ["cached"]
`;
const test = (expectApproval: string) => `description = "approval"
[scenario.system]
requirements = { file = "policies/requirements.toml" }
[scenario.user]
config = 'approval_policy = "never"'
[[tests]]
id = "never-falls-back"
[tests.expect]
"effective.approval_policy" = "${expectApproval}"
`;
const good = () => repo({ "policies/requirements.toml": POLICY, "tests/approval.toml": test("on-request") });

describe("codex-policy test: results and coverage", () => {
  it("exit 0 when every test passes, with the coverage table after the report", () => {
    const r = cli(good());
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 passed, 0 failed");
    expect(r.out).toContain("Policy coverage: 1 of 2 rules decided at least one test (50%)");
    expect(r.out).toMatch(/✓ 1:1\s+allowed_approval_policies\s+approval:never-falls-back/);
    expect(r.out).toMatch(/✗ 2:1\s+allowed_web_search_modes\s+never decided a test/);
  });

  it("exit 1 when a test fails, naming it and what differed", () => {
    const r = cli(repo({ "policies/requirements.toml": POLICY, "tests/approval.toml": test("never") }));
    expect(r.code).toBe(1);
    expect(r.out).toContain("approval:never-falls-back");
    expect(r.out).toContain("0 passed, 1 failed");
  });

  it("--coverage-min gates on coverage, and --coverage-json writes it", () => {
    const dir = good();
    const short = cli(dir, "--coverage-min", "60", "--coverage-json", join(dir, "..", "cov.json"));
    expect(short.code).toBe(1);
    expect(short.err).toContain("coverage 50% is below --coverage-min 60% [coverage-below-min]");
    expect(JSON.parse(readFileSync(join(dir, "..", "cov.json"), "utf8"))).toMatchObject({
      items: 2,
      decided: 1,
      percent: 50,
      min: 60,
      ok: false,
    });
    expect(cli(dir, "--coverage-min", "50").code).toBe(0);
  });

  it("machine reports keep stdout to themselves; the coverage table goes to stderr", () => {
    const r = cli(good(), "--reporter", "jsonl");
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(["header", "result", "footer"]);
    expect(r.err).toContain("Policy coverage:");
    const tap = cli(good(), "--reporter", "tap", "--no-coverage");
    expect(tap.out).toMatch(/^TAP version 14/);
    expect(tap.err).not.toContain("Policy coverage");
  });

  it("--codex runs the tests once per published release in the range, each under its own edition", () => {
    const dir = good();
    const r = cli(dir, "--codex", ">=0.169.0 <0.172.0", "--reporter", "jsonl");
    expect(r.code).toBe(0);
    const results = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; release?: string; edition?: string })
      .filter((l) => l.type === "result");
    expect(results.map((x) => [x.release, x.edition])).toEqual([
      [expect.stringMatching(/^0\.169\./), "codex-0.169"],
      [expect.stringMatching(/^0\.170\./), "codex-0.170"],
      [expect.stringMatching(/^0\.171\./), "codex-0.171"],
    ]);
  });

  it("reads its files and writes none of them", () => {
    const dir = good();
    const snapshot = () =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .sort()
        .map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), "utf8") : "dir"]);
    const before = snapshot();
    cli(dir);
    expect(snapshot()).toEqual(before);
  });
});

describe("codex-policy test: bad input is one located line and exit 2", () => {
  const oneLine = (r: { code: number | null; err: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    const first = r.err.split("\n")[0]!;
    expect(first).toMatch(pattern);
    expect(r.err).not.toMatch(/^\s+at /m);
  };

  it("a missing directory", () => {
    oneLine(cli(join(base, "nope")), /nope: no such directory \[repo-missing\]$/);
  });

  it("a test that points at a missing policy file", () => {
    const dir = repo({ "tests/a.toml": test("on-request") });
    oneLine(
      cli(dir),
      /tests\/a\.toml:3:1 at scenario\.system\.requirements: policies\/requirements\.toml: no such policy file \[policy-missing\]$/,
    );
  });

  it("a malformed test file", () => {
    const dir = repo({
      "policies/requirements.toml": POLICY,
      "tests/a.toml": 'description = "x"\n[[tests]\n',
    });
    oneLine(cli(dir), /tests\/a\.toml:2:\d+: .* \[toml-syntax\]$/);
  });

  it("usage errors", () => {
    oneLine(cli(good(), "--coverage-min", "120"), /--coverage-min takes a percentage/);
    oneLine(cli(good(), "--impl", "cmd:x"), /--impl takes engine or codex-cli/);
    oneLine(cli(good(), "--codex", ">=9.0"), /matches no published Codex release/);
  });
});
