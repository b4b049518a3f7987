import type { OutcomeError } from "@codex-policy/spec";
import { composeHooks } from "../areas.js";
import type { EditionSpec } from "../editions.js";
import type { ComposedField, RequirementLayer, SourcedRule } from "../model.js";
import { deepMerge, isTable, type TomlTable } from "../toml.js";
import { applyRemoteSandbox, type RemoteSandboxTrace } from "./remote-sandbox.js";

export interface Composition {
  fields: Record<string, ComposedField>;
  rules: SourcedRule[] | null;
  /** The highest layer whose `prefix_rules` is an empty list, for the empty-list error. */
  emptyRulesLayer: RequirementLayer | null;
  remote: RemoteSandboxTrace[];
  error?: OutcomeError;
}

interface Prepared {
  layer: RequirementLayer;
  doc: TomlTable;
  rules: unknown[] | null;
  hooks: unknown;
}

/** Per-layer preprocessing: alias rename, remote sandbox, special fields pulled out. */
function prepare(layer: RequirementLayer, host: string, remote: RemoteSandboxTrace[]): Prepared {
  let doc = layer.doc;
  if (doc.feature_requirements !== undefined && doc.features === undefined) {
    const { feature_requirements, ...rest } = doc;
    doc = { ...rest, features: feature_requirements };
  }
  const applied = applyRemoteSandbox({ ...layer, doc }, host);
  if (applied.trace) remote.push(applied.trace);
  doc = applied.doc;
  const { rules, hooks, ...plain } = doc;
  const prefixRules = isTable(rules) && Array.isArray(rules.prefix_rules) ? rules.prefix_rules : null;
  return { layer, doc: plain, rules: prefixRules, hooks };
}

function deepCompose(prepared: Prepared[]): Record<string, ComposedField> {
  let merged: TomlTable = {};
  const contributors: Record<string, RequirementLayer[]> = {};
  for (const p of prepared) {
    merged = deepMerge(merged, p.doc);
    for (const [k, v] of Object.entries(p.doc)) {
      const prev = contributors[k] ?? [];
      // A non-table value replaces whatever lower layers had; tables accumulate contributors.
      contributors[k] = isTable(v) && prev.length > 0 ? [p.layer, ...prev] : [p.layer];
    }
  }
  const fields: Record<string, ComposedField> = {};
  for (const [k, value] of Object.entries(merged)) {
    const layers = contributors[k] ?? [];
    fields[k] = { value, layer: layers[0]!, layers };
  }
  return fields;
}

function firstWriter(prepared: Prepared[]): Record<string, ComposedField> {
  const fields: Record<string, ComposedField> = {};
  for (const p of [...prepared].reverse()) {
    for (const [k, value] of Object.entries(p.doc)) {
      if (!(k in fields)) fields[k] = { value, layer: p.layer, layers: [p.layer] };
    }
  }
  return fields;
}

function composeRules(prepared: Prepared[], edition: EditionSpec): SourcedRule[] | null {
  const highFirst = [...prepared].reverse().filter((p) => p.rules !== null);
  if (highFirst.length === 0) return null;
  const owners = edition.merge === "deep" ? highFirst : highFirst.slice(0, 1);
  return owners.flatMap((p) => (p.rules ?? []).map((rule) => ({ rule, layer: p.layer })));
}

/** Composes requirement layers (lowest precedence first) as the edition says. */
export function composeRequirements(
  layers: RequirementLayer[],
  edition: EditionSpec,
  host: string,
  os: "linux" | "macos" | "windows" = "linux",
): Composition {
  const remote: RemoteSandboxTrace[] = [];
  const prepared = layers.map((l) => prepare(l, host, remote));
  const fields = edition.merge === "deep" ? deepCompose(prepared) : firstWriter(prepared);
  const rules = composeRules(prepared, edition);
  const hookLayers = [...prepared]
    .reverse()
    .filter((p) => p.hooks !== undefined)
    .map((p) => ({ value: p.hooks, layer: p.layer }));
  let error: OutcomeError | undefined;
  if (hookLayers.length > 0) {
    const hooks = composeHooks(hookLayers, edition, os);
    if (hooks.error) error = hooks.error;
    fields.hooks = {
      value: hooks.value,
      layer: hooks.layers[0] ?? hookLayers[0]!.layer,
      layers: hooks.layers,
    };
  }
  const emptyRulesLayer =
    [...prepared].reverse().find((p) => p.rules !== null && p.rules.length === 0)?.layer ?? null;
  return { fields, rules, emptyRulesLayer, remote, ...(error ? { error } : {}) };
}
