/** One located problem in a corpus file. */
export interface CorpusIssue {
  file: string;
  /** Path inside the case, e.g. `tests[2].scenario.host.os`. */
  path?: string;
  line?: number;
  column?: number;
  code: string;
  message: string;
}

export function formatIssue(i: CorpusIssue): string {
  const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
  const at = i.path ? ` at ${i.path}` : "";
  return `${where}${at}: ${i.message} [${i.code}]`;
}

/** The corpus (or a policy repo's scenario tests) failed to load. Every issue is located. */
export class CorpusError extends Error {
  readonly code = "corpus-invalid";
  constructor(readonly issues: CorpusIssue[]) {
    super(
      issues.length === 1
        ? formatIssue(issues[0]!)
        : `${issues.length} corpus problems:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
    );
  }
}

/** The harness could not start or talk to an adapter at all (exit code 3). */
export class AdapterStartError extends Error {
  /** Exit 3 by default; a path the user gave that is no Codex binary is a usage error (exit 2). */
  constructor(
    message: string,
    readonly code: string = "adapter-start",
    readonly exitCode: 2 | 3 = 3,
  ) {
    super(message);
  }
}
