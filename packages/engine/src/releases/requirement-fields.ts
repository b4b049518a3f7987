import { compareVersions } from "@codex-policy/spec";
import fieldData from "../../data/requirement-fields-by-release.json";

/**
 * The requirement fields each read release reports (`data/requirement-fields-by-release.json`,
 * written by scripts/release-requirement-fields.ts): a release lists every field it knows in its
 * merged requirements, set or not. That gives the first release of each requirements.toml key the
 * report covers; keys it does not cover (rules, mcp_servers, permissions, …) are bisected by hand.
 */
interface FieldData {
  read: string[];
  fields: Record<string, [string, string][]>;
}
const DATA = fieldData as unknown as FieldData;

/** Reported field → requirements.toml key, where the key is not the field's snake_case. */
const FIELD_KEYS: Record<string, string> = {
  featureRequirements: "features",
  network: "experimental_network",
  allowedWindowsSandboxImplementations: "windows",
  windowsSandboxPrivateDesktop: "windows",
};

const keyOf = (field: string): string =>
  FIELD_KEYS[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The oldest release read; what it knows is not dated (0.77 and 0.79 report no requirements). */
export const FIRST_READ_RELEASE = [...DATA.read].sort(compareVersions)[0]!;

/** requirements.toml key → the first read release that reports it. */
export const KEY_FIRST_REPORTED: ReadonlyMap<string, string> = (() => {
  const first = new Map<string, string>();
  for (const [field, runs] of Object.entries(DATA.fields)) {
    const key = keyOf(field);
    for (const [since] of runs) {
      const known = first.get(key);
      if (known === undefined || compareVersions(since, known) < 0) first.set(key, since);
    }
  }
  return first;
})();

/** The read release just before `version`. */
export function previousRead(version: string): string | null {
  const older = DATA.read.filter((v) => compareVersions(v, version) < 0).sort(compareVersions);
  return older[older.length - 1] ?? null;
}
