import type { Finding } from "../finding.js";

const COLOURS = { error: "\u001b[31m", warning: "\u001b[33m", note: "\u001b[36m" } as const;
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** Terminal output: one line per finding (`file:line:col severity code message`), then a summary. */
export function readable(findings: readonly Finding[], opts: { colour: boolean; files: number }): string {
  const paint = (s: string, c: string) => (opts.colour ? `${c}${s}${RESET}` : s);
  const lines: string[] = [];
  const shown = findings.filter((f) => !f.suppressed);
  for (const f of shown) {
    const where = `${f.file}:${f.span.line}:${f.span.column}`;
    const releases = f.releases ? ` (Codex ${f.releases})` : "";
    const [first, ...rest] = f.message.split("\n");
    lines.push(`${where}  ${paint(f.severity, COLOURS[f.severity])}  ${f.code}  ${first}${releases}`);
    for (const r of rest) if (r.trim() !== "") lines.push(`    ${r}`);
    if (f.fix) lines.push(paint(`    fix: ${f.fix.description}${f.fix.edits ? " (--fix)" : ""}`, DIM));
  }
  const count = (s: Finding["severity"]) => {
    const n = shown.filter((f) => f.severity === s).length;
    return `${n} ${s}${n === 1 ? "" : "s"}`;
  };
  const hidden = findings.length - shown.length;
  const files = `${opts.files} file${opts.files === 1 ? "" : "s"}`;
  const summary =
    shown.length === 0
      ? `${files} linted, no findings`
      : `${files} linted: ${count("error")}, ${count("warning")}, ${count("note")}`;
  lines.push(hidden > 0 ? `${summary} (${hidden} suppressed)` : summary);
  return `${lines.join("\n")}\n`;
}
