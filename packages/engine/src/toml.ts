import { parse, TomlError } from "smol-toml";
import { BARE_WORD, diagnoseToml } from "./toml-diagnose.js";

export type TomlTable = Record<string, unknown>;

export interface TomlParseFailure {
  ok: false;
  code: "toml-syntax" | "invalid-utf8";
  message: string;
  line?: number;
  column?: number;
  /** An unclosed array or inline table: where releases before 0.154 place the error. */
  atEnd?: { line: number; column: number };
}
export type TomlParseResult = { ok: true; doc: TomlTable } | TomlParseFailure;

const CACHE_LIMIT = 512;
const cache = new Map<string, TomlParseResult>();

/**
 * Parses a layer document. Never throws. A UTF-8 BOM is accepted, as Codex accepts it.
 * Results are memoized by text and deep-frozen, so callers must treat documents as read-only.
 */
export function parseToml(text: string): TomlParseResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = deepFreeze(parseUncached(text));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}

/**
 * Cached documents and stage results are shared by every later Outcome, so nothing may change them.
 * Under the test runner (or with CODEX_POLICY_FREEZE=1) they are deep-frozen, so a mutation anywhere
 * fails loudly; elsewhere freezing is skipped, as it cost about half of a cold resolution (issue 17).
 */
const FREEZE =
  typeof process !== "undefined" &&
  (process.env.VITEST !== undefined || process.env.CODEX_POLICY_FREEZE === "1");

export function deepFreeze<T>(v: T): T {
  if (!FREEZE) return v;
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function parseUncached(text: string): TomlParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const doc = parse(src, { integersAsBigInt: false }) as TomlTable;
    return { ok: true, doc: plain(doc) as TomlTable };
  } catch (e) {
    if (e instanceof TomlError) {
      const d = diagnoseToml(src);
      if (d) return { ok: false, code: "toml-syntax", ...d };
      const at = src.split(/\r?\n/)[e.line - 1]?.[e.column - 1];
      return {
        ok: false,
        code: "toml-syntax",
        message: rustWording(e.message, at),
        line: e.line,
        column: e.column,
      };
    }
    return { ok: false, code: "toml-syntax", message: String((e as Error)?.message ?? e) };
  }
}

/** Where a release reports a syntax error: before 0.154 an unclosed array or inline table sits at the end of input. */
export function syntaxErrorAt(
  r: TomlParseFailure,
  release: { tomlErrorAtEnd: boolean },
): { line?: number; column?: number } {
  if (release.tomlErrorAtEnd && r.atEnd) return r.atEnd;
  return {
    ...(r.line !== undefined ? { line: r.line } : {}),
    ...(r.column !== undefined ? { column: r.column } : {}),
  };
}

/** smol-toml's first message line, worded like the Rust parser Codex uses where the two correspond. */
function rustWording(message: string, at: string | undefined): string {
  const first = (message.split("\n")[0] ?? message).replace(/^Invalid TOML document: /, "");
  if (/redefine an already defined/.test(first)) return "duplicate key";
  if (first === "invalid value" && at && /[A-Za-z_-]/.test(at)) {
    return BARE_WORD[at] ?? "string values must be quoted, expected literal string";
  }
  return first;
}

/** Converts TOML dates to ISO strings so documents are plain JSON-like data. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") {
    const out: TomlTable = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

export function isTable(v: unknown): v is TomlTable {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Codex's config merge: tables merge key by key, anything else is replaced by the higher value. */
export function deepMerge(low: TomlTable, high: TomlTable): TomlTable {
  const out: TomlTable = { ...low };
  for (const [k, hv] of Object.entries(high)) {
    const lv = out[k];
    out[k] = isTable(lv) && isTable(hv) ? deepMerge(lv, hv) : hv;
  }
  return out;
}

/** TOML type names as serde reports them in "invalid type" errors. */
export function serdeType(v: unknown): string {
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  if (typeof v === "boolean") return `boolean \`${v}\``;
  if (typeof v === "number") return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  if (Array.isArray(v)) return "sequence";
  if (isTable(v)) return "map";
  return "unit value";
}

/** Byte order of UTF-8 strings, as Rust sorts `String`s and `BTreeMap` keys. */
export const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
