import { type Case, type CaseTest, type Edition, type Scenario, ScenarioSchema } from "@codex-policy/spec";
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

function editionsOf(c: Case, t: CaseTest): Edition[] {
  return t.editions ?? c.editions;
}

function buildScenario(c: Case, t: CaseTest, edition: Edition) {
  const merged = mergePatch(c.scenario, t.scenario ?? {});
  return ScenarioSchema.safeParse({ ...merged, edition });
}

/**
 * Expands a case into one instance per test and edition. The scenario is the case scenario with
 * the test's patch merged over it, parsed with ScenarioSchema, with `edition` set.
 */
export function expandTests(c: Case): TestInstance[] {
  const area = caseSource(c)?.area ?? "root";
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
      out.push({
        caseId: c.id,
        testId: t.id,
        edition,
        scenario: parsed.data,
        expect: { ...negativeExpect(c), ...t.expect, ...(t.expect_by_edition?.[edition] ?? {}) },
        tags: [...c.tags],
        area,
      });
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
