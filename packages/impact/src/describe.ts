import type { FieldChange, ImpactGroup } from "./impact.js";

const show = (v: unknown): string =>
  v === null || v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v);
const firstLine = (s: string) => (s.split("\n")[0] ?? "").slice(0, 120);

const SETTINGS: Record<string, string> = {
  "effective.approval_policy": "approval",
  "effective.sandbox_mode": "sandbox",
  "effective.approvals_reviewer": "reviewer",
  "effective.web_search": "web search",
  "effective.permission_profile": "permission profile",
  "effective.network_access": "network access",
};

/** One change in words: what a person gains or loses. */
export function describeChange(c: FieldChange, commands: readonly string[] = []): string[] {
  if (c.path === "status")
    return [c.after === "refused" ? "Codex now refuses to start" : "Codex starts again (it refused before)"];
  if (c.path === "errors.0.code") return [];
  if (c.path === "warnings") {
    const before = new Set((c.before as string[] | null) ?? []);
    const after = new Set((c.after as string[] | null) ?? []);
    return [
      ...[...after].filter((w) => !before.has(w)).map((w) => `new warning: ${firstLine(w)}`),
      ...[...before].filter((w) => !after.has(w)).map((w) => `warning gone: ${firstLine(w)}`),
    ];
  }
  const setting = SETTINGS[c.path];
  if (setting) return [`${setting} ${show(c.before)} → ${show(c.after)}`];
  const mcp = /^effective\.mcp_servers\.(.+)\.enabled$/.exec(c.path);
  if (mcp) {
    if (c.before === true && c.after !== true) return [`lose MCP server ${mcp[1]}`];
    if (c.after === true && c.before !== true) return [`gain MCP server ${mcp[1]}`];
    return [`MCP server ${mcp[1]} ${show(c.before)} → ${show(c.after)}`];
  }
  const feature = /^effective\.features\.(.+)\.enabled$/.exec(c.path);
  if (feature) return [`feature ${feature[1]} ${c.before ? "on" : "off"} → ${c.after ? "on" : "off"}`];
  const command = /^effective\.commands\.(\d+)\.outcome$/.exec(c.path);
  if (command) {
    const text = commands[Number(command[1])] ?? `command ${command[1]}`;
    return [`\`${text}\`: ${show(c.before)} → ${show(c.after)}`];
  }
  const req = /^requirements\.(.+)$/.exec(c.path);
  if (req) return [`requirement ${req[1]}: ${show(c.before)} → ${show(c.after)}`];
  return [`${c.path}: ${show(c.before)} → ${show(c.after)}`];
}

/** A group's headline: how many people, and who they are. */
export function groupHeadline(g: ImpactGroup): string {
  const people = `${g.people} ${g.people === 1 ? "person" : "people"}`;
  const groups = new Set(g.entries.flatMap((e) => e.identity.groups ?? []));
  const shared = [...groups].filter((x) => g.entries.every((e) => e.identity.groups?.includes(x)));
  const who = shared.length > 0 ? ` in group${shared.length > 1 ? "s" : ""} ${shared.join(", ")}` : "";
  const names = g.entries.map((e) => e.name);
  const list =
    names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more` : names.join(", ");
  return `${people}${who} (${list})`;
}

/** The change lines a group shares; command texts come from its first entry. */
export function groupLines(g: ImpactGroup): string[] {
  return g.changes.flatMap((c) => describeChange(c, g.entries[0]?.commands ?? []));
}
