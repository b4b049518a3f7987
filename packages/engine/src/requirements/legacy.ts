import type { OutcomeError } from "@codex-policy/spec";
import type { EditionSpec } from "../editions.js";
import { invalidType, serdeFieldError, unknownVariant } from "../messages.js";
import type { TomlTable } from "../toml.js";
import { APPROVAL_VARIANTS, REVIEWER_VARIANTS, SANDBOX_VARIANTS } from "./fields.js";

const VARIANTS = {
  approval_policy: APPROVAL_VARIANTS,
  sandbox_mode: SANDBOX_VARIANTS,
  approvals_reviewer: REVIEWER_VARIANTS,
} as const;

/** The requirement each legacy managed_config key turns into. */
export const LEGACY_REQUIREMENT_FIELDS: Readonly<Record<string, string>> = {
  approval_policy: "allowed_approval_policies",
  sandbox_mode: "allowed_sandbox_modes",
  approvals_reviewer: "allowed_approvals_reviewers",
};

/**
 * Reads the legacy managed_config keys as requirements: approval X allows [X]; sandbox M
 * allows read-only plus M; reviewer R allows [R] (auto_review also keeps user).
 */
export function legacyRequirements(
  config: TomlTable,
  edition: EditionSpec,
  layerId: string,
): { doc: TomlTable } | { error: OutcomeError } {
  const doc: TomlTable = {};
  for (const key of edition.legacyRequirementKeys) {
    const v = config[key];
    if (v === undefined) continue;
    const all: readonly string[] = VARIANTS[key as keyof typeof VARIANTS] ?? [];
    const variants = key === "approvals_reviewer" ? all.filter((r) => edition.reviewers.includes(r)) : all;
    const problem =
      typeof v !== "string"
        ? invalidType("unit variant", "string only")
        : !variants.includes(v)
          ? unknownVariant(v, variants)
          : null;
    if (problem) {
      const message = `Failed to parse config requirements as TOML: ${serdeFieldError(problem, key)}`;
      return {
        error: { code: typeof v !== "string" ? "invalid-type" : "unknown-variant", layer: layerId, message },
      };
    }
    const value = v as string;
    if (key === "approval_policy") doc[LEGACY_REQUIREMENT_FIELDS.approval_policy!] = [value];
    if (key === "sandbox_mode") {
      doc[LEGACY_REQUIREMENT_FIELDS.sandbox_mode!] =
        edition.legacySandbox === "only-value" || value === "read-only" ? [value] : ["read-only", value];
    }
    if (key === "approvals_reviewer") {
      doc[LEGACY_REQUIREMENT_FIELDS.approvals_reviewer!] = value === "user" ? ["user"] : [value, "user"];
    }
  }
  return { doc };
}
