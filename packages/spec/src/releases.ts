import data from "../data/releases.json";

/** A published stable `@openai/codex` release from 0.77.0 on. */
export interface Release {
  version: string;
  published: string;
}

export const RELEASES: readonly Release[] = (data as { releases: Release[] }).releases;

type Triple = [number, number, number];

export function versionTriple(v: string): Triple | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

export function compareVersions(a: string, b: string): number {
  const x = versionTriple(a) ?? [0, 0, 0];
  const y = versionTriple(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

export const minorOf = (v: string): number => versionTriple(v)?.[1] ?? -1;

/** The newest published patch of a published minor (`150` → `0.150.x`), or null. */
export function newestPatch(minor: number): string | null {
  return RELEASES.filter((r) => minorOf(r.version) === minor).at(-1)?.version ?? null;
}

/** Published minors, oldest first: `0.77`, `0.79`, … */
export const PUBLISHED_MINORS: readonly number[] = [...new Set(RELEASES.map((r) => minorOf(r.version)))];
export const OLDEST_MINOR = PUBLISHED_MINORS[0]!;
export const NEWEST_MINOR = PUBLISHED_MINORS[PUBLISHED_MINORS.length - 1]!;

/** The edition id of a published minor: `codex-0.150`. */
export const releaseEdition = (minor: number): `codex-0.${number}` => `codex-0.${minor}`;

/** Every codex edition id, oldest first. */
export const RELEASE_EDITIONS: readonly string[] = PUBLISHED_MINORS.map(releaseEdition);
export const LATEST_EDITION = releaseEdition(NEWEST_MINOR);

/** The release an edition models (`codex-0.150` → `0.150.0`, the minor's first published release). */
export function editionRelease(edition: string): string | null {
  const m = /^codex-0\.(\d+)$/.exec(edition);
  if (!m) return null;
  const minor = Number(m[1]);
  return RELEASES.find((r) => minorOf(r.version) === minor)?.version ?? null;
}

/** The minor number of a codex edition, or null for `documented`. */
export function editionMinor(edition: string): number | null {
  const m = /^codex-0\.(\d+)$/.exec(edition);
  return m ? Number(m[1]) : null;
}

export const EDITION_FORMS =
  "codex-0.<minor> (0.77 to 0.171, published minors only), codex-0.<minor>.<patch>, codex-latest, documented";

export type EditionParse =
  | { ok: true; edition: string; note?: string }
  | { ok: false; code: "edition-too-old" | "edition-unpublished" | "edition-unknown"; message: string };

function nearest(minor: number): string {
  const below = [...PUBLISHED_MINORS].reverse().find((m) => m < minor);
  const above = PUBLISHED_MINORS.find((m) => m > minor);
  const names = [below, above].filter((m): m is number => m !== undefined).map((m) => `codex-0.${m}`);
  return names.join(" and ");
}

/**
 * Reads an edition as a user writes it. `codex-0.150`, `codex-0.150.1`, `0.150`, `codex-latest` and
 * `documented` are accepted; the result is the canonical id (`codex-0.150`, `documented`).
 */
export function parseEdition(input: string): EditionParse {
  const s = input.trim();
  if (s === "documented") return { ok: true, edition: s };
  if (s === "codex-latest" || s === "latest") return { ok: true, edition: LATEST_EDITION };
  const m = /^(?:codex-)?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m)
    return {
      ok: false,
      code: "edition-unknown",
      message: `unknown edition '${input}'; use ${EDITION_FORMS}`,
    };
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3]];
  if (major === 0 && minor < OLDEST_MINOR)
    return {
      ok: false,
      code: "edition-too-old",
      message: `edition '${input}': requirements.toml is not read before 0.77.0, so no edition models it`,
    };
  if (major !== 0 || minor > NEWEST_MINOR)
    return {
      ok: false,
      code: "edition-unknown",
      message: `edition '${input}': the newest modelled release is 0.${NEWEST_MINOR} (codex-latest); use ${EDITION_FORMS}`,
    };
  if (!PUBLISHED_MINORS.includes(minor))
    return {
      ok: false,
      code: "edition-unpublished",
      message: `edition '${input}': 0.${minor} was never published; the nearest published releases are ${nearest(minor)}`,
    };
  if (patch !== undefined && !RELEASES.some((r) => r.version === `0.${minor}.${patch}`))
    return {
      ok: false,
      code: "edition-unpublished",
      message: `edition '${input}': 0.${minor}.${patch} was never published; published 0.${minor} releases: ${RELEASES.filter(
        (r) => minorOf(r.version) === minor,
      )
        .map((r) => r.version)
        .join(", ")}`,
    };
  return { ok: true, edition: releaseEdition(minor) };
}

/**
 * The edition for a binary's version. A version newer than the newest modelled release runs as
 * `codex-latest`, with a note that it is unmodelled.
 */
export function editionForVersion(version: string): EditionParse {
  const t = versionTriple(version.replace(/^codex-cli\s+/, "").replace(/[-+].*$/, ""));
  if (!t)
    return { ok: false, code: "edition-unknown", message: `cannot read a Codex version from '${version}'` };
  const [major, minor] = t;
  if (major > 0 || minor > NEWEST_MINOR)
    return {
      ok: true,
      edition: LATEST_EDITION,
      note: `Codex ${t.join(".")} is newer than the newest modelled release 0.${NEWEST_MINOR}; comparing against ${LATEST_EDITION}`,
    };
  if (PUBLISHED_MINORS.includes(minor)) return { ok: true, edition: releaseEdition(minor) };
  return parseEdition(`${major}.${minor}`);
}
