type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Merges a test's scenario patch over the case scenario: tables merge key by key, arrays and
 * scalars replace. Neither input is modified.
 */
export function mergePatch(base: Table, patch: Table): Table {
  const out: Table = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = isTable(b) && isTable(v) ? mergePatch(b, v) : v;
  }
  return out;
}
