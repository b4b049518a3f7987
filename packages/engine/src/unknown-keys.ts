import {
  type IgnoredKey,
  legacyConfigLabel,
  requirementsLabel,
  unrecognizedSettingsWarning,
} from "./messages.js";
import type { ConfigLayer, Diagnostics, RequirementLayer } from "./model.js";
import { ignoredRequirementKeys } from "./requirements/validate.js";
import { isTable } from "./toml.js";

/** Keys that only mean something in requirements.toml; a config layer ignores them. */
const REQUIREMENT_ONLY_CONFIG_KEYS = [
  "allowed_approval_policies",
  "allowed_approvals_reviewers",
  "allowed_sandbox_modes",
  "allowed_web_search_modes",
  "remote_sandbox_config",
  "allow_managed_hooks_only",
  "feature_requirements",
  "command_rules",
];

function ignoredConfigKeys(layer: ConfigLayer): string[] {
  const out = REQUIREMENT_ONLY_CONFIG_KEYS.filter((k) => layer.doc[k] !== undefined);
  const servers = layer.doc.mcp_servers;
  if (isTable(servers)) {
    for (const [name, s] of Object.entries(servers)) {
      if (isTable(s) && s.identity !== undefined) out.push(`mcp_servers.${name}.identity`);
    }
  }
  return out;
}

/** One combined warning for every key Codex ignores, across requirements and managed config. */
export function warnIgnoredKeys(req: RequirementLayer[], config: ConfigLayer[], diag: Diagnostics): void {
  const keys: IgnoredKey[] = [];
  for (const layer of req) {
    if (layer.kind === "legacy" || layer.kind === "mdm-legacy") continue;
    for (const key of ignoredRequirementKeys(layer))
      keys.push({ label: requirementsLabel(layer.label), key });
    if (layer.doc.command_rules !== undefined) {
      diag.notice({
        kind: "blog-command-rules",
        field: "command_rules",
        source: layer.source,
        message:
          '`[[command_rules]]` is not Codex syntax and enforces nothing; write `[rules] prefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }]` instead.',
      });
    }
  }
  for (const layer of config) {
    if (layer.kind !== "legacy") continue;
    for (const key of ignoredConfigKeys(layer)) keys.push({ label: legacyConfigLabel(layer.label), key });
  }
  if (keys.length > 0) diag.warn("unrecognized-settings", unrecognizedSettingsWarning(keys));
}
