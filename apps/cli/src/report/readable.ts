import type { Outcome } from "@codex-policy/spec";

const FIELD_FOR: Record<string, string> = {
  approval_policy: "allowed_approval_policies",
  approvals_reviewer: "allowed_approvals_reviewers",
  sandbox_mode: "allowed_sandbox_modes",
  web_search: "allowed_web_search_modes",
};

interface TraceLike {
  fields?: Record<string, { source: string; value: unknown }[]>;
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** The human report: effective values with their origin, what they overrode, and the warnings. */
export function readableReport(o: Outcome): string {
  const out: string[] = [];
  out.push(`edition: ${o.edition}`);
  out.push(`status:  ${o.status}`);
  if (o.cloud)
    out.push(`cloud:   ${o.cloud.path}${o.cloud.rule ? ` (${o.cloud.rule})` : ""} - ${o.cloud.reason}`);
  const trace = (o.trace ?? {}) as TraceLike;
  if (o.effective) {
    out.push("", "effective:");
    for (const key of ["approval_policy", "approvals_reviewer", "sandbox_mode", "web_search"] as const) {
      const req = o.requirements[FIELD_FOR[key]!];
      const from = o.effective.sources?.[key] ?? "default";
      const limit = req ? `  allowed ${show(req.value)} by ${req.source}` : "";
      out.push(`  ${key.padEnd(20)} ${o.effective[key].padEnd(20)} from ${from}${limit}`);
      const below = trace.fields?.[FIELD_FOR[key]!]?.slice(1) ?? [];
      for (const b of below) out.push(`  ${"".padEnd(20)} overrode ${show(b.value)} from ${b.source}`);
    }
    const eff = o.effective;
    if (eff.permission_profile !== undefined) {
      const from = eff.sources?.permission_profile ?? "default";
      out.push(
        `  ${"permission_profile".padEnd(20)} ${(eff.permission_profile ?? "none").padEnd(20)} from ${from}`,
      );
    }
    if (eff.network_access !== undefined) {
      const from = eff.sources?.network_access ?? "default";
      out.push(
        `  ${"network_access".padEnd(20)} ${(eff.network_access ? "on" : "off").padEnd(20)} from ${from}`,
      );
    }
    const pinned = Object.entries(o.effective.features).filter(([, f]) => f.pinned_by);
    if (pinned.length) {
      out.push("", "feature pins:");
      for (const [k, f] of pinned)
        out.push(`  ${k.padEnd(32)} ${f.enabled ? "on " : "off"} pinned by ${f.pinned_by}`);
    }
    const servers = Object.entries(o.effective.mcp_servers);
    if (servers.length) {
      out.push("", "mcp servers:");
      for (const [k, s] of servers)
        out.push(`  ${k.padEnd(24)} ${s.enabled ? "enabled " : "disabled"} ${s.reason ?? ""}`.trimEnd());
    }
    if (o.effective.hooks.length) {
      out.push("", "hooks:");
      for (const h of o.effective.hooks)
        out.push(`  ${h.event.padEnd(18)} ${h.command}  (${h.source}${h.managed ? ", managed" : ""})`);
    }
    if (o.effective.commands.length) {
      out.push("", "commands:");
      for (const c of o.effective.commands) {
        out.push(
          `  ${c.command}\n    ${c.outcome} (decision ${c.decision}${c.rule ? `, rule ${c.rule}` : ""})`,
        );
        if (c.message) out.push(`    model sees: ${c.message}`);
      }
    }
  }
  const reqKeys = Object.keys(o.requirements);
  if (reqKeys.length) {
    out.push("", "requirements:");
    for (const k of reqKeys)
      out.push(`  ${k.padEnd(28)} ${show(o.requirements[k]!.value)}  [${o.requirements[k]!.source}]`);
  }
  if (o.errors.length) {
    out.push("", "Codex refuses to start:");
    for (const e of o.errors)
      out.push(
        `  [${e.code}] ${e.layer}${e.line ? `:${e.line}:${e.column ?? 1}` : ""}: ${e.message.trimEnd()}`,
      );
  }
  if (o.warnings.length) {
    out.push("", "warnings the user sees:");
    for (const w of o.warnings) out.push(`  - ${w.message.replace(/\n/g, "\n    ")}`);
  }
  const notes = o.notices.filter((n) => n.kind !== "fallback");
  if (notes.length) {
    out.push("", "notices:");
    for (const n of notes) out.push(`  - [${n.kind}] ${n.message}`);
  }
  return `${out.join("\n")}\n`;
}
