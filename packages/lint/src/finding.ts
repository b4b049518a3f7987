import type { PolicyKind } from "./kinds.js";
import type { Span } from "./locate.js";

export const SEVERITIES = ["error", "warning", "note"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);

/** A mechanical fix: replace the text of `span` with `text`. */
export interface Edit {
  span: Span;
  text: string;
}

export interface Fix {
  description: string;
  /** Present when `--fix` can apply the fix by itself. */
  edits?: Edit[];
}

/** One finding, located, after the targets have been merged. */
export interface Finding {
  code: string;
  severity: Severity;
  file: string;
  kind: PolicyKind;
  span: Span;
  message: string;
  fix?: Fix;
  /** The targeted editions the finding holds for. */
  editions: string[];
  /** The same as prose (`0.110–0.123`), when the finding holds for some targets only. */
  releases?: string;
  /** Set when an inline comment or the baseline suppresses it. */
  suppressed?: { by: "comment" | "baseline"; reason?: string };
}
