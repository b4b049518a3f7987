import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { setCaseSource, validateCase } from "@codex-policy/harness";
import { locateKey } from "@codex-policy/lint";
import { type Case, LATEST_EDITION } from "@codex-policy/spec";
import { parse, TomlError } from "smol-toml";
import { RepoError, type RepoIssue } from "./errors.js";
import {
  type FileReader,
  type KeyPath,
  type ReadFile,
  resolveReferences,
  type UseKind,
} from "./references.js";

/** Where a repository keeps its scenario tests and its policy files. */
export const TESTS_DIR = "tests";
export const POLICIES_DIR = "policies";

/** A policy file of the repository: one that a test points at, or any `*.toml` under policies/. */
export interface PolicyFile {
  /** Relative to the repository root, with `/`. */
  file: string;
  text: string;
  /** How the tests use it; empty when no test points at it. */
  kinds: UseKind[];
}

export interface PolicyRepo {
  root: string;
  cases: Case[];
  /** Test files, relative to the root. */
  testFiles: string[];
  policies: PolicyFile[];
}

const toPosix = (p: string) => p.split(sep).join("/");

function listToml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".toml"))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads repository files once each, by their path from the root. */
function fileReader(root: string): { read: FileReader; cache: Map<string, ReadFile> } {
  const cache = new Map<string, ReadFile>();
  const read: FileReader = (rel) => {
    const abs = resolve(root, rel);
    const key = toPosix(relative(root, abs));
    if (key.startsWith("../") || key === ".." || isAbsolute(key))
      return { code: "policy-outside-repo", message: "a policy file must sit inside the repository" };
    const hit = cache.get(key);
    if (hit) return hit;
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs);
    } catch {
      return { code: "policy-missing", message: "no such policy file" };
    }
    if (!st.isFile()) return { code: "policy-unreadable", message: "not a regular file" };
    try {
      const bytes = readFileSync(abs);
      const file = { name: key, bytes, text: bytes.toString("utf8") };
      cache.set(key, file);
      return file;
    } catch (e) {
      return { code: "policy-unreadable", message: (e as Error).message };
    }
  };
  return { read, cache };
}

/** `tests[2].scenario.host.os` as a key path. */
function keyPathOf(path: string): KeyPath {
  const out: KeyPath = [];
  for (const part of path.split(".")) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const n of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(n[1]));
  }
  return out;
}

/** Where a key path is spelled, looking inside the n-th `[[tests]]` block for a test's own keys. */
function locateOnce(text: string, path: KeyPath): { line: number; column: number } | null {
  if (path[0] === "tests" && typeof path[1] === "number" && path.length > 2) {
    const lines = text.split("\n");
    const starts = lines.flatMap((l, i) => (/^\s*\[\[\s*tests\s*\]\]/.test(l) ? [i] : []));
    const from = starts[path[1]];
    if (from === undefined) return null;
    const block = lines.slice(from, starts[path[1] + 1] ?? lines.length).join("\n");
    const at = locateKey(block, ["tests", ...path.slice(2)]);
    return at ? { line: at.line + from, column: at.column } : null;
  }
  return locateKey(text, path);
}

/** The line and column of the longest prefix of `path` the text spells out. */
function locate(text: string | undefined, path: KeyPath): { line?: number; column?: number } {
  if (text === undefined) return {};
  for (let n = path.length; n > 0; n--) {
    const at = locateOnce(text, path.slice(0, n));
    if (at) return { line: at.line, column: at.column };
  }
  return {};
}

/** A test file may leave out what the corpus format requires for provenance. */
function withDefaults(raw: Record<string, unknown>, rel: string): void {
  const slug = rel
    .replace(/^tests\//, "")
    .replace(/\.toml$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "");
  raw.id ??= slug || "test";
  raw.description ??= raw.id;
  raw.editions ??= [LATEST_EDITION];
  raw.evidence ??= [rel];
  raw.scenario ??= {};
}

/**
 * Loads a policy repository: every `*.toml` under tests/ is a scenario test in the corpus case
 * format, where a document can be `{ file = "policies/requirements.toml" }`. Throws a RepoError
 * that locates every problem (file, line, column); reads nothing outside what the tests name.
 */
export function loadPolicyRepo(dir: string): PolicyRepo {
  const root = resolve(dir);
  if (!isDirectory(root)) {
    const exists = (() => {
      try {
        statSync(root);
        return true;
      } catch {
        return false;
      }
    })();
    throw new RepoError([
      exists
        ? { file: dir, code: "repo-not-directory", message: "not a directory" }
        : { file: dir, code: "repo-missing", message: "no such directory" },
    ]);
  }
  const testsDir = join(root, TESTS_DIR);
  if (!isDirectory(testsDir))
    throw new RepoError([
      {
        file: dir,
        code: "repo-no-tests",
        message: `no ${TESTS_DIR}/ directory (codex-policy init scaffolds a policy repository)`,
      },
    ]);
  const files = listToml(testsDir);
  if (files.length === 0)
    throw new RepoError([{ file: `${TESTS_DIR}/`, code: "repo-no-tests", message: "no *.toml test files" }]);

  const { read, cache } = fileReader(root);
  const issues: RepoIssue[] = [];
  const cases: Case[] = [];
  const kinds = new Map<string, Set<UseKind>>();
  const firstFileOfId = new Map<string, string>();
  const testTexts = new Map<string, string>();
  for (const abs of files) {
    const rel = toPosix(relative(root, abs));
    const text = readFileSync(abs, "utf8");
    testTexts.set(rel, text);
    let raw: unknown;
    try {
      raw = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      const err = e as TomlError;
      const message = (err.message.split("\n")[0] ?? String(e)).trim();
      issues.push({
        file: rel,
        code: "toml-syntax",
        message,
        ...(e instanceof TomlError ? { line: err.line, column: err.column } : {}),
      });
      continue;
    }
    const doc = raw as Record<string, unknown>;
    withDefaults(doc, rel);
    const res = resolveReferences(doc, rel, read);
    for (const u of res.uses) kinds.set(u.file, (kinds.get(u.file) ?? new Set()).add(u.kind));
    for (const { at, ...i } of res.issues) {
      const where = at.file === rel ? text : cache.get(at.file)?.text;
      issues.push({
        file: at.file,
        ...(at.file === rel && at.path.length ? { path: pathText(at.path) } : {}),
        ...locate(where, at.path),
        ...i,
      });
    }
    if (res.issues.length) continue;
    const v = validateCase(doc, rel);
    if (!v.ok) {
      for (const i of v.issues)
        issues.push({ ...(i.path ? locate(text, keyPathOf(i.path)) : {}), ...i, file: rel });
      continue;
    }
    const prior = firstFileOfId.get(v.case.id);
    if (prior) {
      issues.push({
        file: rel,
        ...locate(text, ["id"]),
        code: "duplicate-case-id",
        message: `test id '${v.case.id}' is already used by ${prior}`,
      });
      continue;
    }
    firstFileOfId.set(v.case.id, rel);
    const area = rel.split("/").length > 2 ? rel.split("/")[1]! : "tests";
    setCaseSource(v.case, { file: abs, relPath: rel, area, text });
    cases.push(v.case);
  }
  if (issues.length) throw new RepoError(issues);

  const policies = new Map<string, PolicyFile>();
  for (const [file, used] of kinds) {
    policies.set(file, { file, text: cache.get(file)!.text, kinds: [...used].sort() });
  }
  const policiesDir = join(root, POLICIES_DIR);
  if (isDirectory(policiesDir)) {
    for (const abs of listToml(policiesDir)) {
      const file = toPosix(relative(root, abs));
      if (!policies.has(file)) policies.set(file, { file, text: readFileSync(abs, "utf8"), kinds: [] });
    }
  }
  return {
    root,
    cases,
    testFiles: [...testTexts.keys()],
    policies: [...policies.values()].sort((a, b) => a.file.localeCompare(b.file)),
  };
}

function pathText(path: KeyPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
