import { debugName, fallbackWarning, notInAllowedSet } from "../messages.js";
import type { Diagnostics } from "../model.js";

export interface Candidate {
  value: string;
  /** Set by config, a flag or thread params (warned on fallback), or a default (silent). */
  explicit: boolean;
  /** Where the value came from: a config layer kind, `thread`, `default` or `trust-default`. */
  origin: string;
}

export interface Constraint {
  /** Field named in the warning's headline. */
  field: string;
  /** Field named in the details. */
  detailField: string;
  /** Allowed values, already normalized; null when unconstrained. */
  allowed: string[] | null;
  /** The allowed set as Codex prints it. */
  display: string[];
  /** The requirements layer label for `(set by …)`. */
  label: string;
  /** The requirements source id for notices. */
  source: string;
  fallback(allowed: string[]): string;
  fallbackDebug(value: string): string;
  /** When true, a fallback warns even for defaults. */
  alwaysWarn?: boolean;
}

export interface Resolved {
  value: string;
  origin: string;
  fellBack: boolean;
}

/** A fallback the user is told about: the warning, and the notice that explains it. */
export function reportFallback(
  diag: Diagnostics,
  f: { field: string; configured: string; effective: string; source: string | null; message: string },
): void {
  diag.warn("requirement-fallback", f.message);
  diag.notice({ kind: "fallback", ...f });
}

/** Keeps an allowed candidate; otherwise falls back, warning when the value was configured. */
export function applyConstraint(c: Candidate, k: Constraint, diag: Diagnostics): Resolved {
  if (!k.allowed || k.allowed.includes(c.value)) return { value: c.value, origin: c.origin, fellBack: false };
  const value = k.fallback(k.allowed);
  const details = notInAllowedSet(k.detailField, debugName(c.value), k.display, k.label);
  if (c.explicit || k.alwaysWarn) {
    const message = fallbackWarning(k.field, k.fallbackDebug(value), details);
    reportFallback(diag, {
      field: k.detailField,
      configured: c.value,
      effective: value,
      source: k.source,
      message,
    });
  } else {
    diag.notice({
      kind: "silent-fallback",
      field: k.detailField,
      configured: c.value,
      effective: value,
      source: k.source,
      message: `The default ${k.detailField} \`${c.value}\` is not allowed; Codex uses \`${value}\` without a warning.`,
    });
  }
  return { value, origin: "requirements", fellBack: true };
}
