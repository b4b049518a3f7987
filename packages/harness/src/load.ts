import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type Case, CaseSchema } from "@codex-policy/spec";
import { parse, TomlError } from "smol-toml";
import { CorpusError, type CorpusIssue } from "./errors.js";
import { expansionIssues } from "./expand.js";
import { expectationIssues } from "./expect.js";
import { defaultCasesDir } from "./paths.js";
import { setCaseSource } from "./source.js";

export function formatZodPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || "(root)";
}

export type ParsedCaseFile = { ok: true; case: Case } | { ok: false; issues: CorpusIssue[] };

/** Parses and validates one case file's text. Never throws. */
export function parseCaseFile(text: string, file: string): ParsedCaseFile {
  let raw: unknown;
  try {
    raw = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof TomlError) {
      const msg = (e.message.split("\n")[0] ?? e.message).trim();
      return {
        ok: false,
        issues: [{ file, line: e.line, column: e.column, code: "toml-syntax", message: msg }],
      };
    }
    return {
      ok: false,
      issues: [{ file, code: "toml-syntax", message: String((e as Error)?.message ?? e) }],
    };
  }
  return validateCase(raw, file);
}

/** Validates a parsed case document: schema, test ids, expectations and test scenarios. Never throws. */
export function validateCase(raw: unknown, file: string): ParsedCaseFile {
  const parsed = CaseSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        file,
        path: formatZodPath(i.path),
        code: "case-invalid",
        message: i.message,
      })),
    };
  }
  const c = parsed.data;
  const issues: CorpusIssue[] = [];
  const seenTests = new Set<string>();
  c.tests.forEach((t, i) => {
    if (seenTests.has(t.id)) {
      issues.push({
        file,
        path: `tests[${i}].id`,
        code: "duplicate-test-id",
        message: `duplicate test id '${t.id}'`,
      });
    }
    seenTests.add(t.id);
    for (const [p, msg] of expectationIssues(t.expect)) {
      issues.push({ file, path: `tests[${i}].expect.${p}`, code: "expect-invalid", message: msg });
    }
    for (const [ed, ex] of Object.entries(t.expect_by_edition ?? {})) {
      for (const [p, msg] of expectationIssues(ex ?? {})) {
        issues.push({
          file,
          path: `tests[${i}].expect_by_edition.${ed}.${p}`,
          code: "expect-invalid",
          message: msg,
        });
      }
    }
  });
  for (const e of expansionIssues(c)) issues.push({ file, ...e, code: "scenario-invalid" });
  return issues.length ? { ok: false, issues } : { ok: true, case: c };
}

async function listTomlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".toml"))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

/**
 * Loads every `*.toml` below `dir` (default: the repository's conformance/cases), one case per
 * file. Throws a CorpusError that lists every problem, located by file and line/column or path.
 */
export async function loadCorpus(dir: string = defaultCasesDir()): Promise<Case[]> {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) {
    throw new CorpusError([{ file: dir, code: "cases-dir-missing", message: "no such cases directory" }]);
  }
  const files = await listTomlFiles(dir);
  const issues: CorpusIssue[] = [];
  const cases: Case[] = [];
  const firstFileOfId = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const relPath = relative(dir, file).split(sep).join("/");
    const r = parseCaseFile(text, relPath);
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    const prior = firstFileOfId.get(r.case.id);
    if (prior) {
      issues.push({
        file: relPath,
        path: "id",
        code: "duplicate-case-id",
        message: `case id '${r.case.id}' is already used by ${prior}`,
      });
      continue;
    }
    firstFileOfId.set(r.case.id, relPath);
    const slash = relPath.indexOf("/");
    setCaseSource(r.case, { file, relPath, area: slash > 0 ? relPath.slice(0, slash) : "root", text });
    cases.push(r.case);
  }
  if (issues.length) throw new CorpusError(issues);
  return cases;
}
