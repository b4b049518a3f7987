import type { Case } from "@codex-policy/spec";

/** Where a loaded case came from. Kept beside the case so `Case` stays the spec type. */
export interface CaseSource {
  /** Absolute file path. */
  file: string;
  /** Path relative to the corpus directory, with forward slashes. */
  relPath: string;
  /** First directory below the corpus directory, or `root` for files directly in it. */
  area: string;
  /** The file's text, for hashing. */
  text: string;
}

const sources = new WeakMap<Case, CaseSource>();

export function caseSource(c: Case): CaseSource | undefined {
  return sources.get(c);
}

/** Registers where a case came from (the loader does this; tests may for in-memory cases). */
export function setCaseSource(c: Case, src: CaseSource): void {
  sources.set(c, src);
}
