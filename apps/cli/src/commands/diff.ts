import type { DiffRow } from "@codex-policy/codex-cli-adapter";
import { resolve } from "@codex-policy/engine";
import { parseArgs } from "../args.js";
import { loadScenarioFile } from "../load-scenario.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy diff FILE [--codex-bin PATH] [--json] [--all]

Resolves the scenario with the engine, in the edition of the binary's release, and runs it through
the real Codex binary, then prints every Outcome path side by side; differing rows are marked with '≠'.
Paths the binary cannot observe are not compared (--all lists them too).
Exit codes: 0 no difference, 1 differences, 2 invalid scenario or usage (a --codex-bin or CODEX_BIN
that is missing or no Codex binary too), 3 the binary cannot run the scenario (unsupported, no
installed binary, or a preflight failure such as missing namespaces).`;

const show = (v: unknown): string => (v === undefined ? "—" : JSON.stringify(v));
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function table(rows: DiffRow[], all: boolean): string {
  const shown = rows.filter((r) => all || r.state !== "unobserved");
  const w = Math.min(60, Math.max(4, ...shown.map((r) => r.path.length)));
  const lines = [`  ${"path".padEnd(w)}  ${"engine".padEnd(40)}  binary`];
  for (const r of shown) {
    const mark = r.state === "differs" ? "≠" : r.state === "unobserved" ? "?" : " ";
    lines.push(
      `${mark} ${clip(r.path, w).padEnd(w)}  ${clip(show(r.engine), 40).padEnd(40)}  ${clip(show(r.binary), 200)}`,
    );
  }
  const differing = rows.filter((r) => r.state === "differs").length;
  const hidden = rows.filter((r) => r.state === "unobserved").length;
  lines.push(
    "",
    `${differing} differing path(s); ${hidden} path(s) not observable through the binary${all ? "" : " (--all shows them)"}`,
  );
  return `${lines.join("\n")}\n`;
}

export const command: Command = {
  name: "diff",
  summary: "Compare the engine with the real Codex binary on a scenario",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, { "codex-bin": "string", json: "bool", all: "bool" });
    const file = positional[0];
    if (!file || positional.length > 1) throw new UserError(`expected one scenario file\n${USAGE}`);
    const scenario = loadScenarioFile(file);
    const adapter = await import("@codex-policy/codex-cli-adapter");
    const codexBin = flags["codex-bin"] as string | undefined;
    let run: Awaited<ReturnType<typeof adapter.runWithCodex>>;
    try {
      if (adapter.unsupportedReason(scenario) === null) adapter.preflight({ codexBin });
      run = await adapter.runWithCodex(scenario, { codexBin });
    } catch (e) {
      if (e instanceof adapter.AdapterError)
        throw new UserError(e.message, adapter.adapterExitCode(e, codexBin ?? process.env.CODEX_BIN), e.code);
      throw e;
    }
    if (run.kind === "unsupported")
      throw new UserError(`unsupported by the real binary: ${run.reason}`, 3, "unsupported");
    // The binary's own release decides the edition (a release newer than the model runs as codex-latest).
    const engine = resolve(scenario, run.outcome.edition);
    const rows = adapter.diffOutcomes(engine, run.outcome);
    const differs = rows.some((r) => r.state === "differs");
    if (flags.json) {
      const report = {
        binaryVersion: run.binaryVersion,
        equal: !differs,
        rows: rows.filter((r) => flags.all || r.state !== "unobserved"),
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      process.stdout.write(
        `engine (codex-0.169) vs codex-cli ${run.binaryVersion}: ${file}\n${table(rows, Boolean(flags.all))}`,
      );
    }
    return differs ? 1 : 0;
  },
};
