import { FEATURE_KEY_NOTICES, featureAliasNotice } from "../messages.js";
import type { ConfigLayer } from "../model.js";
import { isTable } from "../toml.js";
import { FEATURES } from "./catalogue.js";

/** The config files whose `[features].multi_agent` draws Codex's warning (not `-c`, flags or managed config). */
const MULTI_AGENT_FILE_KINDS = new Set(["system", "user", "project"]);

function featureTables(layer: ConfigLayer): Record<string, unknown>[] {
  const tables = [layer.doc.features, layer.ignoredFeatures];
  return tables.filter((t): t is Record<string, unknown> => isTable(t));
}

/**
 * Whether a config file sets `[features].multi_agent`, which Codex warns about whatever the value
 * (also in an unknown-trust project whose features do not apply).
 */
export function multiAgentDeprecated(layers: readonly ConfigLayer[]): boolean {
  return layers.some(
    (l) => MULTI_AGENT_FILE_KINDS.has(l.kind) && featureTables(l).some((t) => "multi_agent" in t),
  );
}

const SPECIAL = new Map(FEATURE_KEY_NOTICES);
/** Legacy feature keys with a canonical name, sorted as Codex lists them. */
const ALIASES = FEATURES.flatMap((spec) =>
  spec.aliases
    .filter((a) => a.requirements === "legacy" && !SPECIAL.has(a.key))
    .map((a) => ({ key: a.key, canonical: spec.key })),
).sort((a, b) => (a.key < b.key ? -1 : 1));

/**
 * Deprecation notices for feature keys named anywhere Codex reads features from: every config
 * layer's `[features]` (including an unknown-trust project whose features do not apply), `-c`,
 * `--enable` and `--disable`. Alias notices come first, sorted by key, then the fixed list.
 */
export function featureDeprecationNotices(
  layers: readonly ConfigLayer[],
  enable: readonly string[],
  disable: readonly string[],
): string[] {
  const named = new Set<string>([...enable, ...disable]);
  for (const layer of layers) {
    for (const table of featureTables(layer)) {
      for (const [key, value] of Object.entries(table)) {
        named.add(key);
        if (isTable(value)) for (const sub of Object.keys(value)) named.add(`${key}.${sub}`);
      }
    }
  }
  return [
    ...ALIASES.filter((a) => named.has(a.key)).map((a) => featureAliasNotice(a.key, a.canonical)),
    ...FEATURE_KEY_NOTICES.filter(([key]) => named.has(key)).map(([, text]) => text),
  ];
}
