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

/**
 * A claim shows a change when it holds on its release and stops holding when only that change is
 * toggled: taken away on the release that first shows it, added to the release before.
 */
function showing(instances: TestInstance[], changeId: string): string[] {
  const out: string[] = [];
  const holds = (o: Outcome, t: TestInstance) => checkExpectations(o, t.expect).every((c) => c.ok);
  for (const t of instances) {
    if (!holds(resolve(t.scenario), t)) continue;
    if (!holds(resolveUnder(t.scenario, toggledEdition(t.edition, changeId)), t)) out.push(instanceId(t));
  }
  return out;
}

/** For every change entry with a previous release: the corpus claims on both sides that show it. */
export function changeCoverage(cases: readonly Case[]): ChangeCoverage[] {
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
