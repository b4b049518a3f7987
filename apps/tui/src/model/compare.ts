import type { Outcome } from "@codex-policy/spec";

export interface CompareRow {
  path: string;
  left: string;
  right: string;
  differs: boolean;
}

/** Flattens the decision and provenance parts of an Outcome into `path → text`. */
export function outcomeFacts(o: Outcome): Map<string, string> {
  const m = new Map<string, string>();
  m.set("status", o.status);
  const e = o.effective;
  if (e) {
    for (const k of ["approval_policy", "sandbox_mode", "web_search", "approvals_reviewer"] as const) {
      m.set(k, `${e[k]}${e.sources?.[k] ? ` (${e.sources[k]})` : ""}`);
    }
    for (const [k, f] of Object.entries(e.features)) {
      // Features at their defaults are the same everywhere; listing ~200 of them would bury the differences.
      if (!f.pinned_by && (!f.source || f.source === "default")) continue;
      m.set(`features.${k}`, `${f.enabled ? "on" : "off"}${f.pinned_by ? ` pinned:${f.pinned_by}` : ""}`);
    }
    for (const [k, s] of Object.entries(e.mcp_servers)) m.set(`mcp.${k}`, s.enabled ? "enabled" : "disabled");
    for (const [i, h] of e.hooks.entries()) m.set(`hooks.${i}`, `${h.event} ${h.command} [${h.source}]`);
    for (const c of e.commands) m.set(`command: ${c.command}`, `${c.decision}/${c.outcome}`);
  }
  for (const [k, r] of Object.entries(o.requirements)) m.set(`req.${k}`, `from ${r.source}`);
  if (o.cloud) m.set("cloud", `${o.cloud.path}${o.cloud.rule ? ` (${o.cloud.rule})` : ""}`);
  for (const [i, x] of o.errors.entries()) m.set(`error.${i}`, `${x.code} @${x.layer}`);
  m.set("warnings", String(o.warnings.length));
  for (const [i, w] of o.warnings.entries()) m.set(`warning.${i}`, w.code);
  return m;
}

/** Side-by-side rows for two outcomes; every path either side has, in a stable order. */
export function compareOutcomes(left: Outcome, right: Outcome): CompareRow[] {
  const a = outcomeFacts(left);
  const b = outcomeFacts(right);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const l = a.get(path) ?? "—";
    const r = b.get(path) ?? "—";
    return { path, left: l, right: r, differs: l !== r };
  });
}
