import type { Finding } from "../finding.js";

/** The findings as JSON, for scripts: every field, suppressed findings included and marked. */
export function json(
  findings: readonly Finding[],
  opts: { targets: readonly string[]; files: number },
): string {
  const open = findings.filter((f) => !f.suppressed);
  const count = (s: Finding["severity"]) => open.filter((f) => f.severity === s).length;
  return `${JSON.stringify(
    {
      targets: opts.targets,
      files: opts.files,
      summary: {
        errors: count("error"),
        warnings: count("warning"),
        notes: count("note"),
        suppressed: findings.length - open.length,
      },
      findings,
    },
    null,
    2,
  )}\n`;
}
