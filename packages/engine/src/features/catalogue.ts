import data from "../../data/features-0.169.json";

export interface FeatureAlias {
  key: string;
  /** `legacy`: pinned with the canonical-key warning; `silent`: pinned without one. */
  requirements: "legacy" | "silent";
  /** Whether the alias also works in a config `[features]` table. */
  config: boolean;
}

export interface FeatureSpec {
  key: string;
  stage: string;
  default: boolean;
  aliases: FeatureAlias[];
  /** Features forced on whenever this one is on. */
  requires: string[];
  /** Config toggles (`[features]`, `-c`, `--enable`/`--disable`) cannot change it. */
  configInert: boolean;
  /** `ignored`: a pin has no effect; `ignored-warn`: same, with Codex's removed-feature warning. */
  pin: "effective" | "ignored" | "ignored-warn";
  removedNote?: string;
  /** Error Codex raises when the feature ends up on without its extra config. */
  needsConfig?: string;
  /** Position in Codex's feature enum (pin listing order); null when pins are ignored. */
  order: number | null;
}

export const FEATURES: readonly FeatureSpec[] = (data as { features: FeatureSpec[] }).features;

const BY_KEY = new Map(FEATURES.map((f) => [f.key, f]));
const BY_ALIAS = new Map<string, { spec: FeatureSpec; alias: FeatureAlias }>();
for (const spec of FEATURES) for (const alias of spec.aliases) BY_ALIAS.set(alias.key, { spec, alias });

export function featureSpec(key: string): FeatureSpec | undefined {
  return BY_KEY.get(key);
}

export function featureAlias(key: string): { spec: FeatureSpec; alias: FeatureAlias } | undefined {
  return BY_ALIAS.get(key);
}

/** Resolves a key in a config `[features]` table to its feature, if config may set it. */
export function configFeature(key: string): FeatureSpec | undefined {
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  const a = BY_ALIAS.get(key);
  return a?.alias.config ? a.spec : undefined;
}
