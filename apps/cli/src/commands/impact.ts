import { resolve as resolvePath } from "node:path";
import {
  defaultRoster,
  ImpactInputError,
  type ImpactReport,
  impactOf,
  jsonImpact,
  markdownImpact,
  type RosterEntry,
  readableImpact,
  readPolicyVersion,
  readRoster,
} from "@codex-policy/impact";
import { type Edition, LATEST_EDITION, parseEdition } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy impact --before OLD --after NEW [--roster FILE] [--codex RELEASE]
                            [--format readable|json|markdown | --json]

What changes for each person on a roster when policy OLD is replaced by NEW: status, approval, sandbox,
reviewer, web search, MCP servers, features, probe command outcomes and the warnings users see, as the
reference engine resolves both. People with the same changes are grouped.

OLD and NEW are policy files or directories holding requirements.toml, managed_config.toml, config.toml
and cloud.toml (cloud group rules: default and [[rules]] with name, groups, requirements).
The roster is TOML ([[entry]] tables) or CSV (a header row) with the fields name, count, groups, plan,
auth, user, hostname, fqdn, os, user_config, project_config, project_trust, commands (lists in CSV
are separated by ;). Without --roster a default roster covers each group, host pattern, MCP entry and
prefix rule the two policies name. --codex picks the release (default the newest modelled).

Exit codes: 0 nothing changes, 1 something changes, 2 usage errors or bad input.`;

const FORMATS = ["readable", "json", "markdown"] as const;

function inputError(e: unknown): never {
  if (e instanceof ImpactInputError) throw new UserError(e.message, 2, e.code);
  throw e;
}

export const command: Command = {
  name: "impact",
  summary: "Who gains or loses what when a policy changes, over a roster of people and machines",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      before: "string",
      after: "string",
      roster: "string",
      codex: "string",
      format: "string",
      json: "bool",
    });
    if (positional.length > 0)
      throw new UserError(`unexpected argument '${positional[0]}'\n${USAGE.split("\n")[0]}`);
    if (typeof flags.before !== "string" || typeof flags.after !== "string")
      throw new UserError(`--before and --after are required\n${USAGE.split("\n")[0]}`);
    const format = flags.json ? "json" : ((flags.format as string | undefined) ?? "readable");
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UserError(`--format takes ${FORMATS.join(", ")}, got '${format}'`);
    let edition: Edition = LATEST_EDITION;
    if (flags.codex !== undefined) {
      const p = parseEdition(flags.codex as string);
      if (!p.ok || p.edition === "documented")
        throw new UserError(`--codex takes a release such as 0.150 or latest, got '${String(flags.codex)}'`);
      edition = p.edition;
    }
    let before: ReturnType<typeof readPolicyVersion>;
    let after: ReturnType<typeof readPolicyVersion>;
    let roster: RosterEntry[];
    try {
      before = readPolicyVersion(flags.before);
      after = readPolicyVersion(flags.after);
      roster = flags.roster ? readRoster(flags.roster as string) : defaultRoster(before, after);
    } catch (e) {
      inputError(e);
    }
    const impacts = impactOf(before, after, roster, edition);
    const report: ImpactReport = {
      before: flags.before,
      after: flags.after,
      edition,
      roster: {
        source: flags.roster ? resolvePath(flags.roster as string) : "default",
        entries: roster.length,
        people: roster.reduce((n, e) => n + e.count, 0),
        generated: !flags.roster,
      },
      impacts,
    };
    if (flags.roster) report.roster.source = flags.roster as string;
    const render = format === "json" ? jsonImpact : format === "markdown" ? markdownImpact : readableImpact;
    process.stdout.write(render(report));
    return impacts.some((i) => i.changes.length > 0) ? 1 : 0;
  },
};
