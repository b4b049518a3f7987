import type { Behaviour } from "../editions.js";
import { debugName, fallbackWarning, notInAllowedSet, reviewerDebug, valueNotAllowed } from "../messages.js";
import type { Diagnostics } from "../model.js";

/** How a release treats a value the requirements disallow. */
export type ConstraintBehaviour = Pick<
  Behaviour,
  | "disallowed"
  | "fallbackWarnings"
  | "sandboxWarningField"
  | "profileEntryMissingPath"
  | "refusalNamesField"
  | "autoReviewerDebug"
  | "trustDefaultFallbackWarns"
>;

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
  /** The requirements layer id, for a refusal. */
  layerId: string;
  /** How releases before the `permission_profile` wording name the field and the fallback. */
  older?: { field: string; fallbackDebug(value: string): string };
  fallback(allowed: string[]): string;
  fallbackDebug(value: string, release: ConstraintBehaviour): string;
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

/**
 * Keeps an allowed candidate. Otherwise, as the release does: refuses it, or falls back, warning
 * when the value was configured. Returns null after a refusal.
 */
export function applyConstraint(
  c: Candidate,
  k: Constraint,
  diag: Diagnostics,
  release: ConstraintBehaviour,
): Resolved | null {
  if (!k.allowed || k.allowed.includes(c.value)) return { value: c.value, origin: c.origin, fellBack: false };
  const named = (v: string) => reviewerDebug(v, release);
  const candidate = named(debugName(c.value));
  const display = k.display.map(named);
  const details = notInAllowedSet(k.detailField, candidate, display, k.label);
  // A default that project trust picks is not configured: 0.95-0.98 let it fall back (binary 0.95.0).
  const configured = c.explicit && c.origin !== "trust-default";
  const refuse =
    release.disallowed === "refuse-any" || (release.disallowed === "refuse-configured" && configured);
  if (refuse) {
    diag.fail({
      code: "requirement-disallowed",
      layer: k.layerId,
      message: release.refusalNamesField ? details : valueNotAllowed(candidate, display),
    });
    return null;
  }
  const value = k.fallback(k.allowed);
  const older = release.sandboxWarningField === "sandbox_mode" ? k.older : undefined;
  // A sandbox default that project trust picks falls back silently before 0.128 (binary 0.120.0, 0.125.0).
  const quietTrust = c.origin === "trust-default" && !release.trustDefaultFallbackWarns;
  if (release.fallbackWarnings && !quietTrust && (c.explicit || k.alwaysWarn)) {
    const message = fallbackWarning(
      older?.field ?? k.field,
      named(older ? older.fallbackDebug(value) : k.fallbackDebug(value, release)),
      details,
    );
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
      message: `${c.explicit ? "The configured" : "The default"} ${k.detailField} \`${c.value}\` is not allowed; Codex uses \`${value}\` without a warning.`,
    });
  }
  return { value, origin: "requirements", fellBack: true };
}
