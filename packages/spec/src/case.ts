import { z } from "zod";
import { Edition } from "./enums.js";

/** Current interpretation version of the case format; bump when field meanings change. */
export const CASE_FORMAT_VERSION = 1;

/**
 * Expectations map an Outcome path (dotted, array indices as numbers: `warnings.0.code`)
 * to a value. A value is matched exactly (deep equality) unless it is an operator table:
 * `{ "$contains" = x }` (string contains / array has an element equal to x),
 * `{ "$absent" = true }`, `{ "$null" = true }`, `{ "$len" = n }`, `{ "$match" = "regex" }`.
 */
export const ExpectationsSchema = z.record(z.string(), z.unknown());

export const CaseTestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "test ids are lower-case slugs"),
    description: z.string().optional(),
    /** Deep-merged over the case scenario (tables merge, scalars and arrays replace). */
    scenario: z.record(z.string(), z.unknown()).optional(),
    expect: ExpectationsSchema.default({}),
    /** Per-edition expectations, merged over `expect` for that edition. */
    expect_by_edition: z.record(z.string(), ExpectationsSchema).optional(),
    /** Editions this test applies to; defaults to the case editions. */
    editions: z.array(Edition).optional(),
    /** The Codex releases this test's claims hold for, within the case's `codex` range. */
    codex: z.string().optional(),
  })
  .strict();

export const NegativeSchema = z
  .object({
    phase: z.enum(["parse", "validation", "resolution"]),
    status: z.literal("refused").default("refused"),
    code: z.string(),
  })
  .strict();

export const CaseSchema = z
  .object({
    format: z.literal(CASE_FORMAT_VERSION).default(CASE_FORMAT_VERSION),
    /** Stable id: never changes when the description does. */
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "case ids are lower-case slugs"),
    description: z.string().min(1),
    editions: z.array(Edition).min(1),
    /** Semver range of Codex releases the case applies to, e.g. ">=0.142.0". */
    codex: z.string().default("*"),
    tags: z.array(z.string()).default([]),
    /** References: `oracle-findings.md#a05`, `spec-from-source.md#7.1`, `documented-edition.md#...`. */
    evidence: z.array(z.string()).min(1),
    negative: NegativeSchema.optional(),
    scenario: z.record(z.string(), z.unknown()),
    tests: z.array(CaseTestSchema).min(1),
  })
  .strict();

export type CaseTest = z.infer<typeof CaseTestSchema>;
export type Case = z.infer<typeof CaseSchema>;

/** Path segments that make a check an explanation check; everything else is a decision check. */
export const EXPLANATION_SEGMENTS = [
  "message",
  "source",
  "sources",
  "reason",
  "notices",
  "warnings",
  "trace",
  "pinned_by",
  "origin",
  "layer",
  "line",
  "column",
  "rule",
] as const;

export function checkClass(path: string): "decision" | "explanation" {
  const segs = path.split(".");
  return segs.some((s) => (EXPLANATION_SEGMENTS as readonly string[]).includes(s))
    ? "explanation"
    : "decision";
}
