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
