import type { ResultRecord, ScoredCheck } from "./types.js";

export function show(v: unknown): string {
  if (v === undefined) return "(absent)";
  return JSON.stringify(v);
}

/** The checks that made a record fail (or not testable), as expected-versus-actual lines. */
export function diffLines(r: ResultRecord, indent = "    "): string[] {
  const bad = r.checks.filter((c: ScoredCheck) => c.scored && (!c.ok || c.unobserved));
  const out: string[] = [];
  for (const c of bad) {
    const tag = c.unobserved ? `${c.class}, unobserved` : c.class;
    out.push(`${indent}${c.path} [${tag}]`);
    out.push(`${indent}  - expected: ${show(c.expected)}`);
    out.push(`${indent}  + actual:   ${show(c.actual)}`);
  }
  return out;
}

/** Display name of a record: its id, with the edition when the run had several. */
export function displayName(r: ResultRecord): string {
  return `${r.id} [${r.edition}]`;
}
