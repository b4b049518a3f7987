import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type DriftChange, driftScenario } from "@codex-policy/engine";
import { defaultCasesDir } from "@codex-policy/harness";
import { type Edition, editionMinor, parseEdition, type Scenario } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { scenariosInFile } from "../load-scenario.js";
import { driftGithub, driftText, type ScenarioDrift } from "../report/drift.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy drift --from RELEASE --to RELEASE [FILE|DIR ...] [--json | --format github]

What changes for each scenario when the fleet moves from one Codex release to another: status, approval,
sandbox, reviewer, web search, features, MCP servers, command outcomes, merged requirements and the
warnings users see, each difference with the change entry that explains it (or flagged unexplained).
FILE is a scenario file or a case file (every test); DIR is searched for *.toml; with none, the corpus.
RELEASE: 0.150, 0.150.2, codex-0.150 or latest.

exit codes: 0 nothing changes, 1 something changes, 2 usage error`;

function release(flag: string, value: string | true | undefined): Edition {
  if (typeof value !== "string") throw new UserError(`--${flag} is required\n${USAGE}`);
  if (value.trim() === "documented")
    throw new UserError(`--${flag}: drift compares releases; 'documented' is not one`);
  const p = parseEdition(value);
  if (!p.ok) throw new UserError(`--${flag}: ${p.message}`, 2, p.code);
  return p.edition;
}

function tomlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tomlFiles(p));
    else if (name.endsWith(".toml")) out.push(p);
  }
  return out;
}

function scenariosOf(file: string, label: string): { label: string; file: string; scenario: Scenario }[] {
  return scenariosInFile(file).map((t) => ({
    label: t.testId === undefined ? label : `${label}:${t.testId}`,
    file,
    scenario: t.scenario,
  }));
}

function targets(paths: string[]): { label: string; file: string; scenario: Scenario }[] {
  const roots = paths.length > 0 ? paths : [defaultCasesDir()];
  return roots.flatMap((p) => {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      throw new UserError(`no such file or directory: ${p}`, 2, "io");
    }
    if (!dir) return scenariosOf(p, p);
    return tomlFiles(p).flatMap((f) => scenariosOf(f, paths.length > 0 ? f : relative(p, f)));
  });
}

export const command: Command = {
  name: "drift",
  summary: "What changes for your scenarios between two Codex releases, and which change explains it",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      from: "string",
      to: "string",
      json: "bool",
      format: "string",
    });
    const format = flags.json ? "json" : ((flags.format as string | undefined) ?? "text");
    if (!["text", "json", "github"].includes(format))
      throw new UserError(`--format takes text or github (or use --json), got '${format}'`);
    const from = release("from", flags.from);
    const to = release("to", flags.to);
    if (editionMinor(from)! > editionMinor(to)!)
      throw new UserError(
        `--from ${flags.from} is later than --to ${flags.to}; drift goes from the older release`,
      );
    const results: ScenarioDrift[] = targets(positional).map((t) => ({
      label: t.label,
      file: t.file,
      changes: driftScenario(t.scenario, from, to) as DriftChange[],
    }));
    const changed = results.some((r) => r.changes.length > 0);
    if (format === "json")
      process.stdout.write(`${JSON.stringify({ from, to, scenarios: results }, null, 2)}\n`);
    else if (format === "github") process.stdout.write(driftGithub(from, to, results));
    else process.stdout.write(driftText(from, to, results));
    return changed ? 1 : 0;
  },
};
