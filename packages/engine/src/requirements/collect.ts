import type { Edition, LayerId, Scenario } from "@codex-policy/spec";
import { stripCloudLoginKeys } from "../areas.js";
import { EDITIONS, type EditionSpec, type RequirementLayerKind } from "../editions.js";
import { perDocument } from "../memo.js";
import {
  CLOUD_BUNDLE_INVALID_TOML,
  layerParseError,
  type RequirementsErrorPrefix,
  tomlSyntaxDetail,
} from "../messages.js";
import type { ConfigLayer, Diagnostics, RequirementLayer } from "../model.js";
import { managedPaths } from "../paths.js";
import { parseToml, syntaxErrorAt, type TomlTable } from "../toml.js";
import { legacyRequirements } from "./legacy.js";

export interface RequirementText {
  kind: RequirementLayerKind;
  source: string;
  label: string;
  layerId: LayerId;
  text: string;
}

const strippedCloudDoc = perDocument((doc) => Object.freeze(stripCloudLoginKeys(doc as TomlTable)));
const legacyFor = perDocument((doc, key) => {
  const [edition, layerId] = key.split("\u0000") as [Edition, string];
  return legacyRequirements(doc as TomlTable, EDITIONS[edition]!, layerId);
});

/** Parses a requirements document; a syntax error stops Codex with the layer named. */
export function parseRequirementText(
  t: RequirementText,
  diag: Diagnostics,
  release: { tomlErrorAtEnd: boolean; requirementsErrorPrefix?: RequirementsErrorPrefix },
): RequirementLayer | null {
  const r = parseToml(t.text);
  if (!r.ok && t.kind === "cloud") {
    // Codex validates a delivered bundle as a whole and reports it without a location.
    diag.fail({ code: "cloud-bundle-invalid", layer: t.layerId, message: CLOUD_BUNDLE_INVALID_TOML });
    return null;
  }
  if (!r.ok) {
    const at = syntaxErrorAt(r, release);
    const detail =
      r.code === "invalid-utf8"
        ? r.message
        : tomlSyntaxDetail(at.line, at.column, r.message, t.text.replace(/^\uFEFF/, ""));
    diag.fail({
      code: r.code,
      layer: t.layerId,
      message: layerParseError(t.label, detail, release.requirementsErrorPrefix),
      ...at,
    });
    return null;
  }
  const doc = t.kind === "cloud" ? strippedCloudDoc(r.doc) : r.doc;
  return { kind: t.kind, source: t.source, label: t.label, layerId: t.layerId, doc, text: t.text };
}

/** The requirements documents a scenario carries as text (system file, cloud, MDM). */
export function requirementTexts(
  scenario: Scenario,
  cloud: { text: string; source: string; label: string; layerId: LayerId } | undefined,
  mdmRequirements: string | undefined,
): RequirementText[] {
  const paths = managedPaths(scenario.host.os);
  const out: RequirementText[] = [];
  const sys = scenario.system?.requirements;
  if (sys !== undefined) {
    out.push({
      kind: "system",
      source: "system",
      label: paths.requirements,
      layerId: "system.requirements",
      text: sys,
    });
  }
  if (cloud) out.push({ kind: "cloud", ...cloud });
  if (mdmRequirements !== undefined) {
    out.push({
      kind: "mdm",
      source: "mdm",
      label: paths.mdmRequirements,
      layerId: "mdm.requirements",
      text: mdmRequirements,
    });
  }
  return out;
}

/** Requirement layers reinterpreted from the legacy managed config (file and MDM). */
export function legacyLayers(
  config: ConfigLayer[],
  edition: EditionSpec,
  diag: Diagnostics,
): RequirementLayer[] {
  const out: RequirementLayer[] = [];
  for (const layer of config) {
    if (layer.kind !== "legacy" && layer.kind !== "mdm-config") continue;
    const r = legacyFor(layer.doc, `${edition.id}\u0000${layer.layerId}`);
    if ("error" in r) {
      diag.fail(r.error);
      return out;
    }
    if (Object.keys(r.doc).length === 0) continue;
    const kind = layer.kind === "legacy" ? "legacy" : "mdm-legacy";
    out.push({
      kind,
      source: kind === "legacy" ? "legacy" : "mdm",
      label: layer.label,
      layerId: layer.layerId,
      doc: r.doc,
    });
  }
  return out;
}

const vocabularyIds = new WeakMap<readonly string[], string>();
const vocabularySets = new WeakMap<readonly string[], Set<string>>();
const withKeys = perDocument((doc, id) => {
  const keys = vocabularyById.get(id)!;
  return Object.freeze(Object.fromEntries(Object.entries(doc).filter(([k]) => keys.has(k)))) as TomlTable;
});
const vocabularyById = new Map<string, Set<string>>();

/** A release's requirement keys as a set, built once per release list. */
export function requirementKeySet(keys: readonly string[]): ReadonlySet<string> {
  let set = vocabularySets.get(keys);
  if (!set) {
    set = new Set(keys);
    vocabularySets.set(keys, set);
  }
  return set;
}

/** The layer as a release reads it: keys it does not know yet are dropped (Codex ignores them). */
export function readableLayer(layer: RequirementLayer, keys: readonly string[]): RequirementLayer {
  const known = requirementKeySet(keys);
  if (Object.keys(layer.doc).every((k) => known.has(k))) return layer;
  let id = vocabularyIds.get(keys);
  if (id === undefined) {
    id = String(vocabularyById.size);
    vocabularyIds.set(keys, id);
    vocabularyById.set(id, known as Set<string>);
  }
  return { ...layer, doc: withKeys(layer.doc, id) };
}

/** Orders layers lowest precedence first, as the edition says. */
export function orderLayers(layers: RequirementLayer[], edition: EditionSpec): RequirementLayer[] {
  const rank = (k: RequirementLayerKind) => edition.order.indexOf(k);
  return [...layers].sort((a, b) => rank(a.kind) - rank(b.kind));
}
