import type { Outcome } from "@codex-policy/spec";
import { CONSTRAINED_FIELDS, errorLocation, type Tone } from "./result-rows.js";

export interface ExplainLine {
  text: string;
  tone: Tone;
}

/** The engine's explain data (`Trace` in @codex-policy/engine), read defensively: `outcome.trace` is untyped. */
interface EngineTrace {
  host?: string;
  fields?: Record<string, { source: string; label: string; value: unknown }[]>;
  remoteSandbox?: {
    source: string;
    host: string;
    entries: { index: number; patterns: string[]; matched: boolean; modes: unknown }[];
    applied: number | null;
    replaced: unknown;
  }[];
  groupRules?: { name: string; groups: string[]; matched: boolean; applied: boolean }[];
  /** Requirement fields Codex enforces without reporting them. */
  unreported?: Record<string, { value: unknown; sources: string[] }>;
}

const fmt = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

function asTrace(t: unknown): EngineTrace {
  return t && typeof t === "object" ? (t as EngineTrace) : {};
}

/** Who set a requirements field: the winner first, then the layers it overrode. */
function settingLines(trace: EngineTrace, reqKey: string, out: ExplainLine[]): void {
  const settings = Array.isArray(trace.fields?.[reqKey]) ? trace.fields[reqKey] : [];
  if (!settings.length) return;
  const [win, ...below] = settings;
  out.push({ text: `  winning layer: ${win?.label} (${win?.source}) = ${fmt(win?.value)}`, tone: "ok" });
  for (const b of below)
    out.push({ text: `  overrode: ${b.label} (${b.source}) = ${fmt(b.value)}`, tone: "muted" });
}

/** Remote sandbox entries per layer: which hostname patterns matched the host and which missed. */
function remoteLines(trace: EngineTrace, out: ExplainLine[]): void {
  const rs = Array.isArray(trace.remoteSandbox) ? trace.remoteSandbox : [];
  if (!rs.length) return;
  out.push({
    text: `remote_sandbox_config (host name used: ${trace.host ?? rs[0]?.host ?? "?"}):`,
    tone: "heading",
  });
  for (const r of rs) {
    for (const e of r.entries ?? []) {
      const pats = (e.patterns ?? []).join(", ");
      if (e.matched) {
        out.push({
          text: `  ✓ ${r.source} entry ${e.index} [${pats}] matched: allows ${fmt(e.modes)}`,
          tone: "ok",
        });
      } else {
        out.push({ text: `  ✗ ${r.source} entry ${e.index} [${pats}] missed host ${r.host}`, tone: "warn" });
      }
    }
    if (r.applied === null) {
      out.push({
        text: `    ${r.source} keeps its top-level list ${fmt(r.replaced ?? "(none)")}`,
        tone: "muted",
      });
    } else if (r.replaced !== undefined) {
      out.push({ text: `    replaced ${r.source}'s top-level list ${fmt(r.replaced)}`, tone: "muted" });
    }
  }
}

/** Cloud group rules: which matched the identity's groups and which one applied. */
function groupRuleLines(trace: EngineTrace, groups: string[] | undefined, out: ExplainLine[]): void {
  const rules = Array.isArray(trace.groupRules) ? trace.groupRules : [];
  if (!rules.length) return;
  out.push({
    text: `cloud group rules (identity groups: ${groups?.length ? groups.join(", ") : "none"}):`,
    tone: "heading",
  });
  for (const r of rules) {
    const g = r.groups.join(", ") || "no groups";
    if (r.applied) out.push({ text: `  ✓ ${r.name} [${g}] applied`, tone: "ok" });
    else if (r.matched)
      out.push({ text: `  – ${r.name} [${g}] matched but an earlier rule applied`, tone: "muted" });
    else out.push({ text: `  ✗ ${r.name} [${g}]: identity is not in these groups`, tone: "warn" });
  }
}

function cloudLines(outcome: Outcome, out: ExplainLine[]): void {
  if (!outcome.cloud) return;
  const c = outcome.cloud;
  out.push({ text: "cloud requirements:", tone: "heading" });
  out.push({ text: `  path ${c.path}; rule ${c.rule ?? "none"}`, tone: "normal" });
  out.push({ text: `  ${c.reason}`, tone: c.path === "refused" || c.path === "skipped" ? "warn" : "muted" });
}

function noticeLines(
  outcome: Outcome,
  match: (field: string | null, kind: string) => boolean,
  out: ExplainLine[],
) {
  const ns = outcome.notices.filter((n) => match(n.field, n.kind));
  if (!ns.length) return;
  out.push({ text: "notices:", tone: "heading" });
  for (const n of ns) {
    const change =
      n.configured !== undefined || n.effective !== undefined
        ? ` [${fmt(n.configured)} → ${fmt(n.effective)}]`
        : "";
    out.push({ text: `  ${n.kind}${n.source ? ` (${n.source})` : ""}${change}: ${n.message}`, tone: "warn" });
  }
}

/** Builds the explain view for one Result row, from the Outcome's own explain data. */
export function explain(
  outcome: Outcome,
  rowId: string,
  groups?: string[],
): { title: string; lines: ExplainLine[] } {
  const out: ExplainLine[] = [];
  const [kind, ...rest] = rowId.split(":");
  const key = rest.join(":");
  const eff = outcome.effective;

  if (kind === "field") {
    const f = CONSTRAINED_FIELDS.find((x) => x.field === key);
    const value = eff ? String(eff[key as keyof typeof eff]) : "(refused)";
    out.push({ text: `effective ${key} = ${value}`, tone: "ok" });
    const cfgSource = eff?.sources?.[key];
    if (cfgSource) out.push({ text: `  configured by: ${cfgSource}`, tone: "normal" });
    const reqKey = f?.requirement ?? key;
    const req = outcome.requirements[reqKey];
    const trace = asTrace(outcome.trace);
    out.push({ text: `requirement ${reqKey}:`, tone: "heading" });
    if (req) {
      out.push({ text: `  effective allowed set: ${fmt(req.value)} (from ${req.source})`, tone: "normal" });
      settingLines(trace, reqKey, out);
    } else out.push({ text: "  not constrained by any requirements layer", tone: "muted" });
    if (key === "sandbox_mode") remoteLines(trace, out);
    groupRuleLines(trace, groups, out);
    noticeLines(
      outcome,
      (field, nkind) =>
        field === key ||
        field === reqKey ||
        (key === "sandbox_mode" && nkind === "remote-sandbox-match") ||
        nkind.startsWith("cloud"),
      out,
    );
    cloudLines(outcome, out);
    const warns = outcome.warnings.filter((w) => w.message.includes(key) || w.message.includes(reqKey));
    if (warns.length) out.push({ text: "warnings the user sees:", tone: "heading" });
    for (const w of warns) out.push({ text: `  ${w.message}`, tone: "warn" });
    return { title: `explain ${key}`, lines: out };
  }
  if (kind === "feature" && eff?.features[key]) {
    const st = eff.features[key];
    out.push({
      text: `feature ${key} = ${st.enabled ? "on" : "off"}${st.stage ? ` (${st.stage})` : ""}`,
      tone: "ok",
    });
    if (st.pinned_by) out.push({ text: `  pinned by requirements from ${st.pinned_by}`, tone: "warn" });
    if (st.source) out.push({ text: `  configured by ${st.source}`, tone: "normal" });
    const req = outcome.requirements.features;
    if (req)
      out.push({
        text: `  [features] requirement from ${(req.sources ?? [req.source]).join(", ")}`,
        tone: "muted",
      });
    settingLines(asTrace(outcome.trace), "features", out);
    noticeLines(outcome, (field) => field === `features.${key}` || field === key, out);
    return { title: `explain feature ${key}`, lines: out };
  }
  if (kind === "mcp" && eff?.mcp_servers[key]) {
    const st = eff.mcp_servers[key];
    out.push({
      text: `MCP server ${key}: ${st.enabled ? "enabled" : "disabled"}`,
      tone: st.enabled ? "ok" : "warn",
    });
    if (st.origin)
      out.push({
        text: `  defined in ${st.origin}${st.transport ? ` (${st.transport})` : ""}`,
        tone: "normal",
      });
    if (st.reason) out.push({ text: `  disabled by ${st.reason}`, tone: "warn" });
    const req = asTrace(outcome.trace).unreported?.mcp_servers;
    if (req) {
      out.push({ text: `  allowlist from ${req.sources.join(", ")}`, tone: "normal" });
      const entry =
        req.value && typeof req.value === "object" ? (req.value as Record<string, unknown>)[key] : undefined;
      out.push({
        text: `  allowlist entry: ${entry === undefined ? "none for this name" : fmt(entry)}`,
        tone: "muted",
      });
    } else out.push({ text: "  no MCP allowlist: servers are unconstrained", tone: "muted" });
    settingLines(asTrace(outcome.trace), "mcp_servers", out);
    noticeLines(outcome, (field) => field === `mcp_servers.${key}`, out);
    return { title: `explain MCP server ${key}`, lines: out };
  }
  if (kind === "command" && eff?.commands[Number(key)]) {
    const c = eff.commands[Number(key)]!;
    out.push({ text: `command: ${c.command}`, tone: "ok" });
    out.push({ text: `  decision ${c.decision}; the call is ${c.outcome}`, tone: "normal" });
    out.push({ text: `  decided by ${c.rule ?? "no rule (heuristics)"}`, tone: "normal" });
    if (c.message) out.push({ text: `  model is told: ${c.message}`, tone: "warn" });
    settingLines(asTrace(outcome.trace), "rules", out);
    return { title: "explain command", lines: out };
  }
  if (kind === "hook" && eff?.hooks[Number(key)]) {
    const h = eff.hooks[Number(key)]!;
    out.push({ text: `hook ${h.event}${h.matcher ? ` (${h.matcher})` : ""}: ${h.command}`, tone: "ok" });
    out.push({ text: `  source ${h.source}; ${h.managed ? "managed" : "not managed"}`, tone: "normal" });
    if (h.layer) out.push({ text: `  delivered by ${h.layer}`, tone: "normal" });
    return { title: "explain hook", lines: out };
  }
  if (kind === "warning" && outcome.warnings[Number(key)]) {
    const w = outcome.warnings[Number(key)]!;
    out.push({ text: `[${w.code}]`, tone: "heading" }, { text: w.message, tone: "warn" });
    return { title: "warning", lines: out };
  }
  if (kind === "error" && outcome.errors[Number(key)]) {
    const e = outcome.errors[Number(key)]!;
    out.push(
      { text: `${errorLocation(e)} [${e.code}]`, tone: "heading" },
      { text: e.message, tone: "error" },
    );
    cloudLines(outcome, out);
    groupRuleLines(asTrace(outcome.trace), groups, out);
    return { title: "why Codex refuses", lines: out };
  }
  if (kind === "status") {
    out.push({ text: "Codex refuses to start:", tone: "error" });
    for (const e of outcome.errors) out.push({ text: `  ${errorLocation(e)}: ${e.message}`, tone: "error" });
    cloudLines(outcome, out);
    return { title: "refused", lines: out };
  }
  out.push({ text: "Select a value row in the Result pane to explain it.", tone: "muted" });
  return { title: "explain", lines: out };
}
