/** One located problem in a policy repository: a test file, or a policy file a test points at. */
export interface RepoIssue {
  /** Path relative to the repository root (or as given, for the root itself). */
  file: string;
  line?: number;
  column?: number;
  /** Where in the test, e.g. `tests[1].scenario.system.requirements`. */
  path?: string;
  code: string;
  message: string;
}

export function formatRepoIssue(i: RepoIssue): string {
  const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
  return `${where}${i.path ? ` at ${i.path}` : ""}: ${i.message} [${i.code}]`;
}

/** The repository's tests could not be loaded. Every issue is located; the first one leads. */
export class RepoError extends Error {
  constructor(readonly issues: RepoIssue[]) {
    super(formatRepoIssue(issues[0]!));
  }
  get code(): string {
    return this.issues[0]!.code;
  }
}
