import { changedPaths, driftFields, resolve } from "@codex-policy/engine";
import { type Edition, type Outcome, type ScenarioInput, ScenarioSchema } from "@codex-policy/spec";
import { type Policy, policyLayers } from "./policy.js";
import type { RosterEntry } from "./roster.js";

/** One field that differs for a roster entry between the two policies. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface EntryImpact {
  entry: RosterEntry;
  changes: FieldChange[];
}

/** The scenario of a roster entry under one policy version. */
export function entryScenario(entry: RosterEntry, policy: Policy): ScenarioInput {
  return {
    host: entry.host,
    identity: entry.identity,
    ...policyLayers(policy),
    ...(entry.userConfig !== undefined ? { user: { config: entry.userConfig } } : {}),
    project: {
      trust: entry.projectTrust ?? "trusted",
      ...(entry.projectConfig !== undefined ? { config: entry.projectConfig } : {}),
    },
    probe: { commands: entry.commands },
  };
}

const outcome = (entry: RosterEntry, p: Policy, edition: Edition): Outcome =>
  resolve(ScenarioSchema.parse(entryScenario(entry, p)), edition);

/**
 * What changes for each roster entry when `before` is replaced by `after`, under one edition: the
 * fields a fleet notices (status, approval, sandbox, reviewer, web search, features, MCP servers,
 * probe command outcomes, warnings), as the engine resolves both.
 */
export function impactOf(
  before: Policy,
  after: Policy,
  roster: readonly RosterEntry[],
  edition: Edition,
): EntryImpact[] {
  return roster.map((entry) => {
    const a = driftFields(outcome(entry, before, edition));
    const b = driftFields(outcome(entry, after, edition));
    return {
      entry,
      // The merged requirements are the policy itself, the same for everyone: what they do to the
      // person is what counts.
      changes: changedPaths(a, b)
        .filter((path) => !path.startsWith("requirements."))
        .map((path) => ({
          path,
          before: a.get(path) ?? null,
          after: b.get(path) ?? null,
        })),
    };
  });
}

/** Roster entries with the same changes, largest group first. */
export interface ImpactGroup {
  people: number;
  entries: RosterEntry[];
  changes: FieldChange[];
}

export function groupImpacts(impacts: readonly EntryImpact[]): ImpactGroup[] {
  const groups = new Map<string, ImpactGroup>();
  for (const i of impacts) {
    if (i.changes.length === 0) continue;
    const key = JSON.stringify(i.changes);
    const g = groups.get(key) ?? { people: 0, entries: [], changes: i.changes };
    g.people += i.entry.count;
    g.entries.push(i.entry);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.people - a.people);
}
