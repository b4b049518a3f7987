import { CHANGES, resolve, resolveUnder, toggledEdition } from "@codex-policy/engine";
import { type Case, newestPatch, type Outcome } from "@codex-policy/spec";
import { expandForRelease, instanceId, type TestInstance } from "./expand.js";
import { checkExpectations } from "./expect.js";

/** How many claims must show a change on each side of its release. */
export const CLAIMS_PER_SIDE = 2;

/** The corpus's claims that show one change entry on each side of its release. */
export interface ChangeCoverage {
  id: string;
  previous: string;
  since: string;
  /** Claims about the last release before the change that fail once the change is applied. */
  before: string[];
  /** Claims about the first release showing it that fail once the change is taken away. */
  after: string[];
}

/** Options: `enough` stops looking once that many claims show a change on a side. */
export interface CoverageOptions {
  enough?: number;
}

/**
 * For every change entry with a previous release: the corpus claims on both sides that show it.
 * A claim shows a change when it holds on its release and stops holding when only that change is
 * toggled: taken away on the release that first shows it, added to the release before.
 */
export function changeCoverage(cases: readonly Case[], opts: CoverageOptions = {}): ChangeCoverage[] {
  const byRelease = new Map<string, TestInstance[]>();
  const claims = (minor: string): TestInstance[] => {
    const version = newestPatch(Number(minor.split(".")[1]));
    if (!version) return [];
    let hit = byRelease.get(version);
    if (!hit) {
      hit = cases.flatMap((c) => expandForRelease(c, version));
      byRelease.set(version, hit);
    }
    return hit;
  };
  const evidence = new Map(cases.map((c) => [c.id, (c.evidence ?? []).join(" ")]));
  // Whether a claim holds on its own release, asked once per claim however many changes use it.
  const holdsOwn = new Map<TestInstance, boolean>();
  const holds = (o: Outcome, t: TestInstance) => checkExpectations(o, t.expect).every((c) => c.ok);
  const showing = (instances: TestInstance[], changeId: string): string[] => {
    // Claims whose case cites the change come first: they are the likeliest to show it.
    const cites = (t: TestInstance) => (evidence.get(t.caseId)?.includes(`#${changeId}`) ? 0 : 1);
    const ordered = opts.enough ? [...instances].sort((a, b) => cites(a) - cites(b)) : instances;
    const out: string[] = [];
    for (const t of ordered) {
      let own = holdsOwn.get(t);
      if (own === undefined) {
        own = holds(resolve(t.scenario), t);
        holdsOwn.set(t, own);
      }
      if (!own) continue;
      if (!holds(resolveUnder(t.scenario, toggledEdition(t.edition, changeId)), t)) out.push(instanceId(t));
      if (opts.enough !== undefined && out.length >= opts.enough) break;
    }
    return out;
  };
  return CHANGES.filter((c) => c.previous !== null).map((c) => ({
    id: c.id,
    previous: c.previous!,
    since: c.since,
    before: showing(claims(c.previous!), c.id),
    after: showing(claims(c.since), c.id),
  }));
}

/** Whether a change has enough claims on both sides. */
export const changeCovered = (c: ChangeCoverage): boolean =>
  c.before.length >= CLAIMS_PER_SIDE && c.after.length >= CLAIMS_PER_SIDE;
