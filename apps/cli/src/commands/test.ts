import { writeFileSync } from "node:fs";
import {
  AdapterStartError,
  adapterFromSpec,
  ImplSpecError,
  REPORTERS,
  type ReporterName,
  runConformance,
  type TestInstance,
  toJsonl,
} from "@codex-policy/harness";
import { targetEditions } from "@codex-policy/lint";
import {
  type Coverage,
  coverageJson,
  coverageTable,
  formatRepoIssue,
  loadPolicyRepo,
  policyCoverage,
  RepoError,
} from "@codex-policy/policy-repo";
import { editionMinor, newestPatch, parseEdition } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy test [DIR] [options]

Runs a policy repository's scenario tests (every *.toml under DIR/tests, DIR defaulting to .) and
reports which rules of its policy files decided at least one test. A test is a case in the corpus
format whose documents may point at the repository's files: requirements = { file = "policies/requirements.toml" }.

options:
  --impl engine|codex-cli   run the tests on the reference engine (default) or the real Codex binary
  --codex-bin PATH          the Codex binary for --impl codex-cli (else CODEX_BIN, then the installed one)
  --codex RANGE             run the tests for every published release in a semver range, e.g. ">=0.150",
                            each under its own release's edition (engine only)
  --edition E               run under one edition only
  --reporter R              pretty (default), jsonl, junit, tap or github; --output FILE writes it to a file
  --jsonl FILE, --junit FILE  also write the JSON-lines report or JUnit XML
  --coverage-json FILE      also write the coverage as JSON
  --coverage-min N          exit 1 when fewer than N % of the rules decided a test
  --no-coverage             skip the coverage table
  --jobs N, --timeout MS    as for conformance run

Coverage comes from the engine's explanation trace whichever --impl runs the tests.
Exit codes: 0 every test passed (and coverage reached --coverage-min), 1 a test failed or coverage fell
short, 2 usage errors or a repository that does not load, 3 the adapter could not start.`;

const fail = (message: string, code = "usage", exit = 2): never => {
  throw new UserError(`${message} [${code}]`, exit, code);
};

function positiveInt(name: string, v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^\d+$/.test(v) || Number(v) <= 0)
    fail(`${name} takes a positive integer, got '${String(v)}'`);
  return Number(v);
}

/** The newest patch of every published minor in a semver range (the targets lint takes from --codex). */
function releasesIn(range: string): string[] {
  const targets = targetEditions(range);
  if (!targets.ok) return fail(targets.message);
  return targets.editions.map((e) => newestPatch(editionMinor(e)!)!);
}

function coverageMin(v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === "string" && /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!(n >= 0 && n <= 100)) fail(`--coverage-min takes a percentage from 0 to 100, got '${String(v)}'`);
  return n;
}

export const command: Command = {
  name: "test",
  summary: "Run a policy repository's scenario tests, with policy coverage",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      impl: "string",
      "codex-bin": "string",
      codex: "string",
      edition: "string",
      reporter: "string",
      output: "string",
      jsonl: "string",
      junit: "string",
      "coverage-json": "string",
      "coverage-min": "string",
      "no-coverage": "bool",
      jobs: "string",
      timeout: "string",
    });
    if (positional.length > 1) fail(`one repository directory at a time\n${USAGE.split("\n")[0]}`);
    const dir = positional[0] ?? ".";
    const reporter = (flags.reporter as string | undefined) ?? "pretty";
    if (!(reporter in REPORTERS))
      fail(`--reporter takes ${Object.keys(REPORTERS).join("|")}, got '${reporter}'`);
    const implName = (flags.impl as string | undefined) ?? "engine";
    if (implName !== "engine" && implName !== "codex-cli")
      fail(`--impl takes engine or codex-cli, got '${implName}'`);
    if (flags.codex !== undefined && flags.edition !== undefined)
      fail("--codex and --edition exclude each other");
    if (flags.codex !== undefined && implName !== "engine")
      fail("--codex runs the engine's editions; the real binary runs its own release");
    const parsedEdition = flags.edition === undefined ? undefined : parseEdition(flags.edition as string);
    if (parsedEdition && !parsedEdition.ok) fail(parsedEdition.message);
    const releases = flags.codex === undefined ? undefined : releasesIn(flags.codex as string);
    const min = coverageMin(flags["coverage-min"]);
    if (min !== undefined && flags["no-coverage"])
      fail("--coverage-min needs the coverage that --no-coverage skips");

    let repo: ReturnType<typeof loadPolicyRepo>;
    try {
      repo = loadPolicyRepo(dir);
    } catch (e) {
      if (!(e instanceof RepoError)) throw e;
      for (const i of e.issues.slice(1)) process.stderr.write(`  also: ${formatRepoIssue(i)}\n`);
      throw new UserError(e.message, 2, e.code);
    }

    let impl: ReturnType<typeof adapterFromSpec>;
    try {
      impl = adapterFromSpec(implName, { codexBin: flags["codex-bin"] as string | undefined });
    } catch (e) {
      if (e instanceof ImplSpecError) fail(e.message, e.code);
      throw e;
    }
    let instances: readonly TestInstance[] = [];
    let report: Awaited<ReturnType<typeof runConformance>>;
    try {
      report = await runConformance({
        adapter: impl.adapter,
        cases: repo.cases,
        casesDir: dir,
        ...(parsedEdition?.ok ? { edition: parsedEdition.edition } : {}),
        allEditionsByDefault: impl.allEditionsByDefault,
        releases:
          releases ?? (parsedEdition === undefined && impl.ownReleaseByDefault ? "adapter" : undefined),
        timeoutMs: positiveInt("--timeout", flags.timeout) ?? impl.defaultTimeoutMs,
        jobs: positiveInt("--jobs", flags.jobs) ?? impl.defaultJobs,
        onInstances: (list) => {
          instances = list;
        },
      });
    } catch (e) {
      if (e instanceof AdapterStartError) fail(e.message, e.code, e.exitCode);
      throw e;
    }
    const text = REPORTERS[reporter as ReporterName](report);
    if (flags.output) writeFileSync(flags.output as string, text);
    else process.stdout.write(text);
    if (flags.jsonl) writeFileSync(flags.jsonl as string, toJsonl(report));
    if (flags.junit) writeFileSync(flags.junit as string, REPORTERS.junit(report));

    let coverage: Coverage | undefined;
    if (!flags["no-coverage"]) {
      coverage = policyCoverage(repo.policies, instances);
      const table = coverageTable(coverage, {
        color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      });
      // Machine-readable reports keep stdout to themselves.
      if (reporter === "pretty" || flags.output) process.stdout.write(`\n${table}`);
      else process.stderr.write(table);
      if (flags["coverage-json"])
        writeFileSync(flags["coverage-json"] as string, coverageJson(coverage, min));
    }
    const short = coverage !== undefined && min !== undefined && coverage.percent < min;
    if (short)
      process.stderr.write(
        `codex-policy test: coverage ${coverage!.percent}% is below --coverage-min ${min}% [coverage-below-min]\n`,
      );
    return report.footer.exit_code === 0 && !short ? 0 : Math.max(1, report.footer.exit_code);
  },
};
