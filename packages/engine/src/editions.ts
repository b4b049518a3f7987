import {
  compareVersions,
  type Edition,
  editionMinor,
  editionRelease,
  LATEST_EDITION,
  parseEdition,
  RELEASE_EDITIONS,
} from "@codex-policy/spec";
import type { Behaviour, VocabularyKey } from "./releases/behaviour.js";
import { CHANGES, type Change } from "./releases/changes.js";

export type { Behaviour, RequirementLayerKind } from "./releases/behaviour.js";

/** An edition is data: one algorithm reads it. */
export interface EditionSpec extends Behaviour {
  id: Edition;
  /** The release whose feature catalogue the edition uses (`data/features-by-release.json`). */
  featureRelease: string;
  /** Why this edition's outcomes deserve less trust than the others, when they do. */
  caveat: string | null;
}

/**
 * The first release that reports its merged requirements (0.77 has no configRequirements/read and
 * 0.79 answers it with none), so the first whose requirement keys are read from the binary.
 */
export const REQUIREMENTS_READ_FROM_MINOR = 80;

/** Applies one change entry to a behaviour. */
function apply(b: Behaviour, c: Change): Behaviour {
  const next: Behaviour = { ...b, ...c.set };
  for (const [k, names] of Object.entries(c.add ?? {}) as [VocabularyKey, readonly string[]][])
    next[k] = [...new Set([...next[k], ...names])];
  for (const [k, names] of Object.entries(c.remove ?? {}) as [VocabularyKey, readonly string[]][])
    next[k] = next[k].filter((n) => !names.includes(n));
  return next;
}

/** The changes a release shows: every entry whose first release is at or before it. */
export function changesUpTo(minor: number): Change[] {
  return CHANGES.filter((c) => compareVersions(c.since, `0.${minor}`) <= 0);
}

function fold(id: Edition, minor: number, changes: readonly Change[] = changesUpTo(minor)): EditionSpec {
  const b = changes.reduce(apply, CHANGES[0]!.set as Behaviour);
  const caveat =
    minor < REQUIREMENTS_READ_FROM_MINOR
      ? `${id} reports no merged requirements, so the requirement keys it reads are taken from 0.${REQUIREMENTS_READ_FROM_MINOR}; requirements are not observable on this release.`
      : null;
  const featureRelease = editionRelease(id) ?? editionRelease(LATEST_EDITION)!;
  return Object.freeze({ ...b, id, caveat, featureRelease });
}

const NEWEST = fold("codex-0.0", Number.MAX_SAFE_INTEGER);

/**
 * The published docs: the newest release's behaviour except where the docs say otherwise
 * (earliest layer wins per top-level field, cloud before MDM before system, a failed cloud fetch
 * skips the layer, only Business and Enterprise sign-ins get cloud requirements).
 */
const DOCUMENTED: EditionSpec = Object.freeze<EditionSpec>({
  ...NEWEST,
  id: "documented",
  caveat: null,
  // The docs name no feature catalogue; the pinned binary's stands in.
  featureRelease: "0.169.0",
  order: ["legacy", "mdm-legacy", "system", "mdm", "cloud"],
  merge: "first-writer",
  cloudFailure: "skip",
  cloudPlans: ["business", "enterprise"],
  legacyRequirementKeys: ["approval_policy", "sandbox_mode"],
  legacySandbox: "only-value",
  hooksDirConflictFatal: false,
  reportsDefaultLoginMethods: false,
  sandboxModeBeatsProfile: "any-layer",
  autoReviewRequiredOnModels: false,
});

/** Every edition by canonical id; the two primary editions are always there. */
export const EDITIONS: {
  readonly "codex-0.169": EditionSpec;
  readonly documented: EditionSpec;
  readonly [id: string]: EditionSpec | undefined;
} = Object.freeze(
  Object.fromEntries([
    ...RELEASE_EDITIONS.map((id) => [id, fold(id, editionMinor(id)!)] as const),
    ["documented", DOCUMENTED] as const,
  ]) as Record<string, EditionSpec> & { "codex-0.169": EditionSpec; documented: EditionSpec },
);

/** The spec of an edition as written (`codex-0.150`, `codex-0.150.2`, `codex-latest`), or why there is none. */
export function findEdition(id: string): EditionSpec | { code: string; message: string } {
  const hit = EDITIONS[id];
  if (hit) return hit;
  const p = parseEdition(id);
  return p.ok ? EDITIONS[p.edition]! : { code: p.code, message: p.message };
}

/** `findEdition` for callers that checked the name already; throws on an unknown one. */
export function editionSpec(id: string): EditionSpec {
  const found = findEdition(id);
  if ("message" in found) throw new Error(found.message);
  return found;
}

/**
 * A release edition with one change entry toggled: without it when the release shows it, with it
 * when it does not. What a test would see if that one change had not (or had) happened, which is
 * how the corpus shows that a test depends on exactly that change.
 */
export function toggledEdition(id: string, changeId: string): EditionSpec {
  const spec = editionSpec(id);
  const minor = editionMinor(spec.id);
  const change = CHANGES.find((c) => c.id === changeId);
  if (minor === null || !change) throw new Error(`no release edition ${id} or change ${changeId}`);
  const shown = changesUpTo(minor);
  const present = shown.includes(change);
  const changes = present
    ? shown.filter((c) => c !== change)
    : CHANGES.filter((c) => shown.includes(c) || c === change);
  // An entry with no switches is a feature catalogue: toggling it swaps the catalogue.
  const catalogue = !change.set && !change.add && !change.remove;
  const featureRelease = catalogue
    ? editionRelease(`codex-${present ? change.previous : change.since}`)!
    : spec.featureRelease;
  return Object.freeze({ ...fold(spec.id, minor, changes), caveat: spec.caveat, featureRelease });
}
