import { CODES } from "../catalogue.js";
import type { Finding } from "../finding.js";

export interface SarifOptions {
  toolVersion: string;
  /** Makes artifact URIs relative to this directory (as code scanning expects), when given. */
  relativeTo?: (file: string) => string;
}

const uri = (p: string) => p.split(/[\\/]/).map(encodeURIComponent).join("/");

/** A SARIF 2.1.0 log: one run, the catalogue as the rules, one result per finding. */
export function sarif(findings: readonly Finding[], opts: SarifOptions): string {
  const index = new Map(CODES.map((c, i) => [c.code, i]));
  const rules = CODES.map((c) => ({
    id: c.code,
    name: c.code.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: c.title },
    fullDescription: { text: c.why },
    help: { text: `${c.why}\n\nFix: ${c.fix}`, markdown: `${c.why}\n\n**Fix:** ${c.fix}` },
    defaultConfiguration: { level: c.severity },
    properties: { tags: ["codex", "policy"] },
  }));
  const results = findings.map((f) => {
    const s = f.span;
    const releases = f.releases ? ` (Codex ${f.releases})` : "";
    return {
      ruleId: f.code,
      ruleIndex: index.get(f.code) ?? -1,
      level: f.severity,
      message: { text: f.message + releases },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(opts.relativeTo ? opts.relativeTo(f.file) : f.file) },
            region: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn },
          },
        },
      ],
      ...(f.suppressed
        ? {
            suppressions: [
              {
                kind: f.suppressed.by === "comment" ? "inSource" : "external",
                ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
              },
            ],
          }
        : {}),
      ...(f.fix?.edits
        ? {
            fixes: [
              {
                description: { text: f.fix.description },
                artifactChanges: [
                  {
                    artifactLocation: { uri: uri(opts.relativeTo ? opts.relativeTo(f.file) : f.file) },
                    replacements: f.fix.edits.map((e) => ({
                      deletedRegion: {
                        startLine: e.span.line,
                        startColumn: e.span.column,
                        endLine: e.span.endLine,
                        endColumn: e.span.endColumn,
                      },
                      insertedContent: { text: e.text },
                    })),
                  },
                ],
              },
            ],
          }
        : {}),
      properties: { editions: f.editions },
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "codex-policy",
            semanticVersion: opts.toolVersion,
            version: opts.toolVersion,
            rules,
          },
        },
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
