/**
 * Working validator for the conformance corpus (conformance/cases/<area>/<id>.toml).
 *
 *   pnpm exec tsx scripts/validate-cases.ts [--quiet]
 *
 * Checks every case against CaseSchema, that ids/descriptions are unique, that each test's
 * merged scenario parses with ScenarioSchema, and a set of corpus conventions (id prefixes,
 * evidence references, known error/warning codes, edition consistency, probe indices).
 * Prints per-area and per-edition counts. Exits 1 on any problem.
 * This is not the harness's `corpus check`; it is the corpus author's working tool.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CaseSchema,
  EDITIONS,
  ERROR_CODES,
  NOTICE_KINDS,
  ScenarioSchema,
  WARNING_CODES,
} from "../packages/spec/src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const requireFromSpec = createRequire(join(root, "packages/spec/package.json"));
const { parse: parseToml } = (await import(requireFromSpec.resolve("smol-toml"))) as {
  parse: (s: string) => Record<string, unknown>;
};

const CASES_DIR = join(root, "conformance/cases");
const REFERENCE_DIR = process.env.CODEX_POLICY_REFERENCE ?? "/work/shared/reference";
const AREAS = [
  "precedence",
  "groups",
  "features",
  "web-search",
  "sandbox",
  "approval",
  "reviewer",
  "mcp",
  "rules",
  "hooks",
  "legacy",
  "mdm",
  "cloud",
  "malformed",
  "trust",
  "session",
] as const;
const EVIDENCE_FILES = [
  "oracle-findings.md",
  "documented-edition.md",
  "spec-from-source.md",
  "version-drift.md",
];
const OUTCOME_ROOTS = new Set([
  "edition",
  "status",
  "requirements",
  "effective",
  "cloud",
  "notices",
  "warnings",
  "errors",
  "unobserved",
  "trace",
]);
const OPERATORS = new Set(["$contains", "$absent", "$len", "$match"]);
const EFFECTIVE_ENUMS: Record<string, readonly string[]> = {
  "effective.approval_policy": ["untrusted", "on-failure", "on-request", "never", "granular"],
  "effective.approvals_reviewer": ["user", "auto_review"],
  "effective.sandbox_mode": ["read-only", "workspace-write", "danger-full-access", "external-sandbox"],
  "effective.web_search": ["disabled", "cached", "indexed", "live"],
  status: ["ok", "refused"],
  "cloud.path": ["absent", "ineligible", "cache", "fetched", "skipped", "refused"],
};

type Json = Record<string, unknown>;
const isTable = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Deep merge used by the case format: tables merge, scalars and arrays replace. */
function mergeScenario(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const prev = out[k];
    out[k] = isTable(prev) && isTable(v) ? mergeScenario(prev, v) : v;
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".toml")) out.push(p);
  }
  return out.sort();
}

const problems: string[] = [];
const problem = (file: string, msg: string) => problems.push(`${relative(root, file)}: ${msg}`);

const referenceText = new Map<string, string>();
for (const f of EVIDENCE_FILES) {
  try {
    referenceText.set(f, readFileSync(join(REFERENCE_DIR, f), "utf8"));
  } catch {
    // Reference files are optional for the structural checks.
  }
}

/** Oracle case names (a05, b01, rule-14 …) that evidence may cite. */
const oracleAnchors = new Set<string>();
{
  const text = referenceText.get("oracle-findings.md") ?? "";
  for (const m of text.matchAll(/\b([a-j]\d{2}s?)\b/g)) oracleAnchors.add(m[1] as string);
  for (const m of text.matchAll(/^(\d+)\. /gm)) oracleAnchors.add(`rule-${m[1]}`);
  for (const s of ["0", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]) oracleAnchors.add(`section-${s}`);
}

function checkEvidence(file: string, ev: string) {
  const [doc, anchor] = ev.split("#");
  if (!doc || !EVIDENCE_FILES.includes(doc)) {
    problem(file, `evidence ${JSON.stringify(ev)} does not cite one of ${EVIDENCE_FILES.join(", ")}`);
    return;
  }
  if (!anchor) {
    problem(file, `evidence ${JSON.stringify(ev)} has no #anchor`);
    return;
  }
  if (doc === "oracle-findings.md" && oracleAnchors.size > 0 && !oracleAnchors.has(anchor)) {
    problem(file, `evidence ${ev}: no oracle case or rule named ${anchor}`);
  }
  if ((doc === "spec-from-source.md" || doc === "version-drift.md") && !/^\d+(\.\d+)*$/.test(anchor)) {
    problem(file, `evidence ${ev}: expected a section or scenario number`);
  }
}

function checkExpectations(file: string, where: string, exp: Json, probeCount: number) {
  for (const [path, value] of Object.entries(exp)) {
    const segs = path.split(".");
    if (!OUTCOME_ROOTS.has(segs[0] as string)) problem(file, `${where}: unknown outcome root in ${path}`);
    if (segs.some((s) => s === "")) problem(file, `${where}: empty segment in ${path}`);
    if (isTable(value) && Object.keys(value).some((k) => k.startsWith("$"))) {
      const keys = Object.keys(value);
      if (keys.length !== 1 || !OPERATORS.has(keys[0] as string)) {
        problem(file, `${where}: bad operator table at ${path}: ${keys.join(",")}`);
      }
      if ("$absent" in value && value.$absent !== true)
        problem(file, `${where}: $absent must be true at ${path}`);
      if ("$len" in value && !(Number.isInteger(value.$len) && (value.$len as number) >= 0)) {
        problem(file, `${where}: $len must be a non-negative integer at ${path}`);
      }
      if ("$match" in value) {
        try {
          new RegExp(String(value.$match));
        } catch {
          problem(file, `${where}: bad regex at ${path}`);
        }
      }
      if (path === "warnings" && "$contains" in value) {
        const c = value.$contains;
        if (!isTable(c) || typeof c.code !== "string" || typeof c.message !== "string") {
          problem(file, `${where}: warnings $contains needs a full { code, message } object`);
        }
      }
    }
    const enums = EFFECTIVE_ENUMS[path];
    if (enums && typeof value === "string" && !enums.includes(value))
      problem(file, `${where}: ${path} = ${value} is not a known value`);
    if (/^errors\.\d+\.code$/.test(path) && typeof value === "string" && !(value in ERROR_CODES)) {
      problem(file, `${where}: ${value} is not in ERROR_CODES`);
    }
    if (/^warnings\.\d+\.code$/.test(path) && typeof value === "string" && !(value in WARNING_CODES)) {
      problem(file, `${where}: ${value} is not in WARNING_CODES`);
    }
    if (/^notices\.\d+\.kind$/.test(path) && typeof value === "string" && !(value in NOTICE_KINDS)) {
      problem(file, `${where}: ${value} is not in NOTICE_KINDS`);
    }
    const cmd = /^effective\.commands\.(\d+)\./.exec(path);
    if (cmd && Number(cmd[1]) >= probeCount)
      problem(file, `${where}: ${path} but the scenario probes ${probeCount} command(s)`);
    if (
      /^effective\.commands\.\d+\.decision$/.test(path) &&
      !["forbidden", "prompt", "prompt-user", "allow", "none"].includes(String(value))
    ) {
      problem(file, `${where}: bad command decision ${String(value)}`);
    }
    if (
      /^effective\.commands\.\d+\.outcome$/.test(path) &&
      !["rejected", "ask-user", "ask-reviewer", "run"].includes(String(value))
    ) {
      problem(file, `${where}: bad command outcome ${String(value)}`);
    }
  }
}

const files = walk(CASES_DIR);
const ids = new Map<string, string>();
const descriptions = new Map<string, string>();
const perArea = new Map<string, number>();
const perEdition = new Map<string, number>();
let tests = 0;
let disagreements = 0;
let negatives = 0;

for (const file of files) {
  const area = basename(dirname(file));
  let raw: Json;
  try {
    raw = parseToml(readFileSync(file, "utf8"));
  } catch (e) {
    problem(file, `TOML: ${(e as Error).message.split("\n")[0]}`);
    continue;
  }
  const parsed = CaseSchema.safeParse(raw);
  if (!parsed.success) {
    problem(
      file,
      `CaseSchema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
    continue;
  }
  const c = parsed.data;
  if (!(AREAS as readonly string[]).includes(area)) problem(file, `unknown area directory ${area}`);
  if (!c.id.startsWith(`${area}-`)) problem(file, `id ${c.id} does not start with ${area}-`);
  if (basename(file, ".toml") !== c.id) problem(file, `file name does not match id ${c.id}`);
  if (ids.has(c.id)) problem(file, `duplicate id ${c.id} (also ${ids.get(c.id)})`);
  ids.set(c.id, file);
  const descKey = c.description.trim().toLowerCase();
  if (descriptions.has(descKey)) problem(file, `duplicate description (also ${descriptions.get(descKey)})`);
  descriptions.set(descKey, file);
  if (/\bshould\b/i.test(c.description)) problem(file, `description uses "should"`);
  if (new Set(c.editions).size !== c.editions.length) problem(file, "duplicate editions");
  if (!/^(\*|(>=|<=|>|<|=|\^|~)?\d+\.\d+\.\d+( (<|<=)\d+\.\d+\.\d+)?)$/.test(c.codex))
    problem(file, `odd codex range ${c.codex}`);
  for (const ev of c.evidence) checkEvidence(file, ev);
  if (c.negative) {
    negatives++;
    if (!(c.negative.code in ERROR_CODES))
      problem(file, `negative.code ${c.negative.code} is not in ERROR_CODES`);
  }

  perArea.set(area, (perArea.get(area) ?? 0) + 1);
  for (const e of c.editions) perEdition.set(e, (perEdition.get(e) ?? 0) + 1);

  const testIds = new Set<string>();
  let disagrees = false;
  for (const t of c.tests) {
    tests++;
    const where = `test ${t.id}`;
    if (testIds.has(t.id)) problem(file, `duplicate test id ${t.id}`);
    testIds.add(t.id);
    if (t.description && /\bshould\b/i.test(t.description))
      problem(file, `${where}: description uses "should"`);
    const eds = t.editions ?? c.editions;
    for (const e of eds)
      if (!c.editions.includes(e)) problem(file, `${where}: edition ${e} not listed by the case`);
    const merged = mergeScenario(c.scenario as Json, (t.scenario ?? {}) as Json);
    const sc = ScenarioSchema.safeParse(merged);
    if (!sc.success) {
      problem(
        file,
        `${where}: ScenarioSchema: ${sc.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      continue;
    }
    const probeCount = sc.data.probe.commands.length;
    if (Object.keys(t.expect).length === 0 && !t.expect_by_edition)
      problem(file, `${where}: no expectations`);
    checkExpectations(file, where, t.expect as Json, probeCount);
    if (t.expect_by_edition) {
      for (const [ed, exp] of Object.entries(t.expect_by_edition)) {
        if (!(EDITIONS as readonly string[]).includes(ed)) problem(file, `${where}: unknown edition ${ed}`);
        if (!eds.includes(ed as (typeof EDITIONS)[number]))
          problem(file, `${where}: expect_by_edition for ${ed}, which the test does not run`);
        checkExpectations(file, `${where} [${ed}]`, exp as Json, probeCount);
      }
      const a = t.expect_by_edition["codex-0.169"];
      const b = t.expect_by_edition.documented;
      if (a && b && eds.length === 2) {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
          if (k in a && k in b && JSON.stringify(a[k]) !== JSON.stringify(b[k])) disagrees = true;
        }
      }
    }
    if (c.negative) {
      const exp = {
        ...(t.expect as Json),
        ...((t.expect_by_edition?.[eds[0] as (typeof EDITIONS)[number]] ?? {}) as Json),
      };
      if (exp.status !== undefined && exp.status !== "refused")
        problem(file, `${where}: negative case expects status ${String(exp.status)}`);
    }
  }
  if (disagrees) disagreements++;
}

const quiet = process.argv.includes("--quiet");
if (!quiet) {
  console.log(
    `cases: ${files.length}  tests: ${tests}  negative: ${negatives}  edition disagreements: ${disagreements}`,
  );
  console.log("per area:");
  for (const a of AREAS) console.log(`  ${a.padEnd(12)} ${perArea.get(a) ?? 0}`);
  console.log("per edition:");
  for (const e of EDITIONS) console.log(`  ${e.padEnd(12)} ${perEdition.get(e) ?? 0}`);
}
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log("corpus valid");
