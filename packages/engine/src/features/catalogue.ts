import { compareVersions } from "@codex-policy/spec";
import data from "../../data/features-0.169.json";
import releaseData from "../../data/features-by-release.json";

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

/** One release's features: which exist, their stage and default, looked up by key or alias. */
export interface Catalogue {
  /** The release whose `codex features list` this is. */
  release: string;
  all: readonly FeatureSpec[];
  spec(key: string): FeatureSpec | undefined;
  alias(key: string): { spec: FeatureSpec; alias: FeatureAlias } | undefined;
  /** A key in a config `[features]` table, if config may set it. */
  config(key: string): FeatureSpec | undefined;
}

function catalogue(release: string, all: readonly FeatureSpec[]): Catalogue {
  const byKey = new Map(all.map((f) => [f.key, f]));
  const byAlias = new Map<string, { spec: FeatureSpec; alias: FeatureAlias }>();
  for (const spec of all) for (const alias of spec.aliases) byAlias.set(alias.key, { spec, alias });
  return {
    release,
    all,
    spec: (key) => byKey.get(key),
    alias: (key) => byAlias.get(key),
    config(key) {
      const direct = byKey.get(key);
      if (direct) return direct;
      const a = byAlias.get(key);
      return a?.alias.config ? a.spec : undefined;
    },
  };
}

/** The pinned binary's catalogue, with every detail probed on it. */
export const CATALOGUE_0_169 = catalogue((data as { codex: string }).codex, FEATURES);

type Run = [first: string, last: string, stage: string, dflt: boolean];
const releases = releaseData as unknown as { read: string[]; features: Record<string, Run[]> };

const cmp = compareVersions;

/** The read release a release's catalogue comes from: the newest read at or before it, else the oldest. */
export function catalogueSource(release: string): string {
  const read = releases.read;
  return [...read].reverse().find((v) => cmp(v, release) <= 0) ?? read[0] ?? CATALOGUE_0_169.release;
}

const built = new Map<string, Catalogue>();
const forRelease = new Map<string, Catalogue>();

/**
 * A feature 0.169.0 lists as removed (its pin ignored, config unable to set it) that an older
 * release still has: there it is pinned and set like any other (binary 0.140.0: `personality`).
 */
function liveAgain(spec: FeatureSpec, stage: string): FeatureSpec {
  if (spec.stage !== "removed" || stage === "removed") return spec;
  const { removedNote: _note, ...rest } = spec;
  return { ...rest, pin: "effective", configInert: false };
}

/**
 * A release's catalogue: the names, stages and defaults its `codex features list` printed
 * (`data/features-by-release.json`), with the details probed on 0.169.0 (aliases, dependencies,
 * pin handling, enum order) for the features 0.169.0 also has. A feature 0.169.0 lacks is pinned
 * and set like any other, and sorts after the known ones in a pin conflict.
 */
export function catalogueFor(release: string): Catalogue {
  const known = forRelease.get(release);
  if (known) return known;
  const source = catalogueSource(release);
  const hit = built.get(source);
  if (hit) {
    forRelease.set(release, hit);
    return hit;
  }
  const all: FeatureSpec[] = [];
  for (const [key, runs] of Object.entries(releases.features)) {
    const run = runs.find(([first, last]) => cmp(first, source) <= 0 && cmp(source, last) <= 0);
    if (!run) continue;
    const known = BY_KEY.get(key);
    const base: FeatureSpec = known ?? {
      key,
      stage: run[2],
      default: run[3],
      aliases: [],
      requires: [],
      configInert: false,
      pin: "effective",
      order: null,
    };
    all.push({ ...(known ? liveAgain(known, run[2]) : base), stage: run[2], default: run[3] });
  }
  const c = catalogue(source, all);
  built.set(source, c);
  forRelease.set(release, c);
  return c;
}
