/**
 * A small shell reader: splits a command line on `&&`, `||`, `;` and `|` outside quotes and
 * turns each part into argv words (single quotes literal, double quotes with backslash escapes).
 */
export function splitCommand(line: string): string[][] {
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
  return segments;
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
