/** The enforcement areas of issue 3, re-exported for the resolver. */
import { unknownMcpSubkeys } from "./mcp/validate.js";
import { unknownRulesSubkeys } from "./rules/validate.js";

/**
 * Dotted paths (from the document root) of keys Codex ignores with its unrecognized-settings
 * warning. Unknown feature keys have their own warning and unknown hook events are silent.
 */
export function unknownRequirementSubkeys(field: "features" | "mcp_servers" | "rules" | "hooks", value: unknown): string[] {
  if (field === "mcp_servers") return unknownMcpSubkeys(value);
  if (field === "rules") return unknownRulesSubkeys(value);
  return [];
}

export type { FieldIssue } from "./features/validate.js";
export { validateFeaturesRequirement } from "./features/validate.js";
export { resolveFeatures, featureEnabled, pinnedWebSearchMode, type FeaturesInput } from "./features/resolve.js";
export { FEATURES, featureSpec, featureAlias, configFeature, type FeatureSpec, type FeatureAlias } from "./features/catalogue.js";
export { layersLabel, fieldLabel } from "./features/source-label.js";
export { validateMcpRequirement } from "./mcp/validate.js";
export { applyMcpAllowlist, type McpInput } from "./mcp/allowlist.js";
export { parseIdentity, type McpIdentity } from "./mcp/identity.js";
export { validateRulesRequirement } from "./rules/validate.js";
export { validateComposedRules, type ManagedRule, type ManagedDecision } from "./rules/compose.js";
export { parseUserRules, type UserRule, type UserDecision } from "./rules/user-rules.js";
export { evaluateCommands, rejectionMessage, PROMPT_UNDER_NEVER, APPROVAL_REQUEST_FAILED, type EvaluateContext } from "./rules/evaluate.js";
export { splitCommand } from "./rules/shell.js";
export { validateHooksRequirement } from "./hooks/validate.js";
export { composeHooks, type HookLayerInput } from "./hooks/compose.js";
export { resolveHooks, type HooksInput } from "./hooks/resolve.js";
export { HOOK_EVENTS } from "./hooks/events.js";
export { selectCloud, stripCloudLoginKeys, CLOUD_LOAD_FAILED, CLOUD_LOGIN_KEYS, type CloudLayerText } from "./cloud/select.js";
export { decodeMdm, MDM_REQUIREMENTS_LABEL, MDM_CONFIG_LABEL } from "./mdm/decode.js";
