/** Unquoted characters that make a word more than a plain word (expansions, globs, redirections, …). */
const OPAQUE_UNQUOTED = new Set(["~", "$", "*", "?", "[", "]", "{", "}", "^", "`", "(", ")", "<", ">", "\\"]);
/** Inside double quotes, expansions do the same. */
const OPAQUE_IN_DOUBLE = new Set(["$", "`"]);

export interface ReadCommand {
  segments: string[][];
  /**
   * The line uses shell syntax beyond plain words, quotes and the `&&` `||` `;` `|` separators.
   * Codex then matches no rule against any part of it (binary 0.169.0: `ls -la HEAD~1`, `ls -la *.txt`,
   * `ls -la "$(pwd)"`, `ls -la > out`, `ls -la &` all escape a `ls -la` rule), though its own
   * checks still read the words.
   */
  opaque: boolean;
}

/** `splitCommand` with the opacity verdict. */
export function readCommand(line: string): ReadCommand {
  let opaque = false;
  const segments: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endSegment = (): void => {
    endWord();
    if (words.length > 0) segments.push(words);
    words = [];
  };
  const s = typeof line === "string" ? line : "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote === null && (OPAQUE_UNQUOTED.has(c) || (c === "#" && !inWord))) opaque = true;
    if (quote === '"' && OPAQUE_IN_DOUBLE.has(c)) opaque = true;
    if (quote === null && c === "&" && s[i + 1] !== "&" && s[i - 1] !== "&") opaque = true;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1]!)) word += s[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < s.length) {
      word += s[++i];
      inWord = true;
    } else if (c === " " || c === "\t") {
      endWord();
    } else if (c === "\n" || c === ";") {
      endSegment();
    } else if (c === "&" && s[i + 1] === "&") {
      endSegment();
      i++;
    } else if (c === "|") {
      endSegment();
      if (s[i + 1] === "|") i++;
    } else {
      word += c;
      inWord = true;
    }
  }
  endSegment();
  return { segments, opaque };
}

/**
 * A small shell reader: splits a command line on `&&`, `||`, `;` and `|` outside quotes and
 * turns each part into argv words (single quotes literal, double quotes with backslash escapes).
 */
export function splitCommand(line: string): string[][] {
  return readCommand(line).segments;
}

const SAFE_WORD = /^[A-Za-z0-9_\-./=:,+@%^]+$/;

/** Quotes one word the way the rejection text shows it (`'rm -rf ./x'`). */
export function shellQuote(w: string): string {
  if (w !== "" && SAFE_WORD.test(w)) return w;
  if (!w.includes("'")) return `'${w}'`;
  return `"${w.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** Rust `{:?}` of a string. */
export function rustDebugString(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " " || ch === "\u007f") out += `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}
