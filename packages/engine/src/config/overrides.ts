import { parseToml, type TomlTable } from "../toml.js";

/** Builds the session layer from `-c key=value` flags: the value is TOML, or a bare string if it isn't. */
export function overridesToDoc(overrides: string[]): { doc: TomlTable; error?: string } {
  const doc: TomlTable = {};
  for (const raw of overrides) {
    const eq = raw.indexOf("=");
    if (eq <= 0) return { doc, error: `Invalid override (missing '='): ${raw}` };
    const path = raw
      .slice(0, eq)
      .trim()
      .split(".")
      .map((s) => s.trim());
    const text = raw.slice(eq + 1).trim();
    const parsed = parseToml(`__v = ${text}`);
    const value = parsed.ok ? parsed.doc.__v : text;
    let cur = doc;
    for (const seg of path.slice(0, -1)) {
      const next = cur[seg];
      cur[seg] = typeof next === "object" && next !== null && !Array.isArray(next) ? next : {};
      cur = cur[seg] as TomlTable;
    }
    cur[path[path.length - 1]!] = value;
  }
  return { doc };
}
