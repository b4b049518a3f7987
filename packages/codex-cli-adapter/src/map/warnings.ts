import type { OutcomeWarning, WarningCode } from "@codex-policy/spec";

/** Warnings about this machine, not about the scenario. */
const ENVIRONMENT_NOISE = [
  /^Codex could not find (system )?bubblewrap (on PATH|at \S+)\./,
  /could not create PATH aliases/,
];

export function isEnvironmentNoise(text: string): boolean {
  return ENVIRONMENT_NOISE.some((re) => re.test(text));
}

const CLASSIFIERS: [RegExp, WarningCode][] = [
  [/^Configured value for `/, "requirement-fallback"],
  [/^Credential masking is inactive because the network proxy is disabled/, "credential-masking-inactive"],
  [
    /^Permissions profile `[^`]+` does not define any recognized filesystem entries/,
    "permission-profile-empty",
  ],
  [
    /^Configured filesystem path `:[^`]*` .*is not recognized by this version of Codex/,
    "filesystem-path-unknown",
  ],
  [/^Codex is ignoring \d+ unrecognized configuration setting/, "unrecognized-settings"],
  [/^Ignoring unknown `features` requirement/, "unknown-feature-requirement"],
  [/^Using legacy `features` requirement/, "legacy-feature-requirement"],
  [/^Ignoring removed `features` requirement/, "removed-feature-requirement"],
  // The older wording (0.100.0) names only config.toml.
  [
    /^Project-local config|^Project config\.toml files are disabled|^The following config folders are disabled/,
    "project-config-disabled",
  ],
  [/^Invalid configuration; using defaults\./, "invalid-configuration"],
  [/^`\[features\]\.multi_agent` is deprecated\./, "multi-agent-deprecated"],
  [/^Error parsing rules; custom rules not applied\./, "user-rules-invalid"],
];

/** Stable code for a warning text; `unrecognized-warning` when no known template matches. */
export function warningCode(text: string): string {
  for (const [re, code] of CLASSIFIERS) if (re.test(text)) return code;
  return "unrecognized-warning";
}

/**
 * `configWarning` summaries in order, then `deprecationNotice`s (summary and details on two lines),
 * which Codex sends after them; noise removed, exact duplicates kept once.
 */
export function mapWarnings(summaries: string[], deprecations: string[] = []): OutcomeWarning[] {
  const seen = new Set<string>();
  const out: OutcomeWarning[] = [];
  const add = (code: string, message: string) => {
    if (isEnvironmentNoise(message) || seen.has(message)) return;
    seen.add(message);
    out.push({ code, message });
  };
  for (const message of summaries) add(warningCode(message), message);
  for (const message of deprecations) add("deprecated-feature", message);
  return out;
}
