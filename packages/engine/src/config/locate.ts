/** 1-based line and column of the value of `path` (e.g. ["features", "x"]) in TOML text, best effort. */
export function locateValue(
  text: string | undefined,
  path: string[],
): { line: number; column: number } | null {
  if (!text || path.length === 0) return null;
  const key = path[path.length - 1]!;
  const table = path.slice(0, -1).join(".");
  const whole = path.join(".");
  const lines = text.split(/\r?\n/);
  let current = "";
  const keyRe = new RegExp(`^\\s*("?)${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1\\s*=\\s*`);
  for (const [i, l] of lines.entries()) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(l);
    if (header) {
      current = header[1]!.replace(/\s+/g, "");
      // A table written as a header is located at its `[`.
      if (current === whole) return { line: i + 1, column: l.indexOf("[") + 1 };
      continue;
    }
    if (current !== table) continue;
    const m = keyRe.exec(l);
    if (m) return { line: i + 1, column: m[0].length + 1 };
  }
  return null;
}

/** Where a deserializer error points: its line, column and the width of the token it marks. */
export interface ErrorSpan {
  line: number;
  column: number;
  width: number;
}

/** The length of the TOML value token that starts `s` (a string, an array or table, a scalar). */
function tokenWidth(s: string): number {
  const q = s[0];
  if (q === '"' || q === "'") {
    for (let i = 1; i < s.length; i++) {
      if (q === '"' && s[i] === "\\") i++;
      else if (s[i] === q) return i + 1;
    }
    return s.length;
  }
  if (q === "[" || q === "{") {
    const close = q === "[" ? "]" : "}";
    let depth = 0;
    let quote: string | null = null;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === q) depth++;
      else if (c === close && --depth === 0) return i + 1;
    }
    return s.trimEnd().length;
  }
  const m = /^[^\s,\]}#]+/.exec(s);
  return m ? m[0].length : 1;
}

/**
 * The token a deserializer error on the value at `at` marks: the element an unknown variant names
 * (binary 0.130.0: `"sometimes"` in `["sometimes"]`, on its own line when the array spans lines),
 * otherwise the whole value.
 */
export function errorSpan(text: string, at: { line: number; column: number }, message: string): ErrorSpan {
  const lines = text.split(/\r?\n/);
  const variant = /^unknown variant `([^`]*)`/.exec(message)?.[1];
  if (variant !== undefined) {
    for (let i = at.line - 1; i < Math.min(lines.length, at.line + 50); i++) {
      const from = i === at.line - 1 ? at.column - 1 : 0;
      for (const q of ['"', "'"]) {
        const c = lines[i]!.indexOf(`${q}${variant}${q}`, from);
        if (c >= 0) return { line: i + 1, column: c + 1, width: variant.length + 2 };
      }
    }
  }
  const rest = (lines[at.line - 1] ?? "").slice(at.column - 1);
  return { ...at, width: tokenWidth(rest) };
}
