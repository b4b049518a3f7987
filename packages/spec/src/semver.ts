/** A tiny semver range matcher: `*`, `=`, `>`, `>=`, `<`, `<=`, space-joined ANDs, `||` ORs. */

type Triple = [number, number, number];

export function parseVersion(v: string): Triple | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(v.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export class VersionRangeError extends Error {
  readonly code = "version-range-invalid";
}

/** True when `version` satisfies `range`. Throws VersionRangeError for a malformed range or version. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) throw new VersionRangeError(`not a version: '${version}'`);
  return range.split("||").some((alt) => {
    const parts = alt.trim().split(/\s+/).filter(Boolean);
    return parts.every((p) => comparatorHolds(v, p, range));
  });
}

function comparatorHolds(v: Triple, comp: string, range: string): boolean {
  if (comp === "*" || comp === "x") return true;
  const m = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(comp);
  const bound = m ? parseVersion(m[2]!) : null;
  if (!m || !bound) throw new VersionRangeError(`bad version range '${range}' (at '${comp}')`);
  const c = compare(v, bound);
  switch (m[1] ?? "=") {
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    default:
      return c === 0;
  }
}

/** Validates a range without a version; returns an error message or null. */
export function rangeProblem(range: string): string | null {
  try {
    satisfies("0.0.0", range);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
