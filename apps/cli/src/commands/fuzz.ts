import { parseArgs } from "../args.js";
import { editionFlag } from "../edition-flag.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy fuzz --against codex-cli [--runs N] [--seed S] [--path P] [--time-budget T]
                         [--jobs J] [--warnings] [--out DIR] [--no-write] [--codex-bin PATH]
                         [--edition E] [--adapter-errors DIR]

Differential fuzzing: generates scenarios the real binary can express, resolves each with the engine
(edition codex-0.169, or --edition E to model another release's binary given with --codex-bin) and with the binary, and compares decision fields. Each divergence is shrunk and
written as a conformance case (default conformance/cases/fuzz/<id>.toml) with its seed and path.
--time-budget takes seconds or a suffix: 90s, 10m, 1h. --jobs J splits the runs into J concurrent shards
with seeds S, S+1000003, ... (default 1). --warnings also compares the warning texts users see.
Replay one divergence with the --seed and --path it printed. --adapter-errors DIR writes each scenario
the binary could not be observed on (a probe failed or timed out) as a scenario file there, for diff.
Exit codes: 0 no divergence, 1 divergences found, 2 usage, 3 the binary cannot run here.`;

function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UserError(`--time-budget: expected a duration like 90s or 10m, got '${v}'`);
  const n = Number(m[1]);
  return n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[(m[2] ?? "s") as "ms" | "s" | "m" | "h"];
}

function positiveInt(name: string, v: string | true | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new UserError(`--${name}: expected a non-negative integer, got '${v}'`);
  return n;
}

export const command: Command = {
  name: "fuzz",
  summary: "Differential fuzzing of the engine against the real binary",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      against: "string",
      runs: "string",
      seed: "string",
      path: "string",
      "time-budget": "string",
      jobs: "string",
      warnings: "bool",
      out: "string",
      "no-write": "bool",
      "codex-bin": "string",
      edition: "string",
      "adapter-errors": "string",
    });
    if (positional.length) throw new UserError(`unexpected argument '${positional[0]}'\n${USAGE}`);
    if (flags.against !== "codex-cli")
      throw new UserError(
        `--against codex-cli is required (the only implementation to fuzz against)\n${USAGE}`,
      );
    const runs = positiveInt("runs", flags.runs, 100);
    const jobs = positiveInt("jobs", flags.jobs, 1);
    if (jobs < 1) throw new UserError("--jobs: expected at least 1");
    const seed = flags.seed === undefined ? undefined : positiveInt("seed", flags.seed, 0);
    if (flags.path !== undefined && seed === undefined)
      throw new UserError("--path needs the --seed it was printed with");
    const timeBudgetMs =
      flags["time-budget"] === undefined ? undefined : parseDuration(String(flags["time-budget"]));
    const edition = editionFlag(flags.edition as string | undefined);
    const { runDifferential } = await import("@codex-policy/arbitraries");
    let report: Awaited<ReturnType<typeof runDifferential>>;
    try {
      report = await runDifferential({
        runs,
        jobs,
        warnings: flags.warnings === true,
        ...(seed !== undefined ? { seed } : {}),
        ...(flags.path !== undefined ? { path: String(flags.path) } : {}),
        ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}),
        outDir: flags["no-write"] ? null : ((flags.out as string | undefined) ?? "conformance/cases/fuzz"),
        ...(flags["codex-bin"] ? { codexBin: String(flags["codex-bin"]) } : {}),
        ...(edition ? { edition } : {}),
        log: (line) => process.stdout.write(`${line}\n`),
      });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (err.code) throw new UserError(err.message ?? String(e), 3, err.code);
      throw e;
    }
    for (const d of report.divergences) {
      for (const x of d.divergences)
        process.stdout.write(
          `  ${x.path}: engine ${JSON.stringify(x.engine)} / binary ${JSON.stringify(x.binary)}\n`,
        );
      process.stdout.write(
        `  replay: npx codex-policy fuzz --against codex-cli${edition ? ` --edition ${edition}` : ""} --seed ${d.seed} --path ${d.path} --no-write\n`,
      );
    }
    process.stdout.write(
      `${report.runs} scenarios in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.perSecond.toFixed(2)} scenarios/s, ${report.binaryRuns} binary runs incl. shrinking); ` +
        `${report.divergences.length} divergence(s); ${report.flaky.length} not reproduced by the binary (flaky, not counted); ` +
        `${report.unsupported} unsupported; ${report.adapterErrors.length} adapter error(s)\n`,
    );
    for (const f of report.flaky)
      for (const x of f.divergences)
        process.stdout.write(
          `  flaky ${x.path}: engine ${JSON.stringify(x.engine)} / binary first ${JSON.stringify(x.binary)}, then agreed\n`,
        );
    const errorsDir = flags["adapter-errors"] as string | undefined;
    const { writeAdapterErrorScenario } = await import("@codex-policy/arbitraries");
    report.adapterErrors.forEach((e, i) => {
      const file = errorsDir ? writeAdapterErrorScenario(e.scenario, e.message, errorsDir) : null;
      if (i < 3 || file) process.stdout.write(`  adapter error: ${e.message}${file ? ` -> ${file}` : ""}\n`);
    });
    return report.divergences.length ? 1 : 0;
  },
};
