/**
 * Which top-level key each line of a TOML document belongs to (null for blank and comment lines),
 * so that one key can be checked alone with every line where the author wrote it.
 */
export function lineOwners(text: string): (string | null)[] {
  const lines = text.split("\n");
  const owners: (string | null)[] = [];
  let table: string | null = null;
  let depth = 0;
  let multi: '"""' | "'''" | null = null;
  let owner: string | null = null;
  for (const line of lines) {
    const continuing = depth > 0 || multi !== null;
    if (!continuing) {
      const t = line.trim();
      if (t === "" || t.startsWith("#")) {
        owners.push(null);
        continue;
      }
      if (t.startsWith("[")) {
        table = firstSegment(t.replace(/^\[\[?/, ""));
        owners.push(table);
        continue;
      }
      owner = table ?? firstSegment(t);
    }
    owners.push(owner);
    ({ depth, multi } = scan(line, continuing ? 0 : line.indexOf("=") + 1, depth, multi));
  }
  return owners;
}

/** The first segment of a dotted key (quoted or bare). */
function firstSegment(s: string): string {
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))/.exec(s);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : s.trim();
}

/** Bracket depth and open multi-line string after a line's value text. */
function scan(
  line: string,
  from: number,
  depth: number,
  multi: '"""' | "'''" | null,
): { depth: number; multi: '"""' | "'''" | null } {
  for (let i = Math.max(0, from); i < line.length; i++) {
    if (multi) {
      if (multi === '"""' && line[i] === "\\") {
        i++;
        continue;
      }
      if (line.startsWith(multi, i)) {
        multi = null;
        i += 2;
      }
      continue;
    }
    const c = line[i]!;
    if (c === "#") break;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      multi = line.slice(i, i + 3) as '"""' | "'''";
      i += 2;
    } else if (c === '"' || c === "'") {
      for (i++; i < line.length && line[i] !== c; i++) if (c === '"' && line[i] === "\\") i++;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return { depth, multi };
}
