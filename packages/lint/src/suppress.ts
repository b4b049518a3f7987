/** `# codex-policy: ignore CODE[,CODE] reason` on a finding's line, or alone on the line above it. */
const DIRECTIVE = /#\s*codex-policy:\s*ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)(?:\s+(.*))?$/;

export interface Suppression {
  codes: string[];
  reason?: string;
  /** The 1-based line the directive covers. */
  line: number;
  /** Where the directive itself is written. */
  at: number;
}

/** Every suppression comment in a file, with the line each covers. */
export function suppressions(text: string): Suppression[] {
  const lines = text.split("\n");
  const out: Suppression[] = [];
  lines.forEach((l, i) => {
    const m = DIRECTIVE.exec(l);
    if (!m) return;
    const alone = l.trimStart().startsWith("#");
    const codes = m[1]!.split(",").map((c) => c.trim());
    const reason = m[2]?.trim();
    out.push({
      codes,
      ...(reason ? { reason } : {}),
      line: alone ? nextContentLine(lines, i) : i + 1,
      at: i + 1,
    });
  });
  return out;
}

function nextContentLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t !== "" && !t.startsWith("#")) return j + 1;
  }
  return i + 1;
}
