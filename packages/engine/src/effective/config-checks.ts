import { configFeature } from "../areas.js";
import { locateValue } from "../config/locate.js";
import { CONFIG_UNTRUSTED_APPROVAL, invalidType, legacyProfileError, unknownVariant } from "../messages.js";
import type { ConfigLayer, Diagnostics } from "../model.js";
import { isTable, serdeType } from "../toml.js";

const CONFIG_VARIANTS: Record<string, readonly string[]> = {
  approval_policy: ["untrusted", "on-failure", "on-request", "never"],
  sandbox_mode: ["read-only", "workspace-write", "danger-full-access"],
  web_search: ["disabled", "cached", "indexed", "live"],
  approvals_reviewer: ["user", "auto_review", "guardian_subagent"],
};

/** Features whose config value may also be a table of settings. */
const TABLE_FEATURES = new Set(["multi_agent_v2", "network_proxy", "apps_mcp_path_override"]);

/** Codex reports a config value it cannot deserialize as `<file>:<line>:<col>: <message>`. */
function failAt(layer: ConfigLayer, path: string[], code: string, message: string, diag: Diagnostics): void {
  const at = locateValue(layer.text, path);
  diag.fail({
    code,
    layer: layer.layerId,
    message: `${layer.label}${at ? `:${at.line}:${at.column}` : ""}: ${message}`,
    ...(at ?? {}),
  });
}

/** The first `[features]` value of the wrong type, if any (also inside profiles). */
function badFeature(layer: ConfigLayer): { path: string[]; message: string } | null {
  const tables: [string[], unknown][] = [[["features"], layer.doc.features]];
  if (isTable(layer.doc.profiles)) {
    for (const [p, body] of Object.entries(layer.doc.profiles)) {
      if (isTable(body)) tables.push([["profiles", p, "features"], body.features]);
    }
  }
  for (const [prefix, table] of tables) {
    if (!isTable(table)) continue;
    for (const [k, v] of Object.entries(table)) {
      const spec = configFeature(k);
      if (!spec || typeof v === "boolean") continue;
      if (TABLE_FEATURES.has(spec.key)) {
        if (!isTable(v)) return { path: [...prefix, k], message: "data did not match any variant of untagged enum FeatureToml" };
      } else {
        return { path: [...prefix, k], message: invalidType(serdeType(v), "a boolean") };
      }
    }
  }
  return null;
}

/** Config-level refusals: removed settings and values Codex cannot parse. */
export function checkConfigLayers(layers: ConfigLayer[], diag: Diagnostics): void {
  for (const layer of layers) {
    const profile = layer.doc.profile;
    if (typeof profile === "string" && layer.kind !== "session" && layer.kind !== "profile") {
      diag.fail({
        code: "config-legacy-profile",
        layer: layer.layerId,
        message: legacyProfileError(profile),
      });
      return;
    }
    for (const [key, variants] of Object.entries(CONFIG_VARIANTS)) {
      const v = layer.doc[key];
      if (v === undefined) continue;
      if (key === "approval_policy" && isTable(v)) continue; // granular form
      if (key === "approval_policy" && v === "untrusted") {
        diag.fail({
          code: "config-approval-untrusted",
          layer: layer.layerId,
          message: CONFIG_UNTRUSTED_APPROVAL,
        });
        return;
      }
      if (typeof v !== "string") {
        failAt(layer, [key], "invalid-type", "wanted string or table", diag);
        return;
      }
      if (!variants.includes(v)) {
        failAt(layer, [key], "unknown-variant", unknownVariant(v, variants), diag);
        return;
      }
    }
    const feature = badFeature(layer);
    if (feature) {
      failAt(layer, feature.path, "invalid-type", feature.message, diag);
      return;
    }
  }
}

/** Thread parameters a client passes to thread/start; invalid ones are rejected by the server. */
export function checkThreadParams(
  thread: {
    approval_policy?: string | undefined;
    approvals_reviewer?: string | undefined;
    sandbox?: string | undefined;
  },
  diag: Diagnostics,
): void {
  const pairs: [string, string | undefined, readonly string[]][] = [
    ["approval_policy", thread.approval_policy, CONFIG_VARIANTS.approval_policy!],
    ["approvals_reviewer", thread.approvals_reviewer, CONFIG_VARIANTS.approvals_reviewer!],
    ["sandbox", thread.sandbox, CONFIG_VARIANTS.sandbox_mode!],
  ];
  for (const [key, v, variants] of pairs) {
    if (v !== undefined && !variants.includes(v)) {
      diag.fail({
        code: "unknown-variant",
        layer: "thread",
        message: `${unknownVariant(v, variants)}\nin \`${key}\``,
      });
      return;
    }
  }
}
