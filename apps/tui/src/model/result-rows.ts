import type { Outcome } from "@codex-policy/spec";

export type Tone = "normal" | "ok" | "warn" | "error" | "muted" | "heading";

export interface ResultRow {
  /** Stable id used by the explain view: `field:sandbox_mode`, `mcp:github`, `warning:0`… */
  id: string;
  label: string;
  value: string;
  source: string;
  tone: Tone;
}

/** The four constrained settings, and the requirements key that constrains each (display mapping only). */
export const CONSTRAINED_FIELDS = [
  { field: "approval_policy", requirement: "allowed_approval_policies", label: "approval" },
  { field: "sandbox_mode", requirement: "allowed_sandbox_modes", label: "sandbox" },
  { field: "web_search", requirement: "allowed_web_search_modes", label: "web search" },
  { field: "approvals_reviewer", requirement: "allowed_approvals_reviewers", label: "reviewer" },
] as const;

const heading = (id: string, label: string): ResultRow => ({
  id,
  label,
  value: "",
  source: "",
  tone: "heading",
});

export function errorLocation(e: Outcome["errors"][number]): string {
  const at = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ""}` : "";
  return `${e.layer}${at}`;
}

/** The permission profile and network access, when the implementation reports them. */
function permissionRows(eff: NonNullable<Outcome["effective"]>, rows: ResultRow[]): void {
  if (eff.permission_profile !== undefined) {
    const from = eff.sources?.permission_profile;
    rows.push({
      id: "field:permission_profile",
      label: "profile",
      value: eff.permission_profile ?? "none (legacy)",
      source: from ? `from ${from}` : "",
      tone: "normal",
    });
  }
  if (eff.network_access !== undefined) {
    const from = eff.sources?.network_access;
    rows.push({
      id: "field:network_access",
      label: "network",
      value: eff.network_access ? "on" : "off",
      source: from ? `from ${from}` : "",
      tone: eff.network_access ? "warn" : "normal",
    });
  }
}

/** Projects an Outcome onto the Result pane's rows. Reads the Outcome only. */
export function resultRows(outcome: Outcome): ResultRow[] {
  const rows: ResultRow[] = [];
  if (outcome.status === "refused" || !outcome.effective) {
    rows.push({ id: "status", label: "REFUSED", value: "Codex will not start", source: "", tone: "error" });
    outcome.errors.forEach((e, i) => {
      rows.push({
        id: `error:${i}`,
        label: errorLocation(e),
        value: e.message,
        source: e.code,
        tone: "error",
      });
    });
  } else {
    const eff = outcome.effective;
    for (const f of CONSTRAINED_FIELDS) {
      const req = outcome.requirements[f.requirement];
      const cfg = eff.sources?.[f.field];
      const source = [cfg ? `from ${cfg}` : "", req ? `req ${req.source}` : ""].filter(Boolean).join(" · ");
      rows.push({
        id: `field:${f.field}`,
        label: f.label,
        value: String(eff[f.field]),
        source,
        tone: "normal",
      });
    }
    permissionRows(eff, rows);
    warningRows(outcome, rows);
    const servers = Object.entries(eff.mcp_servers).sort(([a], [b]) => a.localeCompare(b));
    rows.push(heading("h:mcp", `MCP servers (${servers.length})`));
    for (const [name, st] of servers) {
      rows.push({
        id: `mcp:${name}`,
        label: name,
        value: st.enabled ? "enabled" : "disabled",
        source: st.reason ?? (st.origin ? `from ${st.origin}` : ""),
        tone: st.enabled ? "ok" : "warn",
      });
    }
    rows.push(heading("h:hooks", `hooks (${eff.hooks.length})`));
    eff.hooks.forEach((h, i) => {
      rows.push({
        id: `hook:${i}`,
        label: `${h.event}${h.matcher ? `(${h.matcher})` : ""}`,
        value: h.command,
        source: h.managed ? `managed${h.layer ? ` via ${h.layer}` : ""}` : h.source,
        tone: "normal",
      });
    });
    rows.push(heading("h:commands", `commands (${eff.commands.length})`));
    eff.commands.forEach((c, i) => {
      rows.push({
        id: `command:${i}`,
        label: c.command,
        value: `${c.decision} → ${c.outcome}`,
        source: c.rule ?? "no rule",
        tone: c.outcome === "rejected" ? "error" : c.outcome === "run" ? "ok" : "warn",
      });
    });
    // Only features a requirement pins or a config layer sets; the rest sit at their defaults.
    const all = Object.entries(eff.features).sort(([a], [b]) => a.localeCompare(b));
    const features = all.filter(([, st]) => st.pinned_by || (st.source && st.source !== "default"));
    rows.push(
      heading("h:features", `features (${features.length} set; ${all.length - features.length} at defaults)`),
    );
    for (const [name, st] of features) {
      const source = st.pinned_by ? `pinned by ${st.pinned_by}` : (st.source ?? "");
      rows.push({
        id: `feature:${name}`,
        label: name,
        value: st.enabled ? "on" : "off",
        source,
        tone: st.pinned_by ? "warn" : "normal",
      });
    }
  }
  if (outcome.status === "refused" || !outcome.effective) warningRows(outcome, rows);
  return rows;
}

function warningRows(outcome: Outcome, rows: ResultRow[]): void {
  rows.push(heading("h:warnings", `warnings the user sees (${outcome.warnings.length})`));
  outcome.warnings.forEach((w, i) => {
    rows.push({ id: `warning:${i}`, label: "⚠", value: w.message, source: w.code, tone: "warn" });
  });
}

/** Rows the cursor can land on (headings are skipped by the view, not stored). */
export const selectable = (r: ResultRow) => r.tone !== "heading";
