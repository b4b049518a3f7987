import type { CloudReport, LayerId, Scenario } from "@codex-policy/spec";
import type { EditionSpec } from "../editions.js";
import type { Diagnostics } from "../model.js";
import type { TomlTable } from "../toml.js";

/** Codex's fail-closed text when the bundle cannot be loaded (spec-from-source §8.4). */
export const CLOUD_LOAD_FAILED = "Failed to load cloud config bundle (workspace-managed policies).";

/** Auth keys a cloud layer may not set; Codex deletes them before validation. */
export const CLOUD_LOGIN_KEYS = [
  "allowed_login_methods",
  "allowed_chatgpt_workspaces",
  "cli_auth_credentials_store",
  "chatgpt_base_url",
] as const;

export function stripCloudLoginKeys(doc: TomlTable): TomlTable {
  const out: TomlTable = {};
  if (typeof doc !== "object" || doc === null) return out;
  for (const [k, v] of Object.entries(doc))
    if (!(CLOUD_LOGIN_KEYS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

export interface CloudLayerText {
  text: string;
  source: string;
  label: string;
  layerId: LayerId;
}

type Picked = { layer: CloudLayerText; rule: string } | { layer: undefined; rule: null };

/** First group rule sharing a group with the identity, else the default policy. */
function pick(scenario: Scenario): Picked {
  const cloud = scenario.cloud;
  const groups = new Set(Array.isArray(scenario.identity?.groups) ? scenario.identity.groups : []);
  const rules = Array.isArray(cloud?.rules) ? cloud.rules : [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (Array.isArray(r.groups) && r.groups.some((g) => groups.has(g))) {
      return {
        rule: r.name,
        layer: {
          text: String(r.requirements ?? ""),
          source: `cloud:${r.name}`,
          label: `enterprise-managed requirements ${r.name} (rule-${i})`,
          layerId: `cloud.rules.${i}`,
        },
      };
    }
  }
  if (typeof cloud?.default === "string") {
    return {
      rule: "default",
      layer: {
        text: cloud.default,
        source: "cloud",
        label: "enterprise-managed requirements default (default)",
        layerId: "cloud.default",
      },
    };
  }
  return { layer: undefined, rule: null };
}

/**
 * Decides whether a cloud requirements layer applies and which path Codex takes to get it:
 * a valid cache, a fetch, or, when there is no valid cache and the fetch fails, refusal
 * (codex-0.169, fail closed) or skipping the layer (documented, fail open).
 */
export function selectCloud(
  scenario: Scenario,
  edition: EditionSpec,
  diag: Diagnostics,
): { layer?: CloudLayerText; report: CloudReport } {
  const identity = scenario?.identity;
  const plans = Array.isArray(edition?.cloudPlans) ? edition.cloudPlans : [];
  if (identity?.auth !== "chatgpt" || !identity.plan || !plans.includes(identity.plan)) {
    const why =
      identity?.auth !== "chatgpt"
        ? `auth is ${String(identity?.auth ?? "none")}, not a ChatGPT sign-in`
        : `plan ${String(identity.plan ?? "(none)")} is not one of ${plans.join(", ")}`;
    if (scenario?.cloud) {
      diag.notice({
        kind: "cloud-ineligible",
        field: null,
        source: "cloud",
        message: `No cloud requirements layer: ${why}.`,
      });
    }
    return { report: { path: "ineligible", rule: null, reason: why } };
  }
  const cloud = scenario.cloud;
  if (!cloud) return { report: { path: "absent", rule: null, reason: "the scenario has no cloud policy" } };
  const picked = pick(scenario);
  const cache = cloud.cache ?? "missing";
  if (cache === "valid") {
    diag.notice({
      kind: "cloud-cache",
      field: null,
      source: "cloud",
      message: "Cloud requirements came from a valid local cache; no fetch.",
    });
    return {
      ...(picked.layer ? { layer: picked.layer } : {}),
      report: { path: "cache", rule: picked.rule, reason: "valid cache used without a fetch" },
    };
  }
  const fetch = cloud.fetch ?? "ok";
  if (fetch === "ok") {
    diag.notice({
      kind: "cloud-cache",
      field: null,
      source: "cloud",
      message: `Cloud cache ${cache}; requirements were fetched.`,
    });
    return {
      ...(picked.layer ? { layer: picked.layer } : {}),
      report: { path: "fetched", rule: picked.rule, reason: `cache ${cache}, fetched from the service` },
    };
  }
  const reason = `cache ${cache} and the fetch failed (${fetch})`;
  if (edition.cloudFailure === "refuse") {
    diag.fail({ code: "cloud-fetch-failed", layer: "cloud", message: CLOUD_LOAD_FAILED });
    return { report: { path: "refused", rule: picked.rule, reason } };
  }
  diag.notice({
    kind: "cloud-skipped",
    field: null,
    source: "cloud",
    message: `Cloud requirements were skipped: ${reason}; Codex continues without the cloud layer.`,
  });
  return { report: { path: "skipped", rule: picked.rule, reason } };
}
