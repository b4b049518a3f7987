import type { Coverage, FileCoverage } from "./coverage.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function fileHeading(f: FileCoverage): string {
  const decided = f.items.filter((i) => i.decidedBy.length > 0).length;
  const use =
    f.kinds.length === 0 ? "no test uses it" : `${f.kinds.join(", ")}; used by ${plural(f.usedBy, "test")}`;
  return `${f.file}  (${use})  ${decided}/${f.items.length}`;
}

/** The readable coverage table: every rule with its place, and the tests it decided or that it never did. */
export function coverageTable(c: Coverage, opts: { color?: boolean } = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = [
    `Policy coverage: ${c.decided} of ${plural(c.items, "rule")} decided at least one test (${c.percent}%)`,
  ];
  for (const f of c.files) {
    lines.push("", fileHeading(f));
    if (f.parseError) lines.push(`  does not parse: ${f.parseError}`);
    else if (f.items.length === 0) lines.push("  (no rules to cover)");
    const where = (i: FileCoverage["items"][number]) =>
      i.line !== undefined ? `${i.line}:${i.column ?? 1}` : "";
    const width = Math.max(0, ...f.items.map((i) => where(i).length));
    const labelWidth = Math.min(48, Math.max(0, ...f.items.map((i) => i.label.length)));
    for (const i of f.items) {
      const hit = i.decidedBy.length > 0;
      const mark = hit ? paint("32", "✓") : paint("31", "✗");
      const note = hit
        ? i.decidedBy.length === 1
          ? i.decidedBy[0]!
          : `${i.decidedBy[0]} and ${plural(i.decidedBy.length - 1, "more test")}`
        : f.kinds.length === 0
          ? "untested: no test loads this file"
          : "never decided a test (dead or untested)";
      lines.push(`  ${mark} ${where(i).padEnd(width)}  ${i.label.padEnd(labelWidth)}  ${note}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Coverage as JSON: the totals, then each file and each rule with the tests it decided. */
export function coverageJson(c: Coverage, min?: number): string {
  return `${JSON.stringify({ ...c, ...(min !== undefined ? { min, ok: c.percent >= min } : {}) }, null, 2)}\n`;
}
