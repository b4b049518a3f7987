import type { Edition } from "@codex-policy/spec";

export type RequirementLayerKind = "system" | "cloud" | "legacy" | "mdm-legacy" | "mdm";

/** An edition is data: one algorithm reads it. */
export interface EditionSpec {
  id: Edition;
  /** Requirement layers from lowest to highest precedence. */
  order: readonly RequirementLayerKind[];
  /**
   * `deep`: Codex's config merge, lowest first (tables key by key, lists and scalars replaced).
   * `first-writer`: the highest layer that sets a top-level field owns all of it.
   */
  merge: "deep" | "first-writer";
  /** What happens when the cloud layer is needed, there is no valid cache and the fetch fails. */
  cloudFailure: "refuse" | "skip";
  /** Plans whose ChatGPT sign-in makes the cloud layer apply. */
  cloudPlans: readonly string[];
  /** Legacy managed_config keys reinterpreted as requirements. */
  legacyRequirementKeys: readonly ("approval_policy" | "sandbox_mode" | "approvals_reviewer")[];
  /** Legacy `sandbox_mode = M`: `with-read-only` allows read-only plus M, `only-value` allows just M. */
  legacySandbox: "with-read-only" | "only-value";
  /** Whether a managed_dir that differs between layers stops Codex. */
  hooksDirConflictFatal: boolean;
  /** Whether the report lists the default login methods whenever requirements exist. */
  reportsDefaultLoginMethods: boolean;
  /**
   * Outside a managed profile allow-list, when a configured `sandbox_mode` beats a configured
   * `default_permissions`: set in a higher layer (binary), or set anywhere (docs).
   */
  sandboxModeBeatsProfile: "higher-layer" | "any-layer";
  /** Whether `[auto_review] required_on_models` forces the automatic reviewer for a configured model. */
  autoReviewRequiredOnModels: boolean;
}

export const EDITIONS: Record<Edition, EditionSpec> = {
  "codex-0.169": {
    id: "codex-0.169",
    order: ["system", "cloud", "legacy", "mdm-legacy", "mdm"],
    merge: "deep",
    cloudFailure: "refuse",
    cloudPlans: ["team", "business", "enterprise", "edu"],
    legacyRequirementKeys: ["approval_policy", "sandbox_mode", "approvals_reviewer"],
    legacySandbox: "with-read-only",
    hooksDirConflictFatal: true,
    reportsDefaultLoginMethods: true,
    sandboxModeBeatsProfile: "higher-layer",
    autoReviewRequiredOnModels: true,
  },
  documented: {
    id: "documented",
    // Docs: cloud, then MDM, then system, then legacy; earlier wins. Lowest first here.
    order: ["legacy", "mdm-legacy", "system", "mdm", "cloud"],
    merge: "first-writer",
    cloudFailure: "skip",
    cloudPlans: ["business", "enterprise"],
    legacyRequirementKeys: ["approval_policy", "sandbox_mode"],
    legacySandbox: "only-value",
    hooksDirConflictFatal: false,
    reportsDefaultLoginMethods: false,
    sandboxModeBeatsProfile: "any-layer",
    autoReviewRequiredOnModels: false,
  },
};
