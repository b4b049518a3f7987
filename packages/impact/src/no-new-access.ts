import { editionSpec } from "@codex-policy/engine";
import type { Edition } from "@codex-policy/spec";
import { policySpace } from "./default-roster.js";
import { type FieldChange, impactOf } from "./impact.js";
import type { Policy } from "./policy.js";
import type { RosterEntry } from "./roster.js";

/** How much each value of a setting lets Codex do without a person, least first. */
const RANKS: Record<string, readonly string[]> = {
  "effective.approval_policy": ["untrusted", "on-failure", "on-request", "never"],
  "effective.sandbox_mode": ["read-only", "workspace-write", "external-sandbox", "danger-full-access"],
  "effective.web_search": ["disabled", "cached", "indexed", "live"],
  "effective.approvals_reviewer": ["user", "guardian_subagent", "auto_review"],
  "effective.network_access": ["false", "true"],
  status: ["refused", "ok"],
};
const COMMAND_RANK = ["rejected", "ask-user", "ask-reviewer", "run"];

/** Whether one change gives more access than before: a wider setting, a server or feature turned on, a command let through. */
export function grantsMore(c: FieldChange): boolean {
  const rank = RANKS[c.path] ?? (/^effective\.commands\.\d+\.outcome$/.test(c.path) ? COMMAND_RANK : null);
  if (rank) return rank.indexOf(String(c.after)) > rank.indexOf(String(c.before));
  if (/^effective\.(mcp_servers|features)\..+\.enabled$/.test(c.path))
    return c.after === true && c.before !== true;
  return false;
}

export interface AccessCheck {
  /** Scenarios resolved under both policies. */
  explored: number;
  dimensions: { identities: number; hosts: number; configs: number };
  /** The first scenario, in order of how much its user configures, where the new policy grants more. */
  counterexample?: { entry: RosterEntry; gains: FieldChange[] };
}

/** Every user config over the settings that decide access, fewest keys first. */
function configs(edition: Edition, servers: string): { text: string; keys: number }[] {
  const release = editionSpec(edition);
  const axes: [string, readonly string[]][] = [
    ["approval_policy", release.approvalModes.filter((m) => m !== "granular" && m !== "reject")],
    ["sandbox_mode", ["read-only", "workspace-write", "danger-full-access"]],
    ["web_search", release.webSearchModes],
    ["approvals_reviewer", release.reviewers],
  ];
  let out: { lines: string[] }[] = [{ lines: [] }];
  for (const [key, values] of axes)
    out = out.flatMap((c) => [
      c,
      ...values.map((v) => ({ lines: [...c.lines, `${key} = ${JSON.stringify(v)}`] })),
    ]);
  return out
    .map((c) => ({ text: [...c.lines, servers].filter(Boolean).join("\n"), keys: c.lines.length }))
    .sort((a, b) => a.keys - b.keys);
}

/**
 * Checks that `after` grants nothing `before` did not, over the finite space the two policies can
 * tell apart: each identity the cloud group rules distinguish (no group, one per group), each host
 * the remote sandbox patterns distinguish, and every combination of approval, sandbox, web search and
 * reviewer a user can configure (unset included), with every allowlisted MCP server configured, every
 * pinned feature turned on and a probe command per prefix rule. Stops at the first counterexample, which has the fewest configured keys.
 */
export function checkNoNewAccess(before: Policy, after: Policy, edition: Edition): AccessCheck {
  const space = policySpace(before, after);
  const features =
    space.pinned.length > 0 ? `[features]\n${space.pinned.map((f) => `${f} = true`).join("\n")}` : "";
  const configsToTry = configs(edition, [...space.servers, features].filter(Boolean).join("\n"));
  const dimensions = {
    identities: space.who.length,
    hosts: space.hosts.length,
    configs: configsToTry.length,
  };
  let explored = 0;
  for (const config of configsToTry) {
    const roster: RosterEntry[] = space.who.flatMap((w) =>
      space.hosts.map((h) => ({
        name: `${w.label}, ${h.label}`,
        count: 1,
        identity: w.identity,
        host: h.host,
        ...(config.text ? { userConfig: config.text } : {}),
        commands: space.commands,
      })),
    );
    for (const i of impactOf(before, after, roster, edition)) {
      explored++;
      const gains = i.changes.filter(grantsMore);
      if (gains.length > 0) return { explored, dimensions, counterexample: { entry: i.entry, gains } };
    }
  }
  return { explored, dimensions };
}
