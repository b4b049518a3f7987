import { PUBLISHED_MINORS, releaseEdition } from "@codex-policy/spec";
import { type EditionSpec, editionSpec } from "../editions.js";
import { catalogueFor, type FeatureAlias } from "../features/catalogue.js";

export const minorName = (r: EditionSpec): string => r.featureRelease.replace(/\.\d+$/, "");

/** `0.124` or `0.124-0.130`. */
export const rangeName = (range: readonly EditionSpec[]): string =>
  range.length === 1 ? minorName(range[0]!) : `${minorName(range[0]!)}-${minorName(range.at(-1)!)}`;

/** The range that holds a published minor, or null. */
export function rangeContaining(ranges: readonly EditionSpec[][], minor: number): EditionSpec[] | null {
  return ranges.find((r) => r.some((e) => minorName(e) === `0.${minor}`)) ?? null;
}

/** Consecutive published releases with the same signature, oldest first. */
export function releaseRanges(signature: (release: EditionSpec) => string): EditionSpec[][] {
  const out: { signature: string; range: EditionSpec[] }[] = [];
  for (const minor of PUBLISHED_MINORS) {
    const release = editionSpec(releaseEdition(minor));
    const s = signature(release);
    const last = out.at(-1);
    if (last && last.signature === s) last.range.push(release);
    else out.push({ signature: s, range: [release] });
  }
  return out.map((g) => g.range);
}

/** Releases as runs of consecutive ones in the range: `0.150-0.153, 0.160`. */
function runs(names: readonly string[], range: readonly EditionSpec[]): string {
  const at = new Set(names);
  const out: string[][] = [];
  let run: string[] = [];
  for (const r of range.map(minorName)) {
    if (at.has(r)) run.push(r);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out.map((r) => (r.length === 1 ? r[0] : `${r[0]}-${r.at(-1)}`)).join(", ");
}

/**
 * Every feature key (and alias, where `aliases` says it counts) some release of the range knows,
 * with the text to show (saying which releases know it, when not all do) and its default state in the
 * newest of them.
 */
export function rangeFeatures(
  range: readonly EditionSpec[],
  aliasCounts: (alias: FeatureAlias, release: EditionSpec) => boolean,
): [string, string, boolean][] {
  const seen = new Map<string, { about: string; in: string[]; on: boolean }>();
  for (const release of range) {
    for (const f of catalogueFor(release.featureRelease).all) {
      const about = `${f.stage} feature, ${f.default ? "on" : "off"} by default${f.pin === "effective" ? "" : "; a pin has no effect"}.`;
      const names: [string, string][] = [
        [f.key, about],
        ...f.aliases
          .filter((a) => aliasCounts(a, release))
          .map((a): [string, string] => [a.key, `Older name of ${f.key}. ${about}`]),
      ];
      for (const [key, text] of names) {
        const entry = seen.get(key) ?? { about: text, in: [], on: f.default };
        entry.about = text;
        entry.on = f.default;
        entry.in.push(minorName(release));
        seen.set(key, entry);
      }
    }
  }
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, e]) => [
      key,
      e.in.length === range.length ? e.about : `${e.about} Known to Codex ${runs(e.in, range)} only.`,
      e.on,
    ]);
}
