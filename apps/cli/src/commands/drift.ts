import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type DriftChange, driftObserved, driftScenario } from "@codex-policy/engine";
import { defaultCasesDir, mapOrdered, waitBoundJobs } from "@codex-policy/harness";
import {
  type Edition,
  editionForVersion,
  editionMinor,
  parseEdition,
  type Scenario,
} from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { scenariosInFile } from "../load-scenario.js";
import { driftGithub, driftText, type ScenarioDrift } from "../report/drift.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy drift --from RELEASE --to RELEASE [FILE|DIR ...] [--json | --format github]
       codex-policy drift --impl codex-cli --codex-from PATH --codex-to PATH [FILE|DIR ...] [--json | --format github]

What changes for each scenario when the fleet moves from one Codex release to another: status, approval,
sandbox, reviewer, web search, features, MCP servers, command outcomes, merged requirements and the
warnings users see, each difference with the change entry that explains it (or flagged unexplained).
FILE is a scenario file or a case file (every test); DIR is searched for *.toml; with none, the corpus.
RELEASE: 0.150, 0.150.2, codex-0.150 or latest.
With --impl codex-cli each scenario runs through two real binaries (the older first); every difference
they show is listed, and one that no change entry between their releases explains, or that the model does
not predict, is flagged unexplained. Paths a binary cannot observe are left out; scenarios a binary
cannot express are skipped and counted.

exit codes: 0 nothing changes, 1 something changes, 2 usage error, 3 a binary cannot run`;

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

function targets(paths: string[]): Target[] {
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

type Target = { label: string; file: string; scenario: Scenario };

/** The edition of a binary's release, read from the binary itself. */
function binaryEdition(
  adapter: typeof import("@codex-policy/codex-cli-adapter"),
  flag: string,
  path: string | true | undefined,
): { path: string; edition: Edition } {
  if (typeof path !== "string")
    throw new UserError(`--${flag} PATH is required with --impl codex-cli\n${USAGE}`);
  let version: string;
  try {
    version = adapter.findCodexBinary({ codexBin: path }).version;
  } catch (e) {
    if (e instanceof adapter.AdapterError) throw new UserError(`--${flag}: ${e.message}`, 2, e.code);
    throw e;
  }
  const own = editionForVersion(version);
  if (!own.ok) throw new UserError(`--${flag}: ${own.message}`, 2, own.code);
  if (own.note) process.stderr.write(`warning: ${own.note}\n`);
  return { path, edition: own.edition };
}

/** Drift between two real binaries: each scenario runs through both. */
async function binaryDrift(
  flags: Record<string, string | boolean | undefined>,
  list: Target[],
): Promise<{ from: Edition; to: Edition; results: ScenarioDrift[]; skipped: number }> {
  const adapter = await import("@codex-policy/codex-cli-adapter");
  const a = binaryEdition(adapter, "codex-from", flags["codex-from"] as string | undefined);
  const b = binaryEdition(adapter, "codex-to", flags["codex-to"] as string | undefined);
  if (editionMinor(a.edition)! > editionMinor(b.edition)!)
    throw new UserError(`--codex-from is a later release (${a.edition}) than --codex-to (${b.edition})`);
  try {
    adapter.preflight({ codexBin: a.path });
  } catch (e) {
    if (e instanceof adapter.AdapterError) throw new UserError(e.message, 3, e.code);
    throw e;
  }
  let skipped = 0;
  const runs = await mapOrdered(list, waitBoundJobs(), async (t) => {
    try {
      const [x, y] = [
        await adapter.runWithCodex(t.scenario, { codexBin: a.path }),
        await adapter.runWithCodex(t.scenario, { codexBin: b.path }),
      ];
      if (x.kind === "unsupported" || y.kind === "unsupported") {
        skipped++;
        return null;
      }
      const changes = driftObserved(
        t.scenario,
        { edition: a.edition, outcome: x.outcome, unobserved: x.outcome.unobserved ?? [] },
        { edition: b.edition, outcome: y.outcome, unobserved: y.outcome.unobserved ?? [] },
      );
      return { label: t.label, file: t.file, changes };
    } catch (e) {
      if (e instanceof adapter.AdapterError) throw new UserError(`${t.label}: ${e.message}`, 3, e.code);
      throw e;
    }
  });
  return { from: a.edition, to: b.edition, results: runs.filter((r) => r !== null), skipped };
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
      impl: "string",
      "codex-from": "string",
      "codex-to": "string",
    });
    const format = flags.json ? "json" : ((flags.format as string | undefined) ?? "text");
    if (!["text", "json", "github"].includes(format))
      throw new UserError(`--format takes text or github (or use --json), got '${format}'`);
    const impl = (flags.impl as string | undefined) ?? "engine";
    if (impl !== "engine" && impl !== "codex-cli")
      throw new UserError(`--impl takes engine or codex-cli, got '${impl}'`);
    if (impl === "codex-cli") {
      if (flags.from !== undefined || flags.to !== undefined)
        throw new UserError("with --impl codex-cli the releases come from --codex-from and --codex-to");
      const { from, to, results, skipped } = await binaryDrift(flags, targets(positional));
      if (skipped > 0) process.stderr.write(`${skipped} scenario(s) skipped: a binary cannot express them\n`);
      return report(format, from, to, results);
    }
    if (flags["codex-from"] !== undefined || flags["codex-to"] !== undefined)
      throw new UserError("--codex-from and --codex-to go with --impl codex-cli");
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
    return report(format, from, to, results);
  },
};

function report(format: string, from: Edition, to: Edition, results: ScenarioDrift[]): number {
  const changed = results.some((r) => r.changes.length > 0);
  if (format === "json")
    process.stdout.write(`${JSON.stringify({ from, to, scenarios: results }, null, 2)}\n`);
  else if (format === "github") process.stdout.write(driftGithub(from, to, results));
  else process.stdout.write(driftText(from, to, results));
  return changed ? 1 : 0;
}
