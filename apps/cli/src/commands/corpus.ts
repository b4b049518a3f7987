import { resolve as resolvePath } from "node:path";
import { parseArgs } from "node:util";
import {
  AdapterStartError,
  CorpusError,
  corpusHash,
  defaultCasesDir,
  engineAdapter,
  expandTests,
  lintCorpus,
  loadCorpus,
  runConformance,
  toJsonl,
} from "@codex-policy/harness";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy corpus check [--cases DIR] [--jsonl FILE]

Validates the conformance corpus (or a policy repo's own cases with --cases):
  - every file parses as TOML and matches the case format (errors name file:line:column or the path);
  - case ids are unique, test ids are unique within a case, descriptions are unique;
  - Codex version ranges, editions and expectations are well formed (operators, codes, enum values,
    probed command indexes), and every test asserts something;
  - for conformance/cases only: <area>/<id>.toml naming, and evidence citing the reference files
    (oracle anchors checked when ../shared/reference is present), docs/*.md or fuzz replays;
  - every test passes on the reference engine, in each of its editions.
Prints counts per area.

exit codes:
  0  the corpus is valid and the engine passes every case
  1  lint errors, or a case fails on the engine
  2  usage error, or a file does not load
  3  the engine could not be loaded`;

function fail(message: string, code: string, exit = 2): never {
  throw new UserError(`${message} [${code}]`, exit, code);
}

async function check(argv: string[]): Promise<number> {
  let o: { cases?: string; jsonl?: string };
  let positionals: string[];
  try {
    ({ values: o, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { cases: { type: "string" }, jsonl: { type: "string" } },
    }));
  } catch (e) {
    fail((e as Error).message.split("\n")[0] ?? "bad arguments", "usage");
  }
  if (positionals[0] !== "check" || positionals.length > 1) fail("expected 'corpus check'", "usage");
  const dir = resolvePath(o.cases ?? defaultCasesDir());
  let cases: Awaited<ReturnType<typeof loadCorpus>>;
  try {
    cases = await loadCorpus(dir);
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    for (const line of e.message.split("\n").slice(1)) process.stderr.write(`${line}\n`);
    fail(e.issues.length > 1 ? `${e.issues.length} problems in ${dir}` : e.message, e.code);
  }
  // A policy repo's own cases get the format-level rules, not the reference corpus's conventions.
  const lint = lintCorpus(cases, { conventions: dir === resolvePath(defaultCasesDir()) });
  for (const i of lint) {
    process.stderr.write(
      `${i.file}${i.path ? ` at ${i.path}` : ""}: ${i.severity}: ${i.message} [${i.code}]\n`,
    );
  }
  const lintErrors = lint.filter((i) => i.severity === "error").length;

  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    report = await runConformance({
      adapter: engineAdapter(),
      cases,
      casesDir: o.cases ?? "conformance/cases",
      allEditionsByDefault: true,
      timeoutMs: 5_000,
    });
  } catch (e) {
    if (e instanceof AdapterStartError) fail(e.message, e.code, e.exitCode);
    throw e;
  }
  if (o.jsonl) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(o.jsonl, toJsonl(report));
  }

  const areas = new Map<string, { cases: number; tests: number; pass: number; fail: number }>();
  for (const c of cases) {
    const inst = expandTests(c);
    const area = inst[0]?.area ?? "root";
    const a = areas.get(area) ?? { cases: 0, tests: 0, pass: 0, fail: 0 };
    a.cases++;
    a.tests += inst.length;
    areas.set(area, a);
  }
  for (const r of report.records) {
    const a = areas.get(r.area)!;
    if (r.status === "pass") a.pass++;
    else a.fail++;
  }
  const w = Math.max(4, ...[...areas.keys()].map((k) => k.length));
  const out = [
    `corpus ${dir}`,
    `hash ${corpusHash(cases)}`,
    "",
    `${"area".padEnd(w)}  cases  tests   pass   fail`,
  ];
  for (const [k, a] of [...areas.entries()].sort()) {
    out.push(
      `${k.padEnd(w)}  ${String(a.cases).padStart(5)}  ${String(a.tests).padStart(5)}  ${String(a.pass).padStart(5)}  ${String(a.fail).padStart(5)}`,
    );
  }
  const failing = report.records.filter((r) => r.status !== "pass");
  if (failing.length) {
    out.push("", "Failing on the engine:");
    for (const r of failing) out.push(`  ${r.id} [${r.edition}] ${r.file ?? ""}: ${r.reason ?? r.status}`);
  }
  const total = report.records.length;
  out.push("", `${cases.length} cases, ${total} test instances; ${lintErrors} lint errors`);
  out.push(`${total - failing.length} passed, ${failing.length} failed`);
  process.stdout.write(`${out.join("\n")}\n`);
  return lintErrors || failing.length ? 1 : 0;
}

export const command: Command = {
  name: "corpus",
  summary: "Validate the conformance corpus (corpus check)",
  usage: USAGE,
  run: check,
};
