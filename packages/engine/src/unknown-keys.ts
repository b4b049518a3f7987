import { configFeature, featureAlias } from "./areas.js";
import { KNOWN_CONFIG_KEYS, KNOWN_MCP_SERVER_KEYS } from "./config/known-keys.js";
import type { EditionSpec } from "./editions.js";
import {
  type IgnoredKey,
  legacyConfigLabel,
  requirementsLabel,
  unrecognizedSettingsWarning,
} from "./messages.js";
import type { ConfigLayer, Diagnostics, RequirementLayer } from "./model.js";
import { requirementKeySet } from "./requirements/collect.js";
import { KNOWN_REQUIREMENT_KEYS } from "./requirements/fields.js";
import { ignoredRequirementKeys } from "./requirements/validate.js";
import { isTable, type TomlTable } from "./toml.js";

/** How Codex names a config layer in the unrecognized-settings warning. */
function configLabel(layer: ConfigLayer): string | null {
  switch (layer.kind) {
    case "system":
      return `system (${layer.label})`;
    case "user":
      return `user (${layer.label})`;
    case "project":
      return `project (${layer.label})`;
    case "session":
      return "session-flags";
    case "legacy":
      return legacyConfigLabel(layer.label);
    case "mdm-config":
      return layer.label;
    default:
      return null; // a selected profile is reported through its file's `profiles.<name>` keys
  }
}

/** Keys of a config `[features]` table that name no feature Codex knows. */
function unknownFeatureKeys(table: unknown, prefix: string): string[] {
  return isTable(table)
    ? Object.keys(table)
        // A legacy alias config cannot set still counts as known (it draws a deprecation notice).
        .filter((k) => !configFeature(k) && featureAlias(k)?.alias.requirements !== "legacy")
        .map((k) => `${prefix}.${k}`)
    : [];
}

/** Dotted paths of config keys Codex does not know: top level, profile keys and MCP server keys. */
function ignoredConfigKeys(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (!KNOWN_CONFIG_KEYS.has(k)) {
      out.push(k);
      continue;
    }
    if (k === "features") out.push(...unknownFeatureKeys(v, "features"));
    if (k === "profiles" && isTable(v)) {
      for (const [p, body] of Object.entries(v)) {
        if (!isTable(body)) continue;
        for (const key of Object.keys(body))
          if (!KNOWN_CONFIG_KEYS.has(key)) out.push(`profiles.${p}.${key}`);
        out.push(...unknownFeatureKeys(body.features, `profiles.${p}.features`));
      }
    }
    if (k === "mcp_servers" && isTable(v)) {
      for (const [name, server] of Object.entries(v)) {
        if (!isTable(server)) continue;
        for (const key of Object.keys(server)) {
          if (!KNOWN_MCP_SERVER_KEYS.has(key)) out.push(`mcp_servers.${name}.${key}`);
        }
      }
    }
  }
  return out;
}

/** One combined warning for every key Codex ignores, across requirements and managed config. */
export function warnIgnoredKeys(
  req: RequirementLayer[],
  config: ConfigLayer[],
  diag: Diagnostics,
  known: ReadonlySet<string> = KNOWN_REQUIREMENT_KEYS,
): void {
  const keys: IgnoredKey[] = [];
  for (const layer of req) {
    if (layer.kind === "legacy" || layer.kind === "mdm-legacy") continue;
    for (const key of ignoredRequirementKeys(layer, known))
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
    const label = configLabel(layer);
    if (label) for (const key of ignoredConfigKeys(layer.doc)) keys.push({ label, key });
  }
  if (keys.length > 0) diag.warn("unrecognized-settings", unrecognizedSettingsWarning(keys));
}

/**
 * Dotted paths of the keys a release does not read in one policy document, whether or not the release
 * warns about them: requirements keys outside its vocabulary, or unknown config keys.
 */
export function unrecognizedKeys(
  kind: "requirements" | "config",
  doc: TomlTable,
  release: Pick<EditionSpec, "requirementKeys">,
): string[] {
  if (kind === "config") return ignoredConfigKeys(doc);
  const layer: RequirementLayer = {
    kind: "system",
    source: "system",
    label: "",
    layerId: "system.requirements",
    doc,
  };
  return ignoredRequirementKeys(layer, requirementKeySet(release.requirementKeys));
}

/** The keys a release knows at the top of a policy document, for suggesting a misspelled key. */
export function knownTopLevelKeys(
  kind: "requirements" | "config",
  release: Pick<EditionSpec, "requirementKeys">,
): ReadonlySet<string> {
  return kind === "config" ? KNOWN_CONFIG_KEYS : requirementKeySet(release.requirementKeys);
}
