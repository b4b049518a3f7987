import type { Finding } from "../finding.js";

const LEVELS = { error: "error", warning: "warning", note: "notice" } as const;
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one annotation per finding, shown inline in the pull request. */
export function github(findings: readonly Finding[]): string {
  return findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const s = f.span;
      const props = [
        `file=${property(f.file)}`,
        `line=${s.line}`,
        `col=${s.column}`,
        `endLine=${s.endLine}`,
        ...(s.endLine === s.line ? [`endColumn=${s.endColumn}`] : []),
        `title=${property(`codex-policy ${f.code}`)}`,
      ].join(",");
      const releases = f.releases ? ` (Codex ${f.releases})` : "";
      return `::${LEVELS[f.severity]} ${props}::${data(f.message + releases)}\n`;
    })
    .join("");
}
