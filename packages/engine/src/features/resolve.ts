import type { FeatureState } from "@codex-policy/spec";
import type { ComposedField, ConfigLayer, Diagnostics, RequirementLayer } from "../model.js";
import { byBytes, deepFreeze, isTable } from "../toml.js";
import { CATALOGUE_0_169, type Catalogue, type FeatureSpec, featureAlias, featureSpec } from "./catalogue.js";
import { fieldLabel } from "./source-label.js";
import { featureSwitch } from "./tables.js";

export interface FeaturesInput {
  pins: ComposedField | undefined;
  /** Lowest precedence first. */
  configLayers: ConfigLayer[];
  enable: string[];
  disable: string[];
  /** A pin naming no known feature: warned and ignored, or an error (before 0.124). */
  unknownPin?: "warn" | "error";
  /** The release's features (default: 0.169.0's). */
  catalogue?: Catalogue;
}

interface Pin {
  spec: FeatureSpec;
  value: boolean;
  source: string;
}

function featuresTable(doc: unknown): Record<string, unknown> | undefined {
  if (!isTable(doc)) return undefined;
  const t = doc.features;
  return isTable(t) ? t : undefined;
}

/** The highest requirements layer whose own document pins `key`. */
function pinSource(field: ComposedField, key: string): RequirementLayer {
  for (const layer of field.layers) {
    const doc = layer.doc;
    const t = isTable(doc) ? (isTable(doc.features) ? doc.features : doc.feature_requirements) : undefined;
    if (isTable(t) && key in t) return layer;
  }
  return field.layer;
}

function collectPins(
  field: ComposedField,
  diag: Diagnostics,
  unknownPin: "warn" | "error",
  cat: Catalogue,
): Map<string, Pin> {
  const pins = new Map<string, Pin>();
  if (!isTable(field.value)) return pins;
  const label = fieldLabel(field);
  // Codex reads pins from a sorted map, so warnings come in key order.
  for (const key of Object.keys(field.value).sort()) {
    const value = field.value[key];
    if (typeof value !== "boolean") continue;
    const source = pinSource(field, key).source;
    const spec = cat.spec(key);
    if (spec) {
      if (spec.pin === "ignored-warn") {
        diag.warn(
          "removed-feature-requirement",
          `Ignoring removed \`features\` requirement \`${key}\` from ${label}; ${spec.removedNote ?? ""}`,
        );
      } else if (spec.pin === "effective") {
        pins.set(spec.key, { spec, value, source });
      }
      continue;
    }
    const alias = cat.alias(key);
    // Releases that refuse unknown pins (0.110 to 0.123) refuse a legacy name too (binary 0.115.0).
    if (alias && alias.alias.requirements === "legacy" && unknownPin === "error") {
      diag.fail({
        code: "unknown-feature-requirement",
        layer: pinSource(field, key).layerId,
        message: `invalid \`features\` requirement \`${key}\` from ${label}: use canonical feature key \`${alias.spec.key}\``,
      });
      return pins;
    }
    if (alias) {
      if (alias.alias.requirements === "legacy") {
        diag.warn(
          "legacy-feature-requirement",
          `Using legacy \`features\` requirement \`${key}\` from ${label}; prefer canonical feature key \`${alias.spec.key}\``,
        );
      }
      if (alias.spec.pin === "effective") pins.set(alias.spec.key, { spec: alias.spec, value, source });
      continue;
    }
    if (unknownPin === "error") {
      diag.fail({
        code: "unknown-feature-requirement",
        layer: pinSource(field, key).layerId,
        message: `invalid \`features\` requirement \`${key}\` from ${label}`,
      });
      return pins;
    }
    diag.warn(
      "unknown-feature-requirement",
      `Ignoring unknown \`features\` requirement \`${key}\` from ${label}`,
    );
  }
  return pins;
}

type Switch = { enabled: boolean; source: string };

/** What a release's catalogue gives every resolution alike: the default states, and the few features with rules. */
interface CatalogueTables {
  /** Every feature at its default, in catalogue order; shared by every Outcome. */
  defaults: Readonly<Record<string, FeatureState & Switch>>;
  withDependencies: readonly FeatureSpec[];
  needingConfig: readonly NeedsConfig[];
}

type NeedsConfig = FeatureSpec & { needsConfig: string };

const tablesCache = new WeakMap<Catalogue, CatalogueTables>();

function tablesOf(cat: Catalogue): CatalogueTables {
  let t = tablesCache.get(cat);
  if (!t) {
    const defaults: Record<string, FeatureState & Switch> = {};
    for (const f of cat.all) defaults[f.key] = { enabled: f.default, stage: f.stage, source: "default" };
    t = {
      defaults: deepFreeze(defaults),
      withDependencies: cat.all.filter((f) => f.requires.length > 0),
      needingConfig: cat.all.filter((f): f is NeedsConfig => typeof f.needsConfig === "string"),
    };
    tablesCache.set(cat, t);
  }
  return t;
}

/**
 * Effective feature set: defaults, then config layers (lowest first; `--enable`/`--disable`
 * act with the session layer), then pins, then dependency normalisation. Pins that no longer
 * hold after normalisation stop Codex (`feature-pin-conflict`).
 */
export function resolveFeatures(input: FeaturesInput, diag: Diagnostics): Record<string, FeatureState> {
  const cat = input.catalogue ?? CATALOGUE_0_169;
  const tables = tablesOf(cat);
  // Only the features something sets; the others keep their default.
  const state = new Map<string, Switch>();
  const get = (key: string): Switch | undefined => state.get(key) ?? tables.defaults[key];

  const set = (key: string, value: boolean, source: string): void => {
    const spec = cat.config(key);
    if (!spec || spec.configInert) return;
    state.set(spec.key, { enabled: value, source });
  };
  const applyFlags = (): void => {
    for (const k of Array.isArray(input.enable) ? input.enable : [])
      if (typeof k === "string") set(k, true, "session");
    for (const k of Array.isArray(input.disable) ? input.disable : [])
      if (typeof k === "string") set(k, false, "session");
  };

  const layers = Array.isArray(input.configLayers) ? input.configLayers : [];
  const merged: Record<string, unknown> = {};
  const managed = new Set(["legacy", "cloud-config", "mdm-config"]);
  // Codex merges the config layers' [features] tables and reads the result as a sorted map: when two
  // spellings of a feature are set (`collab` and `multi_agent`), the one sorting later wins, whatever
  // layer each came from (binary 0.110.0, 0.124.0, 0.150.0, 0.171.0).
  const applyMerged = (group: typeof layers): void => {
    const entries = new Map<string, { value: unknown; kind: string }>();
    for (const layer of group) {
      const table = featuresTable(layer?.doc);
      if (!table) continue;
      for (const [k, v] of Object.entries(table)) {
        merged[k] = v;
        entries.set(k, { value: v, kind: String(layer.kind) });
      }
    }
    for (const k of [...entries.keys()].sort(byBytes)) {
      const { value, kind } = entries.get(k)!;
      const b = featureSwitch(cat.config(k)?.key ?? k, value);
      if (b !== undefined) set(k, b, kind);
    }
  };
  // The flags act like `-c`: above user, project and session config, below managed config.
  const firstManaged = layers.findIndex((l) => managed.has(String(l?.kind)));
  const split = firstManaged < 0 ? layers.length : firstManaged;
  applyMerged(layers.slice(0, split));
  applyFlags();
  applyMerged(layers.slice(split));

  const pins = input.pins
    ? collectPins(input.pins, diag, input.unknownPin ?? "warn", cat)
    : new Map<string, Pin>();
  if (diag.failed) return {};
  const configured = new Map(state);
  for (const pin of pins.values()) {
    const before = configured.get(pin.spec.key) ?? tables.defaults[pin.spec.key];
    state.set(pin.spec.key, { enabled: pin.value, source: before?.source ?? "default" });
    if (before && before.source !== "default" && before.enabled !== pin.value) {
      diag.notice({
        kind: "pin-override",
        field: `features.${pin.spec.key}`,
        configured: before.enabled,
        effective: pin.value,
        source: pin.source,
        message: `The \`${pin.spec.key}\` feature is pinned to ${pin.value} by requirements (${pin.source}); the ${before.source} setting ${before.enabled} has no effect.`,
      });
    }
  }

  // Dependency normalisation, repeated until stable.
  const dependent = tables.withDependencies;
  for (let changed = true, rounds = 0; changed && rounds <= dependent.length; rounds++) {
    changed = false;
    for (const f of dependent) {
      const s = get(f.key);
      if (!s?.enabled) continue;
      for (const dep of f.requires) {
        const d = get(dep);
        if (d && !d.enabled) {
          state.set(dep, { enabled: true, source: s.source });
          changed = true;
        }
      }
    }
  }

  if (input.pins && pins.size > 0) checkPins(pins, get, input.pins, diag);
  checkNeedsConfig(tables.needingConfig, get, merged, diag);

  const out: Record<string, FeatureState> = {};
  for (const f of cat.all) {
    const s = state.get(f.key);
    const pin = pins.get(f.key);
    // Every pinned feature has a state of its own (set above).
    out[f.key] = s
      ? { enabled: s.enabled, stage: f.stage, ...(pin ? { pinned_by: pin.source } : {}), source: s.source }
      : tables.defaults[f.key]!;
  }
  return out;
}

function checkPins(
  pins: Map<string, Pin>,
  get: (key: string) => Switch | undefined,
  field: ComposedField,
  diag: Diagnostics,
): void {
  const ordered = [...pins.values()].sort((a, b) => (a.spec.order ?? 1e9) - (b.spec.order ?? 1e9));
  const broken = ordered.find((p) => get(p.spec.key)?.enabled !== p.value);
  if (!broken) return;
  const actual = get(broken.spec.key)?.enabled ?? false;
  const allowed = ordered.map((p) => `${p.spec.key}=${p.value}`).join(", ");
  diag.fail({
    code: "feature-pin-conflict",
    layer: field.layer.layerId,
    message: `invalid value for \`features\`: \`${broken.spec.key}=${actual}\` is not in the allowed set [${allowed}] (set by ${fieldLabel(field)})`,
  });
}

function checkNeedsConfig(
  needing: readonly NeedsConfig[],
  get: (key: string) => Switch | undefined,
  merged: Record<string, unknown>,
  diag: Diagnostics,
): void {
  for (const f of needing) {
    if (!get(f.key)?.enabled) continue;
    const t = merged[f.key];
    if (isTable(t) && t.limit_tokens !== undefined) continue;
    diag.fail({ code: "config-invalid", layer: "scenario", message: f.needsConfig });
  }
}

/** Whether a feature (canonical key or alias) is on in a resolved set. */
export function featureEnabled(features: Record<string, FeatureState>, key: string): boolean {
  const spec = featureSpec(key) ?? featureAlias(key)?.spec;
  const k = spec?.key ?? key;
  return features?.[k]?.enabled === true;
}
