import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDirs } from "@codex-policy/spec/testing";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { repo } from "./helpers.js";

const NAIVE = "cmd:node conformance/examples/naive-adapter.mjs";
const CASES = "conformance/test/fixtures/cases";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, "apps/cli/bin/codex-policy.mjs"), ...args], {
    cwd: repo,
    encoding: "utf8",
    timeout: 240_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The records of a JSON-lines report. */
// biome-ignore lint/suspicious/noExplicitAny: report lines are checked field by field
const jsonl = (out: string): any[] =>
  out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const dirs = tempDirs("conformance-cli-");
afterAll(dirs.removeAll);

describe("codex-policy conformance run (end to end)", () => {
  it("reports the example adapter's flaw and exits 1; the JSON-lines report is complete", () => {
    const r = cli(
      "conformance",
      "run",
      "--impl",
      NAIVE,
      "--cases",
      CASES,
      "--reporter",
      "jsonl",
      "--validate-protocol",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const lines = jsonl(r.out);
    expect(lines[0]).toMatchObject({
      type: "header",
      adapter: { name: "naive-example" },
      corpus: { cases: 6, instances: 9 },
    });
    const fails = lines.filter((l) => l.type === "result" && l.verdict === "regression").map((l) => l.id);
    expect(fails.sort()).toEqual([
      "fixture.approval-default:default-disallowed",
      "fixture.approval-explicit:disallowed-falls-back-first",
    ]);
    expect(lines.at(-1)).toMatchObject({
      type: "footer",
      exit_code: 1,
      statuses: { pass: 6, fail: 2, skipped: 1 },
    });
  });

  it("writes a baseline that makes the next run pass, and flags a stale entry", () => {
    const dir = dirs.make();
    const b = join(dir, "naive.toml");
    const w = cli(
      "conformance",
      "run",
      "--impl",
      NAIVE,
      "--cases",
      CASES,
      "--write-baseline",
      b,
      "--reporter",
      "tap",
    );
    expect(w.code).toBe(0);
    const text = readFileSync(b, "utf8");
    expect(text).toContain('id = "fixture.approval-explicit:disallowed-falls-back-first"');
    expect(text).toContain(
      'reason = "effective.approval_policy: expected \\"on-request\\", got \\"untrusted\\""',
    );
    const ok = cli("conformance", "run", "--impl", NAIVE, "--cases", CASES, "--baseline", b);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Expected failures (baseline): 2");

    writeFileSync(
      b,
      `${text}\n[[xfail]]\nid = "fixture.sandbox-fallback:allowed-kept"\nreason = "was broken"\n`,
    );
    const stale = cli(
      "conformance",
      "run",
      "--impl",
      NAIVE,
      "--cases",
      CASES,
      "--baseline",
      b,
      "--reporter",
      "github",
    );
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(
      /::error file=conformance\/test\/fixtures\/cases\/sandbox\/fallback\.toml,title=fixture\.sandbox-fallback%3Aallowed-kept/,
    );
  });

  it("writes JUnit that a standard XML parser reads, and keeps the canonical JSONL beside it", () => {
    const dir = dirs.make();
    const r = cli(
      "conformance",
      "run",
      "--impl",
      NAIVE,
      "--cases",
      CASES,
      "--reporter",
      "junit",
      "--output",
      join(dir, "j.xml"),
      "--jsonl",
      join(dir, "r.jsonl"),
      "--shard",
      "1/1",
    );
    expect(r.code).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      readFileSync(join(dir, "j.xml"), "utf8"),
    );
    expect(doc.testsuites).toMatchObject({ tests: "9", failures: "2", errors: "0", skipped: "1" });
    expect(doc.testsuites.testsuite.map((s: { name: string }) => s.name)).toEqual([
      "approval",
      "cloud",
      "negative",
      "sandbox",
    ]);
    expect(readFileSync(join(dir, "r.jsonl"), "utf8").split("\n")[0]).toContain('"type":"header"');
  });

  it("filters by tags and Codex version, and shards without overlap", () => {
    const ids = (args: string[]) =>
      jsonl(cli("conformance", "run", "--impl", NAIVE, "--cases", CASES, "--reporter", "jsonl", ...args).out)
        .filter((l) => l.type === "result")
        .map((l) => l.id);
    // The cloud case needs >=0.160.0, so the version filter removes it from the tag selection.
    expect(ids(["--tags", "sandbox,cloud", "--codex-version", "0.150.0"])).toEqual([
      "fixture.sandbox-fallback:allowed-kept",
      "fixture.sandbox-fallback:full-access-refused",
    ]);
    const a = ids(["--shard", "1/2"]);
    const b = ids(["--shard", "2/2"]);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    expect(a.length + b.length).toBe(9);
  });

  it("--release runs each release's claims under its edition and counts them per release", () => {
    const r = cli(
      "conformance",
      "run",
      "--impl",
      "engine",
      "--cases",
      CASES,
      "--release",
      "0.150,0.169.0",
      "--reporter",
      "jsonl",
    );
    expect(r.code).toBe(0);
    const lines = jsonl(r.out);
    expect(lines[0].releases).toEqual(["0.150.1", "0.169.0"]);
    const results = lines.filter((l) => l.type === "result");
    // A minor names its newest patch; each record carries the release it is a claim about.
    expect(new Set(results.map((l) => `${l.release} ${l.edition}`))).toEqual(
      new Set(["0.150.1 codex-0.150", "0.169.0 codex-0.169"]),
    );
    // The cloud case's range starts at 0.160.0, so only 0.169.0 runs it.
    const cloud = results.filter((l) => l.area === "cloud").map((l) => l.release);
    expect(cloud).toEqual(["0.169.0"]);
    const footer = lines.at(-1);
    expect(Object.keys(footer.releases)).toEqual(["0.150.1", "0.169.0"]);
    expect(footer.releases["0.169.0"].pass).toBe(footer.releases["0.150.1"].pass + cloud.length);

    const pretty = cli("conformance", "run", "--impl", "engine", "--cases", CASES, "--release", "0.150.1");
    expect(pretty.out).toMatch(/^release\s+pass\s+fail\s+skip\n0\.150\.1\s+\d+\s+0\s+0$/m);

    // An adapter that does not claim a release's edition is not held to it.
    const naive = cli(
      "conformance",
      "run",
      "--impl",
      NAIVE,
      "--cases",
      CASES,
      "--release",
      "0.150.1",
      "--reporter",
      "jsonl",
    );
    const skipped = jsonl(naive.out).filter((l) => l.type === "result");
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((l) => l.reason === "edition codex-0.150 not claimed by the adapter")).toBe(true);

    const both = cli(
      "conformance",
      "run",
      "--impl",
      "engine",
      "--edition",
      "codex-0.169",
      "--release",
      "all",
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain("--edition and --release exclude each other");
    const bad = cli("conformance", "run", "--impl", "engine", "--release", "0.119.0");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--release 0\.119\.0: .*never published.*\[edition-unpublished\]\n$/);
  });

  it("the reference engine keeps every claim of the corpus on every published release", () => {
    const file = join(dirs.make(), "all.jsonl");
    const r = cli("conformance", "run", "--impl", "engine", "--release", "all", "--jsonl", file);
    const footer = JSON.parse(readFileSync(file, "utf8").trim().split("\n").at(-1)!);
    expect(footer.statuses.fail + footer.statuses.errored).toBe(0);
    expect(r.code).toBe(0);
    const minors = Object.keys(footer.releases).map((v) => v.split(".")[1]);
    expect(minors.length).toBe(new Set(minors).size);
    expect(minors[0]).toBe("77");
    expect(minors.length).toBeGreaterThanOrEqual(78);
  });

  it("exit 2 for usage and corpus errors, 3 when the adapter cannot start, one line without a stack", () => {
    const usage = cli("conformance", "run", "--impl", NAIVE, "--reporter", "html");
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(
      /^codex-policy conformance: --reporter takes pretty\|jsonl\|junit\|tap\|github, got 'html' \[usage\]\n$/,
    );

    const dir = dirs.make();
    writeFileSync(join(dir, "broken.toml"), 'id = "x"\ndescription = "y\n');
    const corpus = cli("conformance", "run", "--impl", NAIVE, "--cases", dir);
    expect(corpus.code).toBe(2);
    expect(corpus.err).toMatch(/broken\.toml:2:\d+: .*\[toml-syntax\] \[corpus-invalid\]/);
    expect(corpus.err).not.toMatch(/\n\s+at /);

    const start = cli(
      "conformance",
      "run",
      "--impl",
      "cmd:node conformance/test/fixtures/adapters/no-start.mjs",
      "--cases",
      CASES,
    );
    expect(start.code).toBe(3);
    expect(start.err).toContain("no-start-fixture: missing license file");

    const help = cli("conformance", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 .*\n\s+3 /);
  });

  it("corpus check rejects a broken corpus with a located error", () => {
    const dir = dirs.make();
    writeFileSync(
      join(dir, "a.toml"),
      'id = "a"\ndescription = "d"\neditions = ["codex-0.169"]\nevidence = []\nscenario = {}\n[[tests]]\nid = "t"\n',
    );
    const r = cli("corpus", "check", "--cases", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("a.toml at evidence:");
  });

  it("corpus check fails on lint errors, naming file, path and rule", () => {
    const dir = dirs.make();
    writeFileSync(
      join(dir, "a.toml"),
      'id = "a"\ndescription = "d"\neditions = ["codex-0.169"]\nevidence = ["notes.md#x"]\nscenario = {}\n' +
        '[[tests]]\nid = "t"\nexpect."errors.*.code" = { "$contains" = "toml-sintax" }\n',
    );
    const r = cli("corpus", "check", "--cases", dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "a.toml at tests[0].expect.errors.*.code: error: 'toml-sintax' is not in ERROR_CODES [code-unknown]",
    );
    expect(r.out).toContain("1 lint errors");
  });
});
