import {
  type Case,
  type CaseTest,
  type Edition,
  editionForVersion,
  editionRelease,
  type Scenario,
  ScenarioSchema,
  satisfies,
} from "@codex-policy/spec";
import { mergePatch } from "./merge.js";
import { caseSource } from "./source.js";

/** One test of one case in one edition: what an adapter is asked to resolve. */
export interface TestInstance {
  caseId: string;
  testId: string;
  edition: Edition;
  scenario: Scenario;
  expect: Record<string, unknown>;
  tags: string[];
  area: string;
  /** The published release this instance is a claim about, when expanded for one. */
  release?: string;
}

/** `<caseId>:<testId>`: the stable id used in reports and baselines. */
export function instanceId(t: { caseId: string; testId: string }): string {
  return `${t.caseId}:${t.testId}`;
}

/** The expectations a negative case adds to each of its tests (a test's own entries win). */
function negativeExpect(c: Case): Record<string, unknown> {
  if (!c.negative) return {};
  return { status: c.negative.status, "errors.*.code": { $contains: c.negative.code } };
}

/** The test's editions, less those whose release falls outside the test's own `codex` range. */
function editionsOf(c: Case, t: CaseTest): Edition[] {
  const all = t.editions ?? c.editions;
  if (t.codex === undefined) return all;
  const range = t.codex;
  return all.filter((e) => {
    const release = editionRelease(e);
    return release === null || satisfies(release, range);
  });
}

function buildScenario(c: Case, t: CaseTest, edition: Edition) {
  const merged = mergePatch(c.scenario, t.scenario ?? {});
  return ScenarioSchema.safeParse({ ...merged, edition });
}

/** One test in one edition: the shared expectations, then those written for that edition. */
function instance(c: Case, t: CaseTest, edition: Edition, scenario: Scenario): TestInstance {
  return {
    caseId: c.id,
    testId: t.id,
    edition,
    scenario,
    expect: { ...negativeExpect(c), ...t.expect, ...(t.expect_by_edition?.[edition] ?? {}) },
    tags: [...c.tags],
    area: caseSource(c)?.area ?? "root",
  };
}

/**
 * Expands a case into one instance per test and edition. The scenario is the case scenario with
 * the test's patch merged over it, parsed with ScenarioSchema, with `edition` set.
 */
export function expandTests(c: Case): TestInstance[] {
  const out: TestInstance[] = [];
  for (const t of c.tests) {
    for (const edition of editionsOf(c, t)) {
      const parsed = buildScenario(c, t, edition);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(
          `case ${c.id} test ${t.id}: scenario invalid at ${first?.path.join(".")}: ${first?.message}`,
        );
      }
      out.push(instance(c, t, edition, parsed.data));
    }
  }
  return out;
}

/** Scenario problems for every test, located as `tests[i].scenario.<path>`. */
export function expansionIssues(c: Case): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  c.tests.forEach((t, i) => {
    const parsed = buildScenario(c, t, editionsOf(c, t)[0] ?? "codex-0.169");
    if (parsed.success) return;
    for (const iss of parsed.error.issues) {
      const p = iss.path.map((s) => (typeof s === "number" ? `[${s}]` : `.${String(s)}`)).join("");
      issues.push({ path: `tests[${i}].scenario${p}`, message: iss.message });
    }
  });
  return issues;
}

/**
 * A case's tests as claims about one published release: every test whose `codex` ranges (the case's,
 * and the test's own when it has one) cover `version` and that holds for some Codex edition, under
 * that release's edition.
 */
export function expandForRelease(c: Case, version: string): TestInstance[] {
  const own = editionForVersion(version);
  if (!own.ok || !satisfies(version, c.codex)) return [];
  const edition = own.edition;
  const out: TestInstance[] = [];
  for (const t of c.tests) {
    if (!editionsOf(c, t).some((e) => e.startsWith("codex-"))) continue;
    if (t.codex !== undefined && !satisfies(version, t.codex)) continue;
    const parsed = buildScenario(c, t, edition);
    if (!parsed.success) continue;
    out.push({ ...instance(c, t, edition, parsed.data), release: version });
  }
  return out;
}
