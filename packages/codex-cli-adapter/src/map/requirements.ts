import type { RequirementEntry } from "@codex-policy/spec";
import { parse } from "smol-toml";
import { snakeCase } from "./values.js";

/** Startup-config names whose Outcome key is not plain snake_case. */
const RENAMED: Record<string, string> = { featureRequirements: "features" };

/** Top-level requirements.toml keys that can produce an Outcome field, besides the field's own name. */
const ALSO_SET_BY: Record<string, string[]> = {
  network: ["experimental_network"],
  allowed_windows_sandbox_implementations: ["windows"],
  features: ["feature_requirements"],
  allowed_sandbox_modes: ["remote_sandbox_config"],
};

/** Requirement fields the legacy managed_config.toml produces, by the config key that produces them. */
const LEGACY_FED: Record<string, string> = {
  allowed_approval_policies: "approval_policy",
  allowed_sandbox_modes: "sandbox_mode",
  allowed_approvals_reviewers: "approvals_reviewer",
};

/** The reported network table in requirements.toml spelling: snake_case keys, unset (null) fields left out. */
function snakeTable(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [snakeCase(k), v]),
  );
}

/** Marker for a source the binary does not show; the path is listed in `unobserved`. */
export const SOURCE_UNOBSERVED = "(unobserved)";

function topLevelKeys(text: string | undefined): Set<string> | null {
  if (text === undefined) return new Set();
  try {
    return new Set(Object.keys(parse(text.replace(/^\uFEFF/, ""))));
  } catch {
    return null;
  }
}

/**
 * `configRequirements.requirements` (non-null fields) → Outcome requirements. The binary reports no
 * per-field source. A source is given only when exactly one file names the field (`system` for
 * requirements.toml, `legacy` for managed_config.toml); otherwise (both, neither — e.g. the
 * `allowed_login_methods` default — or unparsable text) it is `(unobserved)` and listed in `unobserved`.
 */
export function mapRequirements(
  reported: Record<string, unknown>,
  files: { requirements?: string; managed_config?: string },
): { requirements: Record<string, RequirementEntry>; unobserved: string[] } {
  const requirements: Record<string, RequirementEntry> = {};
  const unobserved: string[] = [];
  const reqKeys = topLevelKeys(files.requirements);
  const legacyKeys = topLevelKeys(files.managed_config);
  for (const [camel, value] of Object.entries(reported)) {
    if (value === null || value === undefined) continue;
    const key = RENAMED[camel] ?? snakeCase(camel);
    const inReq = reqKeys === null ? null : [key, ...(ALSO_SET_BY[key] ?? [])].some((k) => reqKeys.has(k));
    const legacyKey = LEGACY_FED[key];
    const inLegacy = legacyKey === undefined ? false : legacyKeys === null ? null : legacyKeys.has(legacyKey);
    let source = SOURCE_UNOBSERVED;
    if (inReq === true && inLegacy === false) source = "system";
    else if (inReq === false && inLegacy === true) source = "legacy";
    if (source === SOURCE_UNOBSERVED) unobserved.push(`requirements.${key}.source`);
    requirements[key] = { value: key === "network" ? snakeTable(value) : value, source };
  }
  return { requirements, unobserved };
}
