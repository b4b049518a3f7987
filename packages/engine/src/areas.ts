/** The enforcement areas of issue 3, re-exported for the resolver. */
import { unknownMcpSubkeys } from "./mcp/validate.js";
import { unknownPluginSubkeys } from "./plugins/validate.js";
import { unknownRulesSubkeys } from "./rules/validate.js";

/**
 * Dotted paths (from the document root) of keys Codex ignores with its unrecognized-settings
 * warning. Unknown feature keys have their own warning and unknown hook events are silent.
 */
export function unknownRequirementSubkeys(
  field: "features" | "mcp_servers" | "rules" | "hooks" | "plugins",
  value: unknown,
): string[] {
  if (field === "mcp_servers") return unknownMcpSubkeys(value);
  if (field === "plugins") return unknownPluginSubkeys(value);
  if (field === "rules") return unknownRulesSubkeys(value);
  return [];
}

export {
  CLOUD_LOAD_FAILED,
  CLOUD_LOGIN_KEYS,
  type CloudLayerText,
  selectCloud,
  stripCloudLoginKeys,
} from "./cloud/select.js";
export {
  configFeature,
  FEATURES,
  type FeatureAlias,
  type FeatureSpec,
  featureAlias,
  featureSpec,
} from "./features/catalogue.js";
export { credentialMaskingInactive } from "./features/credential-masking.js";
export { featureDeprecationNotices, multiAgentDeprecated } from "./features/deprecations.js";
export {
  type FeaturesInput,
  featureEnabled,
  resolveFeatures,
} from "./features/resolve.js";
export { fieldLabel, layersLabel } from "./features/source-label.js";
export type { FieldIssue } from "./features/validate.js";
export { validateFeaturesRequirement } from "./features/validate.js";
export { composeHooks, type HookLayerInput } from "./hooks/compose.js";
export { HOOK_EVENTS } from "./hooks/events.js";
export { type HooksInput, resolveHooks } from "./hooks/resolve.js";
export { validateHooksRequirement } from "./hooks/validate.js";
export { applyMcpAllowlist, checkMcpAllowlist, type McpInput } from "./mcp/allowlist.js";
export { type McpIdentity, parseIdentity } from "./mcp/identity.js";
export { validateMcpRequirement } from "./mcp/validate.js";
export { decodeMdm, MDM_CONFIG_LABEL, MDM_REQUIREMENTS_LABEL } from "./mdm/decode.js";
export { validatePluginsRequirement } from "./plugins/validate.js";
export { type ManagedDecision, type ManagedRule, validateComposedRules } from "./rules/compose.js";
export {
  APPROVAL_REQUEST_FAILED,
  type CommandRelease,
  commandRelease,
  type EvaluateContext,
  evaluateCommands,
  NEWEST_COMMAND_RELEASE,
  PROMPT_UNDER_NEVER,
  rejectionMessage,
} from "./rules/evaluate.js";
export { splitCommand } from "./rules/shell.js";
export { parseUserRules, type UserDecision, type UserRule } from "./rules/user-rules.js";
export { validateRulesRequirement } from "./rules/validate.js";
