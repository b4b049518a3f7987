import type { RequirementEntry } from "@codex-policy/spec";
import { parse } from "smol-toml";
import { snakeCase } from "./values.js";

/** Startup-config names whose Outcome key is not plain snake_case. */
const RENAMED: Record<string, string> = { featureRequirements: "features" };

/** Requirement fields that the legacy managed_config.toml can also produce, by the config key that produces them. */
const LEGACY_FED: Record<string, string> = {
  allowed_approval_policies: "approval_policy",
  allowed_sandbox_modes: "sandbox_mode",
  allowed_approvals_reviewers: "approvals_reviewer",
};

function topLevelKeys(text: string | undefined): Set<string> | null {
  if (text === undefined) return new Set();
  try {
    return new Set(Object.keys(parse(text)));
  } catch {
    return null;
  }
}

/**
 * `configRequirements.requirements` (non-null fields) → Outcome requirements. The binary reports no
 * per-field source; `source` is `system` or `legacy` when only one file could have set the field, and
 * the field's source path is returned in `unobserved` otherwise.
 */
export function mapRequirements(
  reported: Record<string, unknown>,
  files: { requirements?: string; managed_config?: string },
): { requirements: Record<string, RequirementEntry>; unobserved: string[] } {
  const requirements: Record<string, RequirementEntry> = {};
  const unobserved: string[] = [];
  const legacyKeys = topLevelKeys(files.managed_config);
  for (const [camel, value] of Object.entries(reported)) {
    if (value === null || value === undefined) continue;
    const key = RENAMED[camel] ?? snakeCase(camel);
    let source: string;
    if (files.requirements !== undefined && files.managed_config === undefined) source = "system";
    else if (files.requirements === undefined && files.managed_config !== undefined) source = "legacy";
    else {
      const legacyKey = LEGACY_FED[key];
      const legacyMaySet = legacyKey !== undefined && (legacyKeys === null || legacyKeys.has(legacyKey));
      source = legacyMaySet ? "legacy" : "system";
      if (legacyMaySet) unobserved.push(`requirements.${key}.source`);
    }
    requirements[key] = { value, source };
  }
  return { requirements, unobserved };
}
