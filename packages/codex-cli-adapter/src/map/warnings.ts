import type { OutcomeWarning, WarningCode } from "@codex-policy/spec";

/** Warnings about this machine, not about the scenario. */
const ENVIRONMENT_NOISE = [/^Codex could not find bubblewrap on PATH\./, /could not create PATH aliases/];

export function isEnvironmentNoise(text: string): boolean {
  return ENVIRONMENT_NOISE.some((re) => re.test(text));
}

const CLASSIFIERS: [RegExp, WarningCode][] = [
  [/^Configured value for `/, "requirement-fallback"],
  [/^Codex is ignoring \d+ unrecognized configuration setting/, "unrecognized-settings"],
  [/^Ignoring unknown `features` requirement/, "unknown-feature-requirement"],
  [/^Using legacy `features` requirement/, "legacy-feature-requirement"],
  [/^Ignoring removed `features` requirement/, "removed-feature-requirement"],
  [/^Project-local config/, "project-config-disabled"],
  [/^Invalid configuration; using defaults\./, "invalid-configuration"],
];

/** Stable code for a warning text; `unrecognized-warning` when no known template matches. */
export function warningCode(text: string): string {
  for (const [re, code] of CLASSIFIERS) if (re.test(text)) return code;
  return "unrecognized-warning";
}

/** `configWarning` summaries in order, noise removed, exact duplicates kept once. */
export function mapWarnings(summaries: string[]): OutcomeWarning[] {
  const seen = new Set<string>();
  const out: OutcomeWarning[] = [];
  for (const message of summaries) {
    if (isEnvironmentNoise(message) || seen.has(message)) continue;
    seen.add(message);
    out.push({ code: warningCode(message), message });
  }
  return out;
}
