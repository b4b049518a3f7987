import { writeFile } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import { parseArgs } from "node:util";
import {
  AdapterStartError,
  adapterFromSpec,
  type Baseline,
  CorpusError,
  defaultCasesDir,
  FAILING,
  failureSummary,
  ImplSpecError,
  loadCorpus,
  parseShard,
  parseTags,
  parseVersion,
  REPORTERS,
  type ReporterName,
  readBaseline,
  renderBaseline,
  runConformance,
  summarize,
  toJsonl,
} from "@codex-policy/harness";
import {
  type Edition,
  editionForVersion,
  minorOf,
  newestPatch,
  PUBLISHED_MINORS,
  parseEdition,
} from "@codex-policy/spec";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy conformance run --impl engine|codex-cli|cmd:"<command>"|oneshot:"<command>"
         [--edition E | --release V,V…|all] [--codex-version V] [--tags a,b,!c] [--cases DIR]
         [--shard i/n] [--baseline FILE] [--write-baseline FILE]
         [--reporter pretty|jsonl|junit|tap|github] [--output FILE] [--jsonl FILE] [--junit FILE]
         [--timeout MS] [--jobs N] [--seed N] [--validate-protocol] [--capabilities a,b]
         [--codex-bin PATH]

Runs the conformance corpus (or a policy repo's own cases with --cases) against an implementation.

  --impl engine        the reference engine, in-process; every edition unless --edition
  --impl codex-cli     the real Codex binary (Linux, namespaces), held to the claims about its own
                       release under that release's edition (a release newer than the newest
                       modelled one runs as codex-latest, with a warning)
  --impl cmd:"…"       a long-lived adapter speaking JSON lines (docs/adapter-protocol.md)
  --impl oneshot:"…"   one process per scenario: scenario on stdin, Outcome on stdout
  --edition E          codex-0.<minor> | codex-latest | documented
  --release V,V…|all   run each case's claims about these published releases (the tests whose codex
                       ranges cover them), each under its release's edition, with counts per release;
                       all = the newest patch of every published minor
  --codex-version V    keep cases whose codex range contains V
  --tags a,b,!c        keep cases tagged a or b and not c
  --shard i/n          run shard i of n (cases are split by a hash of their id)
  --baseline FILE      expected failures (xfail) and skips, each with a reason
  --write-baseline F   write the failures of this run as a baseline (review it; never in CI)
  --reporter R         output on stdout (default pretty); --output FILE writes it to a file
  --jsonl FILE         also write the canonical JSON-lines report
  --junit FILE         also write the JUnit XML report
  --timeout MS         per-case timeout (engine/cmd 5000, oneshot 10000, codex-cli 60000)
  --jobs N             instances run at once (codex-cli: 3 per core, at most 16; others 1);
                       the report keeps the corpus order
  --seed N             shuffle the case order reproducibly
  --validate-protocol  check every adapter message against the protocol schema
  --capabilities a,b   what a oneshot adapter claims (default: everything)

exit codes:
  0  every record passed, or failed and is listed in the baseline
  1  a regression (failing, not listed) or a stale baseline entry (passing, listed)
  2  usage error (a --codex-bin or CODEX_BIN that is no Codex binary too), or the cases or baseline do not load
  3  the adapter could not start`;

function fail(message: string, code = "usage", exit = 2): never {
  throw new UserError(`${message} [${code}]`, exit, code);
}

function corpusFail(e: CorpusError): never {
  for (const i of e.issues.slice(1))
    process.stderr.write(
      `  ${i.file}${i.line ? `:${i.line}:${i.column ?? 1}` : ""}${i.path ? ` at ${i.path}` : ""}: ${i.message} [${i.code}]\n`,
    );
  fail(
    e.issues.length > 1
      ? `${e.message.split("\n")[0]} (first: ${e.issues[0]!.file}: ${e.issues[0]!.message})`
      : e.message,
    e.code,
  );
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        impl: { type: "string" },
        edition: { type: "string" },
        release: { type: "string" },
        "codex-version": { type: "string" },
        tags: { type: "string" },
        cases: { type: "string" },
        shard: { type: "string" },
        baseline: { type: "string" },
        "write-baseline": { type: "string" },
        reporter: { type: "string", default: "pretty" },
        output: { type: "string" },
        jsonl: { type: "string" },
        junit: { type: "string" },
        timeout: { type: "string" },
        jobs: { type: "string" },
        seed: { type: "string" },
        "validate-protocol": { type: "boolean", default: false },
        capabilities: { type: "string" },
        "codex-bin": { type: "string" },
      },
    });
  } catch (e) {
    fail((e as Error).message.split("\n")[0] ?? "bad arguments");
  }
}

/** `--release`: published versions (a minor such as 0.150 means its newest patch), or `all`. */
function releaseList(text: string): string[] {
  const newest = (minor: number) => newestPatch(minor)!;
  if (text === "all") return PUBLISHED_MINORS.map(newest);
  const out: string[] = [];
  for (const item of text.split(",").map((x) => x.trim())) {
    const v = parseVersion(item) ? item : /^\d+\.\d+$/.test(item) ? `${item}.0` : null;
    if (!v) fail(`--release takes versions like 0.150.0 (or all), got '${item}'`);
    const own = editionForVersion(v);
    if (!own.ok) fail(`--release ${item}: ${own.message}`, own.code);
    const minor = minorOf(v);
    out.push(/^\d+\.\d+$/.test(item) && PUBLISHED_MINORS.includes(minor) ? newest(minor) : v);
  }
  return [...new Set(out)];
}

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) <= 0) fail(`${name} takes a positive integer, got '${v}'`);
  return Number(v);
}

async function run(argv: string[]): Promise<number> {
  const { values: o, positionals } = parse(argv);
  if (positionals[0] !== "run" || positionals.length > 1)
    fail(`expected 'conformance run'\n${USAGE.split("\n")[0]}`);
  if (!o.impl) fail('--impl is required (engine, codex-cli, cmd:"…" or oneshot:"…")');
  if (!(o.reporter! in REPORTERS))
    fail(`--reporter takes ${Object.keys(REPORTERS).join("|")}, got '${o.reporter}'`);
  const parsedEdition = o.edition === undefined ? null : parseEdition(o.edition as string);
  if (parsedEdition && !parsedEdition.ok) fail(parsedEdition.message);
  const edition: Edition | undefined = parsedEdition?.ok ? parsedEdition.edition : undefined;
  if (o.edition !== undefined && o.release !== undefined) fail("--edition and --release exclude each other");
  const releases = o.release === undefined ? undefined : releaseList(o.release);
  if (o["codex-version"] && !parseVersion(o["codex-version"]))
    fail(`--codex-version takes a version like 0.169.0`);
  let shard: ReturnType<typeof parseShard> | undefined;
  try {
    shard = o.shard ? parseShard(o.shard) : undefined;
  } catch (e) {
    fail((e as Error).message);
  }
  const seed = o.seed === undefined ? undefined : Number(o.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed takes an integer, got '${o.seed}'`);
  const casesDir = resolvePath(o.cases ?? defaultCasesDir());

  let impl: ReturnType<typeof adapterFromSpec>;
  try {
    impl = adapterFromSpec(o.impl, {
      validate: o["validate-protocol"],
      capabilities: o.capabilities
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      codexBin: o["codex-bin"],
    });
  } catch (e) {
    if (e instanceof ImplSpecError) fail(e.message, e.code);
    throw e;
  }
  const timeoutMs = positiveInt("--timeout", o.timeout) ?? impl.defaultTimeoutMs;
  const jobs = positiveInt("--jobs", o.jobs) ?? impl.defaultJobs;

  let baseline: Baseline | undefined;
  try {
    baseline = o.baseline ? await readBaseline(o.baseline) : undefined;
  } catch (e) {
    if (e instanceof CorpusError) corpusFail(e);
    throw e;
  }
  let cases: Awaited<ReturnType<typeof loadCorpus>>;
  try {
    cases = await loadCorpus(casesDir);
  } catch (e) {
    if (e instanceof CorpusError) corpusFail(e);
    throw e;
  }
  if (cases.length === 0) fail(`no cases (*.toml) under ${casesDir}`, "corpus-empty");

  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    report = await runConformance({
      adapter: impl.adapter,
      cases,
      casesDir: o.cases ?? "conformance/cases",
      edition,
      allEditionsByDefault: impl.allEditionsByDefault,
      releases: releases ?? (edition === undefined && impl.ownReleaseByDefault ? "adapter" : undefined),
      onHeader: (h) => {
        for (const v of h.releases ?? []) {
          const own = editionForVersion(v);
          if (!own.ok) process.stderr.write(`warning: ${own.message}; no claims run for it\n`);
          else if (own.note) process.stderr.write(`warning: ${own.note} (not modelled yet)\n`);
        }
      },
      filter: { tags: o.tags ? parseTags(o.tags) : undefined, codexVersion: o["codex-version"], shard },
      labels: { tags: o.tags, shard: o.shard },
      baseline,
      baselineFile: o.baseline,
      timeoutMs,
      jobs,
      seed,
      onRecord: progress(),
    });
  } catch (e) {
    if (e instanceof AdapterStartError) fail(e.message, e.code, e.exitCode);
    throw e;
  }

  if (o["write-baseline"]) {
    const failures = report.records
      .filter((r) => FAILING.has(r.status))
      .map((r) => ({
        id: r.id,
        caseId: r.case,
        edition: r.edition,
        reason: failureSummary(r.status, r.checks, r.reason),
      }));
    const multi = new Set(report.records.map((r) => r.edition)).size > 1;
    await writeFile(
      o["write-baseline"],
      renderBaseline(report.header.adapter.name, failures, baseline, multi),
    );
    process.stderr.write(`wrote ${failures.length} baseline entries to ${o["write-baseline"]}\n`);
    // Judge this run by the baseline just written: only stale entries of the old one can fail it.
    for (const r of report.records) if (r.verdict === "regression") r.verdict = "xfail";
    const f = report.footer;
    report.footer = summarize(report.records, {
      restarts: f.adapter_restarts,
      unmatched: f.unmatched_baseline,
      durationMs: f.duration_ms,
    });
  }

  const text = REPORTERS[o.reporter as ReporterName](report);
  if (o.output) await writeFile(o.output, text);
  else process.stdout.write(text);
  if (o.jsonl) await writeFile(o.jsonl, toJsonl(report));
  if (o.junit) await writeFile(o.junit, REPORTERS.junit(report));
  return report.footer.exit_code;
}

/** A progress line on stderr every 25 records once a run takes more than 3 s (e.g. the real binary). */
function progress(): (r: unknown) => void {
  let n = 0;
  const started = Date.now();
  return () => {
    n++;
    if (n % 25 === 0 && Date.now() - started > 3000)
      process.stderr.write(`  ... ${n} records (${Math.round((Date.now() - started) / 1000)} s)\n`);
  };
}

export const command: Command = {
  name: "conformance",
  summary: "Run the conformance corpus against an implementation",
  usage: USAGE,
  run,
};
