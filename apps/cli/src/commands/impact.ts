import { resolve as resolvePath } from "node:path";
import {
  type AccessCheck,
  checkNoNewAccess,
  defaultRoster,
  describeChange,
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

const USAGE = `usage: codex-policy impact --before OLD --after NEW [--roster FILE | --check no-new-access]
                            [--codex RELEASE] [--format readable|json|markdown | --json]

What changes for each person on a roster when policy OLD is replaced by NEW: status, approval, sandbox,
reviewer, web search, MCP servers, features, probe command outcomes and the warnings users see, as the
reference engine resolves both. People with the same changes are grouped.

OLD and NEW are policy files or directories holding requirements.toml, managed_config.toml, config.toml
and cloud.toml (cloud group rules: default and [[rules]] with name, groups, requirements).
The roster is TOML ([[entry]] tables) or CSV (a header row) with the fields name, count, groups, plan,
auth, user, hostname, fqdn, os, user_config, project_config, project_trust, commands (lists in CSV
are separated by ;). Without --roster a default roster covers each group, host pattern, MCP entry and
prefix rule the two policies name. --codex picks the release (default the newest modelled).

--check no-new-access proves that NEW grants nothing OLD did not (a wider approval, sandbox, reviewer
or web search, an MCP server or feature turned on, a command let through, Codex starting where it
refused) for every identity, host and user configuration the two policies can tell apart, or prints
the counterexample with the fewest configured keys; it says how large the explored space was.

Exit codes: 0 nothing changes (or the check holds), 1 something changes (or a counterexample),
2 usage errors or bad input.`;

function accessText(r: AccessCheck, edition: string): string {
  const d = r.dimensions;
  const space = `${d.identities} identities × ${d.hosts} hosts × ${d.configs} user configs under ${edition}`;
  if (!r.counterexample)
    return `no-new-access holds: the new policy grants nothing the old one did not (${r.explored} scenarios: ${space})\n`;
  const e = r.counterexample.entry;
  const lines = [
    `no-new-access fails after ${r.explored} of the scenarios (${space}). Smallest counterexample:`,
    `  identity: ${e.identity.auth}${e.identity.plan ? ` ${e.identity.plan}` : ""}${e.identity.groups?.length ? `, groups ${e.identity.groups.join(", ")}` : ""}`,
    `  host: ${e.host.fqdn ?? e.host.hostname}`,
    `  user config: ${e.userConfig ? e.userConfig.split("\n").join("; ") : "(none)"}`,
    "  gains:",
    ...r.counterexample.gains.flatMap((c) => describeChange(c, e.commands)).map((l) => `    ${l}`),
  ];
  return `${lines.join("\n")}\n`;
}

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
      check: "string",
    });
    if (positional.length > 0)
      throw new UserError(`unexpected argument '${positional[0]}'\n${USAGE.split("\n")[0]}`);
    if (flags.check !== undefined && flags.check !== "no-new-access")
      throw new UserError(`--check takes no-new-access, got '${String(flags.check)}'`);
    if (flags.check !== undefined && flags.roster !== undefined)
      throw new UserError("--check explores its own space of people and configs; it takes no --roster");
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
    if (flags.check) {
      const result = checkNoNewAccess(before, after, edition);
      process.stdout.write(
        format === "json" ? `${JSON.stringify(result, null, 2)}\n` : accessText(result, edition),
      );
      return result.counterexample ? 1 : 0;
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
