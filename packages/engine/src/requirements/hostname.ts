/** Normalizes a host name or pattern: trimmed, trailing dots removed, lower-cased. */
export function normalizeHost(s: string): string {
  return s.trim().replace(/\.+$/, "").toLowerCase();
}

/** The name Codex matches: the resolver FQDN when it contains a dot, else the kernel hostname. */
export function matchHostname(host: { hostname: string; fqdn?: string | undefined }): string {
  const fqdn = host.fqdn ? normalizeHost(host.fqdn) : "";
  return fqdn.includes(".") ? fqdn : normalizeHost(host.hostname);
}

/** Whole-string glob: `*` is any run (dots included), `?` one character, everything else literal. */
export function globMatches(pattern: string, name: string): boolean {
  const p = normalizeHost(pattern);
  if (p === "") return false;
  // Iterative wildcard matching with backtracking to the last star.
  let pi = 0;
  let ni = 0;
  let star = -1;
  let mark = 0;
  while (ni < name.length) {
    if (pi < p.length && (p[pi] === "?" || p[pi] === name[ni])) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      mark = ni;
    } else if (star >= 0) {
      pi = star + 1;
      ni = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}
