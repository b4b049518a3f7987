/**
 * Locates and words a TOML syntax error the way the Rust parser Codex uses reports it, for the
 * mistakes policy authors make most: unclosed arrays, inline tables, strings and table headers,
 * missing commas or `=`, empty keys or values, bad escapes and trailing text. Each rule was
 * checked on the 0.169.0 binary. Returns null when the text scans cleanly here (the error is one
 * this scanner does not model, such as a duplicate key), so the caller keeps its own message.
 */
export interface TomlDiagnosis {
  line: number;
  column: number;
  message: string;
  /** An unclosed array or inline table: where the parser of releases before 0.154 reports it. */
  atEnd?: { line: number; column: number };
}

const QUOTE_BARE = "string values must be quoted, expected literal string";
const ESCAPES = new Set(["b", "t", "n", "f", "r", '"', "\\", "e", "u", "U", "x"]);
const BARE_KEY = /[A-Za-z0-9_-]/;
/** What the Rust parser says about an unquoted word, by its first letter. */
export const BARE_WORD: Record<string, string> = {
  t: "invalid boolean, expected `true`",
  f: "invalid boolean, expected `false`",
  i: "invalid float, expected `inf`",
  n: "invalid float, expected `nan`",
};
const SCALAR =
  /^(?:[+-]?(?:inf|nan)|true|false|[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d[\d_]*)?)|\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

class Stop {
  constructor(
    readonly at: number,
    readonly message: string,
    /** Where the parser of releases before 0.154 reports an unclosed array or inline table. */
    readonly olderAt?: number,
  ) {}
}

export function diagnoseToml(src: string): TomlDiagnosis | null {
  let pos = 0;
  const ch = (i = pos) => src[i];
  const eol = (i = pos) => i >= src.length || src[i] === "\n" || src.startsWith("\r\n", i);
  const fail = (at: number, message: string, olderAt?: number): never => {
    throw new Stop(at, message, olderAt);
  };
  /**
   * The older parser reads past the line break an inline table may not span, and past any blank
   * space after it, to the next token or the end (binary 0.100.0-0.150.0).
   */
  const pastBreak = () => {
    if (!eol()) return undefined;
    let i = pos;
    while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
    return i;
  };
  const skipWs = () => {
    while (ch() === " " || ch() === "\t") pos++;
  };
  const skipComment = () => {
    if (ch() === "#") while (!eol()) pos++;
  };
  const skipNewline = () => {
    if (src.startsWith("\r\n", pos)) pos += 2;
    else if (ch() === "\n") pos++;
  };
  /** Whitespace, comments and newlines inside an array; returns the end of the last token seen. */
  const skipArrayGap = (lastEnd: number): number => {
    for (;;) {
      skipWs();
      skipComment();
      if (pos < src.length && eol()) skipNewline();
      else return lastEnd;
    }
  };

  const basicString = () => {
    pos++;
    for (;;) {
      if (eol()) fail(pos, 'invalid basic string, expected `"`');
      const c = ch();
      if (c === '"') {
        pos++;
        return;
      }
      if (c === "\\") {
        if (!ESCAPES.has(ch(pos + 1) ?? ""))
          fail(pos + 1, 'missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `"`, `x`, `u`, `U`');
        pos += 2;
        continue;
      }
      pos++;
    }
  };
  const literalString = () => {
    pos++;
    for (;;) {
      if (eol()) fail(pos, "invalid literal string, expected `'`");
      if (ch() === "'") {
        pos++;
        return;
      }
      pos++;
    }
  };
  const multiline = (quote: string) => {
    const close = src.indexOf(quote.repeat(3), pos + 3);
    if (close < 0) throw new Stop(-1, "");
    pos = close + 3;
    while (ch() === quote) pos++;
  };

  const key = () => {
    for (;;) {
      skipWs();
      const start = pos;
      if (ch() === '"') basicString();
      else if (ch() === "'") literalString();
      else {
        while (pos < src.length && BARE_KEY.test(ch()!)) pos++;
        if (pos === start) fail(pos, "unquoted keys cannot be empty, expected letters, numbers, `-`, `_`");
      }
      skipWs();
      if (ch() !== ".") return;
      pos++;
    }
  };

  const bare = (inArray: boolean) => {
    const start = pos;
    while (pos < src.length && !/[\s#,\]}]/.test(ch()!)) pos++;
    // A local date, a space and a time form one date-time.
    if (/^\d{4}-\d{2}-\d{2}$/.test(src.slice(start, pos)) && /^ \d{2}:/.test(src.slice(pos, pos + 4))) {
      pos++;
      while (pos < src.length && !/[\s#,\]}]/.test(ch()!)) pos++;
    }
    const word = src.slice(start, pos).replace(" ", "T");
    if (word === "") fail(start, QUOTE_BARE);
    if (inArray && /^[A-Za-z_-]/.test(word)) {
      let j = pos;
      while (src[j] === " " || src[j] === "\t") j++;
      if (src[j] === "=") fail(j, "unexpected `=` in array, expected value, `]`");
    }
    if (!SCALAR.test(word)) fail(start, BARE_WORD[word[0]!] ?? QUOTE_BARE);
    // A number and a digit after a space read as a broken date-time.
    if (/^\d/.test(word) && ch() === " " && /\d/.test(ch(pos + 1) ?? "")) fail(start, QUOTE_BARE);
  };

  const value = (inArray: boolean) => {
    const c = ch();
    if (c === '"') return src.startsWith('"""', pos) ? multiline('"') : basicString();
    if (c === "'") return src.startsWith("'''", pos) ? multiline("'") : literalString();
    if (c === "[") return array();
    if (c === "{") return inlineTable();
    return bare(inArray);
  };

  const array = () => {
    pos++;
    let lastEnd = pos;
    for (;;) {
      lastEnd = skipArrayGap(lastEnd);
      if (pos >= src.length) fail(lastEnd, "unclosed array, expected `]`", src.length);
      if (ch() === "]") {
        pos++;
        return;
      }
      value(true);
      lastEnd = skipArrayGap(pos);
      if (pos >= src.length) fail(lastEnd, "unclosed array, expected `]`", src.length);
      if (ch() === ",") {
        pos++;
        lastEnd = pos;
        continue;
      }
      if (ch() === "]") {
        pos++;
        return;
      }
      fail(pos, "missing comma between array elements, expected `,`");
    }
  };

  const inlineTable = () => {
    pos++;
    let lastEnd = pos;
    skipWs();
    if (ch() === "}") {
      pos++;
      return;
    }
    for (;;) {
      if (eol()) fail(lastEnd, "unclosed inline table, expected `}`", pastBreak());
      key();
      if (ch() !== "=") fail(pos, "key with no value, expected `=`");
      pos++;
      skipWs();
      value(false);
      lastEnd = pos;
      skipWs();
      if (ch() === "}") {
        pos++;
        return;
      }
      if (ch() !== ",") fail(lastEnd, "unclosed inline table, expected `}`", pastBreak());
      pos++;
      lastEnd = pos;
    }
  };

  const endOfLine = () => {
    skipWs();
    skipComment();
    if (!eol()) fail(pos, "unexpected key or value, expected newline, `#`");
    skipNewline();
  };

  try {
    while (pos < src.length) {
      skipWs();
      skipComment();
      if (pos >= src.length) break;
      if (eol()) {
        skipNewline();
        continue;
      }
      if (ch() === "[") {
        const double = src.startsWith("[[", pos);
        pos += double ? 2 : 1;
        key();
        const close = double ? "]]" : "]";
        if (!src.startsWith(close, pos)) fail(pos, `unclosed table, expected \`${close}\``);
        pos += close.length;
      } else {
        key();
        if (ch() !== "=") fail(pos, "key with no value, expected `=`");
        pos++;
        skipWs();
        value(false);
      }
      endOfLine();
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.at < 0) return null;
    return {
      ...lineColumn(src, e.at),
      message: e.message,
      ...(e.olderAt !== undefined ? { atEnd: olderLineColumn(src, e.olderAt) } : {}),
    };
  }
  return null;
}

function lineColumn(src: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < src.length; i++) {
    if (src[i] === "\n") {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/** The older parser counts the end of input after a final newline on the line that newline ends. */
function olderLineColumn(src: string, at: number): { line: number; column: number } {
  if (at < src.length || !src.endsWith("\n")) return lineColumn(src, at);
  const { line, column } = lineColumn(src, at - 1);
  return { line, column: column + 1 };
}
