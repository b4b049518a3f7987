import type { CommandState, FeatureState, HookState, McpServerState } from "@codex-policy/spec";
import type { GroupRuleVerdict } from "./cloud/select.js";
import type { ComposedField, RequirementLayer } from "./model.js";
import type { RemoteSandboxTrace } from "./requirements/remote-sandbox.js";
import type { ManagedRule } from "./rules/compose.js";
import { isTable } from "./toml.js";

/**
 * One entry of a requirements document that decided part of an Outcome: the layer it sits in
 * (`system.requirements`, `cloud.rules.0`, …) and its key path in that document as written
 * (`["allowed_sandbox_modes"]`, `["remote_sandbox_config", 1]`, `["rules", "prefix_rules", 0]`,
 * `["mcp_servers", "github"]`, `["features", "hooks"]`, `["hooks", "PreToolUse", 0]`), or the cloud
 * group rule in force (`layerId: "cloud"`, `["rules", i]`, or `["default"]` when none matched).
 */
export interface Decided {
  layerId: string;
  path: (string | number)[];
}

/**
 * The allow-lists of the settings a user configures, by the `effective.sources` key of the setting.
 * Such a list decides only when a value was checked against it: one somebody configured, or a
 * default it replaced. A default it merely allows decided nothing.
 */
const ALLOW_LISTS: Record<string, string> = {
  allowed_approval_policies: "approval_policy",
  allowed_sandbox_modes: "sandbox_mode",
  allowed_web_search_modes: "web_search",
  allowed_approvals_reviewers: "approvals_reviewer",
};

/** Keys whose entries are attributed one by one below, not as a whole field. */
const ENTRY_KEYS = new Set(["features", "mcp_servers", "hooks", "rules", "remote_sandbox_config"]);

export interface DecidedInput {
  fields: Record<string, ComposedField>;
  remote: RemoteSandboxTrace[];
  managedRules: readonly ManagedRule[];
  commands: readonly CommandState[];
  features: Record<string, FeatureState>;
  mcp: Record<string, McpServerState>;
  hooks: readonly HookState[];
  groupRules: readonly GroupRuleVerdict[];
  /** Where each constrained setting came from (`effective.sources`). */
  sources: Readonly<Record<string, string>>;
  /** The cloud layer in force (from a cache or a fetch): the rule that applied, `default`, or null. */
  cloudRule: string | null;
}

const tableAt = (doc: unknown, key: string) => (isTable(doc) ? doc[key] : undefined);
const has = (doc: unknown, key: string, name: string) => {
  const t = tableAt(doc, key);
  return isTable(t) && name in t;
};

/** The features table as written: `[features]` or its older name `[feature_requirements]`. */
function featureKey(layer: RequirementLayer): string {
  return layer.doc.features === undefined && layer.doc.feature_requirements !== undefined
    ? "feature_requirements"
    : "features";
}

function fieldEntries(input: DecidedInput, out: Decided[]): void {
  const replaced = new Set(input.remote.filter((r) => r.applied !== null).map((r) => r.layerId));
  for (const [key, f] of Object.entries(input.fields)) {
    if (ENTRY_KEYS.has(key)) continue;
    const setting = ALLOW_LISTS[key];
    if (setting !== undefined && (input.sources[setting] ?? "default") === "default") continue;
    // A table field merges across layers, so each contributor decided part of it.
    const layers = isTable(f.value) ? f.layers : [f.layer];
    for (const l of layers) {
      // The matching remote_sandbox_config entry, not the layer's own list, decided the modes.
      if (key === "allowed_sandbox_modes" && replaced.has(l.layerId)) continue;
      out.push({ layerId: l.layerId, path: [key] });
    }
  }
  for (const r of input.remote)
    if (r.applied !== null) out.push({ layerId: r.layerId, path: ["remote_sandbox_config", r.applied] });
}

function ruleEntries(input: DecidedInput, out: Decided[]): void {
  const seen = new Set<number>();
  for (const c of input.commands) {
    const m = c.rule === null ? null : /#(\d+)$/.exec(c.rule);
    const rule = m && !c.rule!.startsWith("user.rules#") ? input.managedRules[Number(m[1])] : undefined;
    if (!rule || seen.has(rule.index)) continue;
    seen.add(rule.index);
    const first = input.managedRules.findIndex((r) => r.layer === rule.layer);
    out.push({ layerId: rule.layer.layerId, path: ["rules", "prefix_rules", rule.index - first] });
  }
}

function allowlistEntries(input: DecidedInput, out: Decided[]): void {
  const allowlist = input.fields.mcp_servers;
  if (!allowlist || !isTable(allowlist.value)) return;
  for (const name of Object.keys(input.mcp)) {
    if (!(name in allowlist.value)) continue;
    const layer = allowlist.layers.find((l) => has(l.doc, "mcp_servers", name));
    if (layer) out.push({ layerId: layer.layerId, path: ["mcp_servers", name] });
  }
}

function pinEntries(input: DecidedInput, out: Decided[]): void {
  const pins = input.fields.features;
  if (!pins) return;
  for (const [name, state] of Object.entries(input.features)) {
    if (!state.pinned_by) continue;
    const layer = pins.layers.find((l) => has(l.doc, featureKey(l), name));
    if (layer) out.push({ layerId: layer.layerId, path: [featureKey(layer), name] });
  }
}

function groupHolds(group: unknown, h: HookState): boolean {
  if (!isTable(group) || !Array.isArray(group.hooks)) return false;
  const matcher = typeof group.matcher === "string" ? group.matcher : null;
  if (h.matcher !== null && h.matcher !== undefined && matcher !== h.matcher) return false;
  return group.hooks.some((x) => isTable(x) && x.command === h.command);
}

function hookEntries(input: DecidedInput, out: Decided[]): void {
  const composed = input.fields.hooks;
  if (!composed) return;
  const seen = new Set<string>();
  for (const h of input.hooks) {
    if (!h.managed) continue;
    for (const layer of composed.layers) {
      const groups = tableAt(tableAt(layer.doc, "hooks"), h.event);
      const g = Array.isArray(groups) ? groups.findIndex((x) => groupHolds(x, h)) : -1;
      if (g < 0) continue;
      const key = `${layer.layerId}\u0000${h.event}\u0000${g}`;
      if (!seen.has(key)) out.push({ layerId: layer.layerId, path: ["hooks", h.event, g] });
      seen.add(key);
      break;
    }
  }
}

/** Which requirement entries decided this Outcome: the explanation data policy coverage reads. */
export function decidedEntries(input: DecidedInput): Decided[] {
  const out: Decided[] = [];
  fieldEntries(input, out);
  ruleEntries(input, out);
  allowlistEntries(input, out);
  pinEntries(input, out);
  hookEntries(input, out);
  if (input.cloudRule === "default") out.push({ layerId: "cloud", path: ["default"] });
  else if (input.cloudRule !== null)
    input.groupRules.forEach((v, i) => {
      if (v.applied) out.push({ layerId: "cloud", path: ["rules", i] });
    });
  return out;
}
