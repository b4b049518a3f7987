import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-impact-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "impact", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const ex = (p: string) => `examples/impact/${p}`;

describe("codex-policy impact", () => {
  it("exit 1 with the groups when something changes; 0 when the policies resolve alike", () => {
    const r = cli("--before", ex("before"), "--after", ex("after"), "--roster", ex("roster.toml"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("52 of 202 people (2 of 3 entries) see a change");
    expect(r.out).toContain("40 people in group backend (backend on devboxes)\n  lose MCP server jira");
    const same = cli("--before", ex("before"), "--after", ex("before"), "--roster", ex("roster.toml"));
    expect(same.code).toBe(0);
    expect(same.out).toContain("nothing changes for anyone on the roster");
  });

  it("--json and --format markdown", () => {
    const j = JSON.parse(
      cli("--before", ex("before"), "--after", ex("after"), "--roster", ex("roster.toml"), "--json").out,
    );
    expect(j.changed).toEqual({ entries: 2, people: 52 });
    expect(j.groups[0]).toMatchObject({ people: 40, entries: ["backend on devboxes"] });
    const md = cli(
      "--before",
      ex("before"),
      "--after",
      ex("after"),
      "--roster",
      ex("roster.toml"),
      "--format",
      "markdown",
    );
    expect(md.out).toMatch(/^### Codex policy impact: /);
    expect(md.out).toContain("| who | what changes |");
  });

  it("without a roster, builds one from what the policies name and says so", () => {
    const r = cli("--before", ex("before"), "--after", ex("after"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /default roster: \d+ entries built from the groups, host patterns, MCP entries and rules/,
    );
    expect(r.out).toContain("*.devbox.example.com");
  });

  it("--codex picks the release", () => {
    const r = cli(
      "--before",
      ex("before"),
      "--after",
      ex("after"),
      "--roster",
      ex("roster.toml"),
      "--codex",
      "0.150",
    );
    expect(r.out).toContain("under codex-0.150");
  });

  it("--check no-new-access: holds (exit 0) or prints the smallest counterexample (exit 1)", () => {
    const holds = cli("--before", ex("before"), "--after", ex("after"), "--check", "no-new-access");
    expect(holds.code).toBe(0);
    expect(holds.out).toBe(
      "no-new-access holds: the new policy grants nothing the old one did not (800 scenarios: 1 identities × 2 hosts × 400 user configs under codex-0.171)\n",
    );
    const fails = cli("--before", ex("after"), "--after", ex("before"), "--check", "no-new-access");
    expect(fails.code).toBe(1);
    expect(fails.out).toContain("Smallest counterexample:");
    expect(fails.out).toContain("    gain MCP server jira");
    const json = JSON.parse(
      cli("--before", ex("after"), "--after", ex("before"), "--check", "no-new-access", "--json").out,
    );
    expect(json.counterexample.gains.length).toBeGreaterThan(0);
  });

  it("bad input: one located line, exit 2, no stack", () => {
    const roster = join(work, "bad.csv");
    writeFileSync(roster, "name,plan\na,platinum\n");
    const cases: [string[], RegExp][] = [
      [["--before", ex("before")], /--before and --after are required/],
      [
        ["--before", "nope", "--after", ex("after")],
        /^codex-policy impact: nope: no such file or directory \[input-missing\]$/m,
      ],
      [
        ["--before", ex("before"), "--after", ex("after"), "--roster", "missing.toml"],
        /missing\.toml: cannot read the roster/,
      ],
      [
        ["--before", ex("before"), "--after", ex("after"), "--roster", roster],
        /bad\.csv:2:3: unknown plan 'platinum'.*\[roster-bad-plan\]/,
      ],
      [
        ["--before", ex("before"), "--after", ex("after"), "--format", "html"],
        /--format takes readable, json, markdown/,
      ],
      [
        ["--before", ex("before"), "--after", ex("after"), "--codex", "documented"],
        /--codex takes a release/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/^\s+at /m);
    }
  });
});
