import type { Case } from "@codex-policy/spec";
import { rangeProblem } from "./semver.js";
import { caseSource } from "./source.js";

export interface LintIssue {
  file: string;
  path?: string;
  severity: "error" | "warning";
  code: string;
  message: string;
}

const EVIDENCE = /^(https?:\/\/\S+|[\w./-]+\.(md|rs|ts|toml|json)(#[\w.-]+)?|openai\/codex#\d+)$/;

/**
 * Corpus hygiene beyond the schema: unique descriptions, usable evidence references, valid Codex
 * ranges, tests that assert something. Id uniqueness is enforced by the loader.
 */
export function lintCorpus(cases: Case[]): LintIssue[] {
  const issues: LintIssue[] = [];
  const byDescription = new Map<string, string>();
  for (const c of cases) {
    const file = caseSource(c)?.relPath ?? c.id;
    const norm = c.description.trim().toLowerCase().replace(/\s+/g, " ");
    const prior = byDescription.get(norm);
    if (prior) {
      issues.push({
        file,
        path: "description",
        severity: "error",
        code: "duplicate-description",
        message: `same description as case '${prior}'`,
      });
    } else {
      byDescription.set(norm, c.id);
    }
    c.evidence.forEach((e, i) => {
      if (!EVIDENCE.test(e.trim())) {
        issues.push({
          file,
          path: `evidence[${i}]`,
          severity: "error",
          code: "evidence-invalid",
          message: `'${e}' is not a URL, a file reference (name.md#anchor) or an issue (openai/codex#N)`,
        });
      }
    });
    const bad = rangeProblem(c.codex);
    if (bad)
      issues.push({ file, path: "codex", severity: "error", code: "codex-range-invalid", message: bad });
    c.tests.forEach((t, i) => {
      const n = Object.keys(t.expect).length + Object.keys(t.expect_by_edition ?? {}).length;
      if (n === 0 && !c.negative) {
        issues.push({
          file,
          path: `tests[${i}]`,
          severity: "error",
          code: "no-expectations",
          message: `test '${t.id}' asserts nothing`,
        });
      }
    });
    if (/\bshould\b/i.test(c.description)) {
      issues.push({
        file,
        path: "description",
        severity: "warning",
        code: "modal-description",
        message: "describe what happens, not what should",
      });
    }
  }
  return issues;
}
