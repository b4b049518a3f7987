/** Where a finding points in a policy file: 1-based line and column, and the end of the marked token. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type KeyPath = readonly (string | number)[];

const HEADER = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const bare = (k: string) => k.replace(/^"(.*)"$/, "$1").replace(/^'(.*)'$/, "$1");
const splitKey = (k: string) => k.split(".").map((x) => bare(x.trim()));

function offsetToSpan(text: string, start: number, width: number): Span {
  const before = text.slice(0, start);
  const line = before.split("\n").length;
  const column = start - before.lastIndexOf("\n");
  return { line, column, endLine: line, endColumn: column + Math.max(1, width) };
}

/** The offset where each line starts. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") out.push(i + 1);
  return out;
}

export interface LocateOptions {
  /** A deeper table header (`[mcp_servers.docs.identity]` for `mcp_servers.docs`) counts as the path's place. */
  deeperHeaders?: boolean;
}

/**
 * Where `path` is written: a table header, a key in its table (also as a dotted key), the n-th
 * `[[array]]` table, or the n-th element of an inline array. Null when the text does not spell it.
 */
export function locateKey(text: string, path: KeyPath, opts: LocateOptions = {}): Span | null {
  if (path.length === 0) return null;
  const starts = lineStarts(text);
  const lines = text.split("\n");
  const names = path.map(String);
  const last = path[path.length - 1];
  if (typeof last === "number") {
    const parent = path.slice(0, -1) as string[];
    const tables = arrayTables(lines, parent.join("."));
    const header = tables[last];
    if (header !== undefined)
      return offsetToSpan(
        text,
        starts[header]! + lines[header]!.indexOf("["),
        2 + parent.join(".").length + 2,
      );
    const at = locateKey(text, parent, opts);
    if (!at) return null;
    const element = nthElement(text, starts[at.line - 1]! + at.column - 1, last);
    return element ? offsetToSpan(text, element.start, element.width) : at;
  }
  let table = "";
  for (const [i, l] of lines.entries()) {
    const h = HEADER.exec(l);
    if (h) {
      table = splitKey(h[2]!).join(".");
      if (table === names.join(".") || (opts.deeperHeaders && table.startsWith(`${names.join(".")}.`)))
        return offsetToSpan(text, starts[i]! + l.indexOf("["), l.trimEnd().length - l.indexOf("["));
      continue;
    }
    const m =
      /^(\s*)((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/.exec(l);
    if (!m) continue;
    const full = [...(table ? table.split(".") : []), ...splitKey(m[2]!)];
    const want = names.join(".");
    if (full.join(".") === want || full.join(".").startsWith(`${want}.`))
      return offsetToSpan(text, starts[i]! + m[1]!.length, m[2]!.length);
  }
  return null;
}

/** Line indexes of the `[[name]]` headers, in order. */
function arrayTables(lines: string[], name: string): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    const h = HEADER.exec(l);
    if (h && h[1] === "[[" && splitKey(h[2]!).join(".") === name) out.push(i);
  });
  return out;
}

/** The n-th element of the inline array whose key starts at `from`. */
function nthElement(text: string, from: number, n: number): { start: number; width: number } | null {
  const open = text.indexOf("[", text.indexOf("=", from));
  if (open < 0) return null;
  let depth = 0;
  let index = -1;
  let start = -1;
  let quote: string | null = null;
  let expecting = true;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (depth === 1 && expecting && !/[\s,\]]/.test(c)) {
      index++;
      expecting = false;
      if (index === n) start = i;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 1 && start >= 0) return { start, width: i + 1 - start };
      if (depth === 0) return start >= 0 ? { start, width: i - start } : null;
    } else if (c === "," && depth === 1) {
      if (start >= 0) return { start, width: text.slice(start, i).trimEnd().length };
      expecting = true;
    }
  }
  return null;
}

/** A span for the whole first line, when nothing better is known. */
export function fileStart(text: string): Span {
  const first = text.split("\n")[0] ?? "";
  return { line: 1, column: 1, endLine: 1, endColumn: Math.max(2, first.trimEnd().length + 1) };
}

/** The span of a 1-based line and column reported by a parser. */
export function pointSpan(line: number, column: number): Span {
  return { line, column, endLine: line, endColumn: column + 1 };
}
