import { configFeature } from "../areas.js";
import { locateValue } from "../config/locate.js";
import { configured } from "../config/stack.js";
import type { Behaviour } from "../editions.js";
import { checkFeatureValue } from "../features/tables.js";
import { CONFIG_UNTRUSTED_APPROVAL, invalidType, legacyProfileError, unknownVariant } from "../messages.js";
import type { ConfigLayer, Diagnostics } from "../model.js";
import { APPROVAL_SPELLINGS, TABLE_APPROVAL_VARIANTS } from "../requirements/fields.js";
import { isTable, serdeType } from "../toml.js";

/** What a release accepts in config files. */
export type ConfigBehaviour = Pick<
  Behaviour,
  "configUntrustedFatal" | "approvalModes" | "webSearchModes" | "reviewers"
>;

const ALL_VARIANTS: Record<string, readonly string[]> = {
  approval_policy: ["untrusted", "on-failure", "on-request", "never"],
  sandbox_mode: ["read-only", "workspace-write", "danger-full-access"],
  web_search: ["disabled", "cached", "indexed", "live"],
  approvals_reviewer: ["user", "auto_review", "guardian_subagent"],
};

const variantsCache = new WeakMap<ConfigBehaviour, Record<string, readonly string[]>>();
/** The config enum spellings a release accepts, in the order its errors list them. */
function configVariants(release: ConfigBehaviour): Record<string, readonly string[]> {
  let v = variantsCache.get(release);
  if (!v) {
    v = {
      ...ALL_VARIANTS,
      approval_policy: APPROVAL_SPELLINGS.filter((m) => release.approvalModes.includes(m)),
      web_search: ALL_VARIANTS.web_search!.filter((m) => release.webSearchModes.includes(m)),
      approvals_reviewer: ALL_VARIANTS.approvals_reviewer!.filter((r) => release.reviewers.includes(r)),
    };
    variantsCache.set(release, v);
  }
  return v;
}

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
      if (!spec) continue;
      const check = checkFeatureValue(spec.key, v);
      if (check.kind !== "refused") continue;
      return {
        path: [...prefix, k],
        message: check.tableFeature
          ? "data did not match any variant of untagged enum FeatureToml"
          : invalidType(serdeType(v), "a boolean"),
      };
    }
  }
  return null;
}

/** The highest layer that sets `path` (layers are merged before Codex reads them). */
const owner = (layers: ConfigLayer[], path: string[]): ConfigLayer | undefined =>
  configured(layers, path.join("."))?.layer;

/**
 * Config-level refusals: removed settings and values Codex cannot read. Codex merges the config
 * layers before reading them, so only the value that wins is checked, against the layer it came from
 * (a user `approval_policy = "untrusted"` under a legacy `never` is fine: fuzz seed 7002).
 */
export function checkConfigLayers(layers: ConfigLayer[], diag: Diagnostics, release: ConfigBehaviour): void {
  const profileOwner = owner(
    layers.filter((l) => l.kind !== "session" && l.kind !== "profile"),
    ["profile"],
  );
  const profile = profileOwner?.doc.profile;
  if (profileOwner && typeof profile === "string") {
    diag.fail({
      code: "config-legacy-profile",
      layer: profileOwner.layerId,
      message: legacyProfileError(profile),
    });
    return;
  }
  for (const [key, variants] of Object.entries(configVariants(release))) {
    const layer = owner(layers, [key]);
    if (!layer) continue;
    const v = layer.doc[key];
    if (key === "approval_policy" && isTable(v)) continue; // granular form
    if (key === "approval_policy" && v === "untrusted" && release.configUntrustedFatal) {
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
    if (key === "approval_policy" && TABLE_APPROVAL_VARIANTS.includes(v) && variants.includes(v)) {
      failAt(layer, [key], "invalid-type", invalidType("unit variant", "newtype variant"), diag);
      return;
    }
    if (!variants.includes(v)) {
      failAt(layer, [key], "unknown-variant", unknownVariant(v, variants), diag);
      return;
    }
  }
  for (const layer of [...layers].reverse()) {
    const feature = badFeature(layer);
    if (feature && owner(layers, feature.path) === layer) {
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
  release: ConfigBehaviour,
): void {
  const variants = configVariants(release);
  const pairs: [string, string | undefined, readonly string[]][] = [
    ["approval_policy", thread.approval_policy, variants.approval_policy!],
    ["approvals_reviewer", thread.approvals_reviewer, variants.approvals_reviewer!],
    ["sandbox", thread.sandbox, variants.sandbox_mode!],
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
