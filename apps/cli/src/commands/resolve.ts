import { resolve } from "@codex-policy/engine";
import type { Outcome } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { editionFlag } from "../edition-flag.js";
import { loadScenarioFile } from "../load-scenario.js";
import { readableReport } from "../report/readable.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy resolve FILE[:TEST] [--edition EDITION] [--json]
                            [--impl engine|codex-cli] [--codex-bin PATH]

Resolves a scenario and prints the Outcome: effective values, their sources, warnings and refusals.
FILE is a scenario file, or a conformance case file whose test TEST (default: the first) is resolved.
EDITION is codex-0.<minor> for any published release from 0.77 (a patch such as codex-0.142.3
reads as its minor), codex-latest, or documented; the default is the scenario's, else codex-0.169.
Exit codes: 0 an Outcome was computed (a refusal included), 2 invalid scenario or usage (a --codex-bin
or CODEX_BIN that is missing or no Codex binary too), 3 the codex-cli implementation could not run the
scenario.`;

async function viaBinary(file: string, codexBin: string | undefined): Promise<Outcome> {
  const adapter = await import("@codex-policy/codex-cli-adapter");
  const scenario = loadScenarioFile(file);
  try {
    const run = await adapter.runWithCodex(scenario, codexBin ? { codexBin } : {});
    if (run.kind === "unsupported")
      throw new UserError(`unsupported by the real binary: ${run.reason}`, 3, "unsupported");
    return run.outcome;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const err = e as { code?: string; message?: string };
    if (err.code)
      throw new UserError(
        err.message ?? String(e),
        adapter.adapterExitCode(err, codexBin ?? process.env.CODEX_BIN),
        err.code,
      );
    throw e;
  }
}

export const command: Command = {
  name: "resolve",
  summary: "Resolve a scenario and print the Outcome",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      edition: "string",
      json: "bool",
      impl: "string",
      "codex-bin": "string",
    });
    const file = positional[0];
    if (!file || positional.length > 1) throw new UserError(`expected one scenario file\n${USAGE}`);
    const edition = editionFlag(flags.edition as string | undefined);
    const impl = (flags.impl as string | undefined) ?? "engine";
    let outcome: Outcome;
    if (impl === "engine") outcome = resolve(loadScenarioFile(file), edition);
    else if (impl === "codex-cli") outcome = await viaBinary(file, flags["codex-bin"] as string | undefined);
    else throw new UserError(`unknown --impl '${impl}' (expected engine or codex-cli)`);
    process.stdout.write(flags.json ? `${JSON.stringify(outcome, null, 2)}\n` : readableReport(outcome));
    return 0;
  },
};
