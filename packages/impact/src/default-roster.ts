import { parse } from "smol-toml";
import type { Policy } from "./policy.js";
import type { RosterEntry } from "./roster.js";

const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function docs(p: Policy): Record<string, unknown>[] {
  const texts = [
    p.system.requirements,
    p.cloud?.default,
    ...(p.cloud?.rules ?? []).map((r) => r.requirements),
  ];
  return texts.flatMap((t) => {
    if (typeof t !== "string") return [];
    try {
      return [parse(t) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** A host name a pattern matches: each `*` becomes `host`, `?` becomes `x`. */
const hostFor = (pattern: string) => pattern.replace(/\*/g, "host").replace(/\?/g, "x").replace(/\.$/, "");

/** A user config entry for an allowlisted MCP server, with the identity the allowlist names. */
function serverConfig(name: string, entry: unknown): string | null {
  const id = isTable(entry) && isTable(entry.identity) ? entry.identity : null;
  const key = /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
  if (id && typeof id.command === "string")
    return `[mcp_servers.${key}]\ncommand = ${JSON.stringify(id.command)}`;
  if (id && typeof id.url === "string") return `[mcp_servers.${key}]\nurl = ${JSON.stringify(id.url)}`;
  return null;
}

/** A command a prefix rule's pattern matches: each token, or the first of its alternatives. */
function commandFor(rule: unknown): string | null {
  if (!isTable(rule) || !Array.isArray(rule.pattern)) return null;
  const words = rule.pattern.map((t) =>
    isTable(t) && typeof t.token === "string"
      ? t.token
      : isTable(t) && Array.isArray(t.any_of) && typeof t.any_of[0] === "string"
        ? t.any_of[0]
        : null,
  );
  return words.every((w): w is string => w !== null && w !== "") ? words.join(" ") : null;
}

/** What the two policies can tell apart: identities, hosts, allowlisted MCP servers, rule commands. */
export interface PolicySpace {
  who: { label: string; identity: RosterEntry["identity"] }[];
  hosts: { label: string; host: RosterEntry["host"] }[];
  /** User config tables for every allowlisted MCP server, with the identity the allowlist names. */
  servers: string[];
  /** A command per prefix rule. */
  commands: string[];
  /** Features either policy pins: a user asking for access turns them on. */
  pinned: string[];
}

export function policySpace(before: Policy, after: Policy): PolicySpace {
  const all = [...docs(before), ...docs(after)];
  const cloud = Boolean(before.cloud || after.cloud);
  const groups = [
    ...new Set([...(before.cloud?.rules ?? []), ...(after.cloud?.rules ?? [])].flatMap((r) => r.groups)),
  ].sort();
  const patterns = new Set<string>();
  const servers = new Map<string, string>();
  const commands = new Set<string>();
  const pinned = new Set<string>();
  for (const d of all) {
    for (const key of ["features", "feature_requirements"]) {
      const t = d[key];
      if (isTable(t)) for (const name of Object.keys(t)) if (/^[A-Za-z0-9_-]+$/.test(name)) pinned.add(name);
    }
    for (const e of Array.isArray(d.remote_sandbox_config) ? d.remote_sandbox_config : [])
      if (isTable(e) && Array.isArray(e.hostname_patterns))
        for (const p of e.hostname_patterns) if (typeof p === "string" && p !== "") patterns.add(p);
    if (isTable(d.mcp_servers))
      for (const [name, entry] of Object.entries(d.mcp_servers)) {
        const cfg = serverConfig(name, entry);
        if (cfg && !servers.has(name)) servers.set(name, cfg);
      }
    const rules = isTable(d.rules) && Array.isArray(d.rules.prefix_rules) ? d.rules.prefix_rules : [];
    for (const r of rules) {
      const c = commandFor(r);
      if (c) commands.add(c);
    }
  }
  const identity = (g: string[]): RosterEntry["identity"] =>
    cloud ? { auth: "chatgpt", plan: "enterprise", groups: g } : { auth: "none", groups: [] };
  return {
    // Without a cloud policy every group is the same person.
    who: [
      { label: "no group", identity: identity([]) },
      ...(cloud ? groups.map((g) => ({ label: `group ${g}`, identity: identity([g]) })) : []),
      // Someone the cloud layer does not reach (not signed in to an eligible plan) sees the rest alone.
      ...(cloud ? [{ label: "not signed in", identity: { auth: "none" as const, groups: [] } }] : []),
    ],
    hosts: [
      { label: "laptop", host: { os: "linux", hostname: "laptop" } },
      ...[...patterns].sort().map((p) => ({
        label: p,
        host: { os: "linux" as const, hostname: hostFor(p).split(".")[0]!, fqdn: hostFor(p) },
      })),
    ],
    servers: [...servers.values()],
    commands: [...commands],
    pinned: [...pinned].sort(),
  };
}

/**
 * A roster that covers what the two policies can tell apart when none is given: a person with no
 * group and one per cloud group, on a plain laptop and on a host matching each remote_sandbox_config
 * pattern, asking for the most (never, danger-full-access, live search) or for the usual working setup
 * (on-request, workspace-write, cached), with every allowlisted MCP server and a probe command per
 * prefix rule; plus a person who configures nothing.
 */
export function defaultRoster(before: Policy, after: Policy): RosterEntry[] {
  const space = policySpace(before, after);
  // Asking for everything can make Codex refuse under both policies (never with a disallowed full
  // access), which hides what else differs: a second user asks for the usual working setup.
  const asks = [
    {
      label: "asking for everything",
      config: ['approval_policy = "never"', 'sandbox_mode = "danger-full-access"', 'web_search = "live"'],
    },
    {
      label: "asking for workspace-write",
      config: ['approval_policy = "on-request"', 'sandbox_mode = "workspace-write"', 'web_search = "cached"'],
    },
  ].map((a) => ({ label: a.label, config: [...a.config, ...space.servers].join("\n") }));
  const out: RosterEntry[] = [];
  for (const w of space.who)
    for (const h of space.hosts)
      for (const a of asks)
        out.push({
          name: `${w.label}, ${h.label}, ${a.label}`,
          count: 1,
          identity: w.identity,
          host: h.host,
          userConfig: a.config,
          commands: space.commands,
        });
  out.push({
    name: "no group, laptop, configuring nothing",
    count: 1,
    identity: space.who[0]!.identity,
    host: space.hosts[0]!.host,
    commands: space.commands,
  });
  return out;
}
