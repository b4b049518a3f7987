import { join } from "node:path";
import {
  type Case,
  type CaseTest,
  type Edition,
  ERROR_CODES,
  rangeProblem,
  ScenarioSchema,
} from "@codex-policy/spec";
import { evidenceProblem, loadOracleAnchors, looseEvidenceProblem } from "./lint-evidence.js";
import { expectProblems } from "./lint-expect.js";
import { mergePatch } from "./merge.js";
import { repoRoot } from "./paths.js";
import { caseSource } from "./source.js";

export interface LintIssue {
  file: string;
  path?: string;
  severity: "error" | "warning";
  code: string;
  message: string;
}

export interface LintOptions {
  /**
   * Apply the reference corpus's conventions: known area directories, ids named like their file and
   * prefixed with their area, evidence citing the reference files (with oracle anchors that exist). Default true; policy repos
   * checking their own cases turn it off and get the format-level rules only.
   */
  conventions?: boolean;
  /** Repository root, for `docs/*.md` evidence. Default: this monorepo. */
  repoDir?: string;
  /** Where oracle-findings.md and the other reference files live. Default: `<repo>/../shared/reference`. */
  referenceDir?: string;
}

/** Area directories of conformance/cases; `fuzz` is where `codex-policy fuzz` writes its cases. */
export const CORPUS_AREAS = [
  "precedence",
  "groups",
  "features",
  "web-search",
  "sandbox",
  "permissions",
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
  "fuzz",
] as const;

const MODAL = /\bshould\b/i;

function probeCount(c: Case, t: CaseTest): number | null {
  const parsed = ScenarioSchema.safeParse(mergePatch(c.scenario, t.scenario ?? {}));
  return parsed.success ? parsed.data.probe.commands.length : null;
}

/**
 * Corpus hygiene beyond the schema: unique descriptions, usable evidence references, valid Codex
 * ranges, ids that match their files, consistent editions, and expectations that can hold (known
 * paths, operators, codes and values, probed commands). Id uniqueness is enforced by the loader.
 */
export function lintCorpus(cases: Case[], options: LintOptions = {}): LintIssue[] {
  const conventions = options.conventions ?? true;
  const repoDir = options.repoDir ?? repoRoot();
  const evidenceCtx = {
    repoDir,
    oracleAnchors: conventions
      ? loadOracleAnchors(options.referenceDir ?? join(repoDir, "..", "shared", "reference"))
      : null,
  };
  const issues: LintIssue[] = [];
  const byDescription = new Map<string, string>();
  for (const c of cases) {
    const src = caseSource(c);
    const file = src?.relPath ?? c.id;
    const error = (path: string | undefined, code: string, message: string): void => {
      issues.push({ file, ...(path === undefined ? {} : { path }), severity: "error", code, message });
    };

    const norm = c.description.trim().toLowerCase().replace(/\s+/g, " ");
    const prior = byDescription.get(norm);
    if (prior) error("description", "duplicate-description", `same description as case '${prior}'`);
    else byDescription.set(norm, c.id);

    if (src && conventions) {
      const base = src.relPath.slice(src.relPath.lastIndexOf("/") + 1).replace(/\.toml$/, "");
      if (base !== c.id)
        error("id", "id-file-mismatch", `id '${c.id}' does not match the file name '${base}.toml'`);
      if (!(CORPUS_AREAS as readonly string[]).includes(src.area)) {
        error(undefined, "unknown-area", `'${src.area}' is not a corpus area (${CORPUS_AREAS.join(", ")})`);
      } else if (!c.id.startsWith(`${src.area}-`)) {
        error("id", "id-area-prefix", `id '${c.id}' does not start with its area '${src.area}-'`);
      }
    }

    c.evidence.forEach((e, i) => {
      const p = conventions ? evidenceProblem(e, evidenceCtx) : looseEvidenceProblem(e);
      if (p) error(`evidence[${i}]`, p.code, p.message);
    });
    const bad = rangeProblem(c.codex);
    if (bad) error("codex", "codex-range-invalid", bad);
    if (c.negative && !(c.negative.code in ERROR_CODES)) {
      error("negative.code", "code-unknown", `'${c.negative.code}' is not in ERROR_CODES`);
    }
    const dupEdition = c.editions.find((e, i) => c.editions.indexOf(e) !== i);
    if (dupEdition) error("editions", "duplicate-edition", `edition '${dupEdition}' is listed twice`);

    c.tests.forEach((t, i) => {
      const badTest = t.codex === undefined ? null : rangeProblem(t.codex);
      if (badTest) error(`tests[${i}].codex`, "codex-range-invalid", badTest);
      lintTest(c, t, `tests[${i}]`, error);
    });

    for (const [path, text] of [
      ["description", c.description],
      ...c.tests.map((t, i) => [`tests[${i}].description`, t.description ?? ""]),
    ] as const) {
      if (MODAL.test(text)) {
        issues.push({
          file,
          path,
          severity: "warning",
          code: "modal-description",
          message: "describe what happens, not what should",
        });
      }
    }
  }
  return issues;
}

function lintTest(
  c: Case,
  t: CaseTest,
  at: string,
  error: (path: string, code: string, message: string) => void,
): void {
  const editions: Edition[] = t.editions ?? c.editions;
  if (t.editions) {
    const dup = t.editions.find((e, i) => t.editions?.indexOf(e) !== i);
    if (dup) error(`${at}.editions`, "duplicate-edition", `edition '${dup}' is listed twice`);
    for (const e of t.editions) {
      if (!c.editions.includes(e)) {
        error(
          `${at}.editions`,
          "test-edition-unlisted",
          `test '${t.id}' runs edition '${e}', which the case does not list`,
        );
      }
    }
  }
  for (const ed of Object.keys(t.expect_by_edition ?? {}) as Edition[]) {
    if (!editions.includes(ed)) {
      error(
        `${at}.expect_by_edition.${ed}`,
        "expect-edition-not-run",
        `test '${t.id}' has expectations for '${ed}' but runs only ${editions.join(", ")}`,
      );
    }
  }
  if (!c.negative) {
    const silent = editions.filter(
      (ed) => Object.keys(t.expect).length + Object.keys(t.expect_by_edition?.[ed] ?? {}).length === 0,
    );
    if (silent.length) {
      error(at, "no-expectations", `test '${t.id}' asserts nothing in ${silent.join(", ")}`);
    }
  }
  const probes = probeCount(c, t);
  const tables: [string, Record<string, unknown>][] = [
    [`${at}.expect`, t.expect],
    ...Object.entries(t.expect_by_edition ?? {}).map(
      ([ed, ex]) => [`${at}.expect_by_edition.${ed}`, ex ?? {}] as [string, Record<string, unknown>],
    ),
  ];
  for (const [where, table] of tables) {
    for (const p of expectProblems(table, probes ?? Number.POSITIVE_INFINITY)) {
      error(`${where}.${p.path}`, p.code, p.message);
    }
    const status = table.status;
    if (c.negative && status !== undefined && status !== "refused") {
      error(
        `${where}.status`,
        "negative-not-refused",
        `the case is negative (${c.negative.code}) but test '${t.id}' expects status ${JSON.stringify(status)}`,
      );
    }
  }
}
