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

/** How each group rule fared against the identity's groups, in rule order. */
export interface GroupRuleVerdict {
  name: string;
  groups: string[];
  matched: boolean;
  applied: boolean;
  why: string;
}

type Picked = ({ layer: CloudLayerText; rule: string } | { layer: undefined; rule: null }) & {
  verdicts: GroupRuleVerdict[];
};

const CACHE_PHRASE: Record<string, string> = {
  missing: "no cache entry",
  expired: "the cache entry expired",
  corrupt: "the cache entry is corrupt",
  "other-identity": "the cache belongs to another identity",
};

/** First group rule sharing a group with the identity, else the default policy. */
function pick(scenario: Scenario): Picked {
  const cloud = scenario.cloud;
  const groups = new Set(Array.isArray(scenario.identity?.groups) ? scenario.identity.groups : []);
  const rules = Array.isArray(cloud?.rules) ? cloud.rules : [];
  const verdicts: GroupRuleVerdict[] = rules.map((r) => {
    const shared = (Array.isArray(r.groups) ? r.groups : []).filter((g) => groups.has(g));
    return {
      name: r.name,
      groups: r.groups,
      matched: shared.length > 0,
      applied: false,
      why: shared.length > 0 ? `identity is in ${shared.join(", ")}` : "identity is in none of its groups",
    };
  });
  const first = verdicts.findIndex((v) => v.matched);
  for (const [i, v] of verdicts.entries()) {
    if (i === first) v.applied = true;
    else if (v.matched) v.why += `, but rule ${first} (${verdicts[first]!.name}) matched first`;
  }
  const r = first >= 0 ? rules[first] : undefined;
  if (r) {
    return {
      verdicts,
      rule: r.name,
      layer: {
        text: String(r.requirements ?? ""),
        source: `cloud:${r.name}`,
        label: `enterprise-managed requirements ${r.name} (rule-${first})`,
        layerId: `cloud.rules.${first}`,
      },
    };
  }
  if (typeof cloud?.default === "string") {
    return {
      verdicts,
      rule: "default",
      layer: {
        text: cloud.default,
        source: "cloud",
        label: "enterprise-managed requirements default (default)",
        layerId: "cloud.default",
      },
    };
  }
  return { verdicts, layer: undefined, rule: null };
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
): { layer?: CloudLayerText; report: CloudReport; groupRules: GroupRuleVerdict[] } {
  const picked = scenario?.cloud ? pick(scenario) : { verdicts: [], layer: undefined, rule: null };
  const groupRules = picked.verdicts;
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
    return { groupRules, report: { path: "ineligible", rule: null, reason: why } };
  }
  const cloud = scenario.cloud;
  if (!cloud) {
    return { groupRules, report: { path: "absent", rule: null, reason: "the scenario has no cloud policy" } };
  }
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
      groupRules,
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
      groupRules,
      report: {
        path: "fetched",
        rule: picked.rule,
        reason: `${CACHE_PHRASE[cache] ?? cache}, fetched from the service`,
      },
    };
  }
  const reason = `${CACHE_PHRASE[cache] ?? cache} and the fetch failed (${fetch})`;
  if (edition.cloudFailure === "refuse") {
    diag.fail({ code: "cloud-fetch-failed", layer: "cloud", message: CLOUD_LOAD_FAILED });
    return { groupRules, report: { path: "refused", rule: picked.rule, reason } };
  }
  diag.notice({
    kind: "cloud-skipped",
    field: null,
    source: "cloud",
    message: `Cloud requirements were skipped: ${reason}; Codex continues without the cloud layer.`,
  });
  return { groupRules, report: { path: "skipped", rule: picked.rule, reason } };
}
