import { existsSync, readFileSync } from "node:fs";
import { expandTests, formatIssue, parseCaseFile } from "@codex-policy/harness";
import { formatProblem, loadScenarioText, type Scenario } from "@codex-policy/spec";
import { UserError } from "./user-error.js";

/** `FILE` or `FILE:TEST` (a case file's test); a path that exists as written is never split. */
function splitTarget(target: string): { file: string; test?: string } {
  const i = target.lastIndexOf(":");
  if (i <= 0 || existsSync(target)) return { file: target };
  return { file: target.slice(0, i), test: target.slice(i + 1) };
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      2,
      "io",
    );
  }
}

/** A case file has `[[tests]]`; its scenario is the named test's (default: the first). */
function looksLikeCase(text: string): boolean {
  return /^\s*\[\[\s*tests\s*\]\]/m.test(text);
}

/**
 * Every scenario a file holds, validated: a scenario file's own, or each test of a case file (once, whatever
 * its editions), with the test's id. Throws a located UserError (exit 2).
 */
export function scenariosInFile(file: string): { testId?: string; scenario: Scenario }[] {
  const text = readText(file);
  if (!looksLikeCase(text)) {
    const r = loadScenarioText(text, file);
    if (!r.ok) throw new UserError(r.problems.map(formatProblem).join("\n"), 2, r.problems[0]!.code);
    return [{ scenario: r.value }];
  }
  const parsed = parseCaseFile(text, file);
  if (!parsed.ok) throw new UserError(parsed.issues.map(formatIssue).join("\n"), 2, "case-invalid");
  const seen = new Set<string>();
  return expandTests(parsed.case).flatMap((t) => {
    if (seen.has(t.testId)) return [];
    seen.add(t.testId);
    return [{ testId: t.testId, scenario: t.scenario }];
  });
}

/**
 * Reads and validates a scenario file, or a conformance case file (`FILE[:TEST]`, the test's merged
 * scenario), or throws a located UserError (exit 2).
 */
export function loadScenarioFile(target: string): Scenario {
  const { file, test } = splitTarget(target);
  const all = scenariosInFile(file);
  if (all[0]?.testId === undefined) {
    if (test !== undefined) throw new UserError(`${file} is a scenario file, not a case file with tests`);
    return all[0]!.scenario;
  }
  const chosen = test === undefined ? all[0] : all.find((t) => t.testId === test);
  if (!chosen) {
    const ids = all.map((t) => t.testId).join(", ");
    throw new UserError(`${file}: no test '${test}' (tests: ${ids || "none"})`, 2, "case-test-missing");
  }
  return chosen.scenario;
}
