import type { EditionSpec } from "../editions.js";
import { managedConfigSchema, managedConfigSchemaRanges } from "./managed-config.js";
import { minorName, rangeContaining, rangeName } from "./ranges.js";
import { type JsonSchema, requirementSchemaRanges, requirementsSchema } from "./requirements.js";

/** The policy files codex-policy writes schemas for (config.toml has Codex's own published schema). */
export const POLICY_SCHEMA_KINDS = {
  requirements: { ranges: requirementSchemaRanges, schema: requirementsSchema },
  "managed-config": { ranges: managedConfigSchemaRanges, schema: managedConfigSchema },
} as const;
export type PolicySchemaKind = keyof typeof POLICY_SCHEMA_KINDS;

export const isPolicySchemaKind = (s: string): s is PolicySchemaKind => s in POLICY_SCHEMA_KINDS;

/** The schema for the releases that read the kind like `minor` does (default: the newest release). */
export function policySchema(kind: PolicySchemaKind, minor?: number): JsonSchema | null {
  const { ranges, schema } = POLICY_SCHEMA_KINDS[kind];
  const all = ranges();
  const range = minor === undefined ? all.at(-1)! : rangeContaining(all, minor);
  return range ? schema(range) : null;
}

const fileOf = (kind: PolicySchemaKind, range: readonly EditionSpec[]) =>
  `${kind}/codex-${rangeName(range)}.schema.json`;

/**
 * Every schema file, by path under `schemas/`: one per release range of each kind, and
 * `<kind>.schema.json` for the newest range (what an editor should use by default).
 */
export function policySchemaFiles(): { path: string; schema: JsonSchema; releases: string[] }[] {
  const out: { path: string; schema: JsonSchema; releases: string[] }[] = [];
  for (const kind of Object.keys(POLICY_SCHEMA_KINDS) as PolicySchemaKind[]) {
    const { ranges, schema } = POLICY_SCHEMA_KINDS[kind];
    const all = ranges();
    for (const range of all)
      out.push({ path: fileOf(kind, range), schema: schema(range), releases: range.map(minorName) });
    const newest = all.at(-1)!;
    out.push({ path: `${kind}.schema.json`, schema: schema(newest), releases: newest.map(minorName) });
  }
  return out;
}
