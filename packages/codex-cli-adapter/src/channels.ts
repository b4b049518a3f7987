/** Observation channels: each one is a separate thing the probe asks the binary. */
export const CHANNELS = [
  /** `app-server --print-startup-config`: merged requirements and load errors. Always run. */
  "requirements",
  /** app-server `thread/start`: effective approval policy, reviewer and sandbox; `configWarning`s. */
  "session",
  /** the tool list in the request to the stand-in model. */
  "web_search",
  /** `codex features list`. */
  "features",
  /** `codex mcp list --json`. */
  "mcp",
  /** app-server `hooks/list`. */
  "hooks",
  /** scripted `exec_command` tool calls through the stand-in model. */
  "commands",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Outcome path prefixes that no channel of the binary can show. */
export const NEVER_OBSERVED = ["notices", "trace", "cloud", "effective.sources"];

/** Prefixes (a `*` segment matches any one segment) that a channel covers. */
const CHANNEL_PATHS: Record<Channel, string[]> = {
  requirements: ["requirements", "status", "errors", "edition"],
  // A thread can still fail to start after the startup config loaded (project config loads then).
  session: [
    "status",
    "errors",
    "effective.approval_policy",
    "effective.approvals_reviewer",
    "effective.sandbox_mode",
    "effective.permission_profile",
    "effective.network_access",
    "warnings",
  ],
  web_search: ["effective.web_search"],
  features: ["effective.features"],
  mcp: ["effective.mcp_servers"],
  hooks: ["effective.hooks"],
  commands: ["effective.commands"],
};

/** True when `path` equals `prefix` or lies under it; `*` in the prefix matches one segment. */
export function underPrefix(path: string, prefix: string): boolean {
  const p = path.split(".");
  const q = prefix.split(".");
  if (q.length > p.length) return false;
  return q.every((seg, i) => seg === "*" || seg === p[i]);
}

/**
 * Channels needed to observe the given Outcome expectation paths. `requirements` is always included
 * (it decides refusals); warnings need the session. Unknown or whole-Outcome paths need everything.
 */
export function channelsFor(paths: string[]): Channel[] {
  const out = new Set<Channel>(["requirements"]);
  for (const path of paths) {
    if (path === "" || path === "effective") {
      for (const c of CHANNELS) out.add(c);
      continue;
    }
    for (const c of CHANNELS) {
      if (CHANNEL_PATHS[c].some((prefix) => underPrefix(path, prefix) || underPrefix(prefix, path)))
        out.add(c);
    }
  }
  return CHANNELS.filter((c) => out.has(c));
}

/** Outcome prefixes left unobserved when only `channels` ran. */
export function unobservedFor(channels: readonly Channel[]): string[] {
  const missing = CHANNELS.filter((c) => !channels.includes(c)).flatMap((c) => CHANNEL_PATHS[c]);
  return [...NEVER_OBSERVED, ...missing];
}
