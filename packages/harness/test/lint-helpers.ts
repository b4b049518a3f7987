import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Case } from "@codex-policy/spec";
import { type LintIssue, type LintOptions, lintCorpus } from "../src/lint.js";
import { setCaseSource } from "../src/source.js";
import { makeCase } from "./helpers.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "lint");

/** Options pointing the linter at the small fixture reference directory and repo. */
export const FIXTURE_OPTIONS: LintOptions = {
  repoDir: join(fixtures, "repo"),
  referenceDir: join(fixtures, "reference"),
};

/** A valid case in the `approval` area, filed at `approval/<id>.toml` unless `relPath` says otherwise. */
export function corpusCase(over: Record<string, unknown> = {}, relPath?: string): Case {
  const c = makeCase({
    id: "approval-demo",
    evidence: ["oracle-findings.md#a05"],
    ...over,
  });
  const rel = relPath ?? `approval/${c.id}.toml`;
  const slash = rel.indexOf("/");
  setCaseSource(c, {
    file: `/corpus/${rel}`,
    relPath: rel,
    area: slash > 0 ? rel.slice(0, slash) : "root",
    text: "",
  });
  return c;
}

export function lint(cases: Case[], options: LintOptions = {}): LintIssue[] {
  return lintCorpus(cases, { ...FIXTURE_OPTIONS, ...options });
}

/** `code@path` for each issue, the shape most assertions compare. */
export function codes(cases: Case[], options: LintOptions = {}): string[] {
  return lint(cases, options).map((i) => `${i.code}@${i.path ?? ""}`);
}
