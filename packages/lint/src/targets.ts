import {
  editionMinor,
  LATEST_EDITION,
  newestPatch,
  PUBLISHED_MINORS,
  RELEASE_EDITIONS,
  releaseEdition,
  satisfies,
} from "@codex-policy/spec";

/** What `--codex` names: the editions of every published release in a semver range. */
export type TargetParse = { ok: true; editions: string[] } | { ok: false; message: string };

/** The editions a `--codex` range covers; without one, the newest modelled release. */
export function targetEditions(range: string | undefined): TargetParse {
  if (range === undefined) return { ok: true, editions: [LATEST_EDITION] };
  try {
    const editions = PUBLISHED_MINORS.filter((m) => satisfies(newestPatch(m)!, range)).map(releaseEdition);
    if (editions.length === 0)
      return { ok: false, message: `--codex '${range}' matches no published Codex release` };
    return { ok: true, editions };
  } catch (e) {
    return { ok: false, message: `--codex: ${(e as Error).message}` };
  }
}

/** Releases as short ranges of consecutive targets: `0.110–0.123, 0.169`. */
export function describeReleases(editions: readonly string[], targets: readonly string[]): string {
  const at = new Set(editions);
  const runs: string[][] = [];
  let run: string[] = [];
  for (const t of targets) {
    if (at.has(t)) run.push(t);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const name = (e: string) => `0.${editionMinor(e)}`;
  return runs
    .map((r) => (r.length === 1 ? name(r[0]!) : `${name(r[0]!)}–${name(r[r.length - 1]!)}`))
    .join(", ");
}

export { RELEASE_EDITIONS };
