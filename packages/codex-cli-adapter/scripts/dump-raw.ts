// Development aid: prints the binary's Outcome (and with --raw the raw observations) for one scenario TOML.
// Usage: pnpm exec tsx packages/codex-cli-adapter/scripts/dump-raw.ts FILE [--raw] [--channels a,b]
import { readFileSync } from "node:fs";
import { ScenarioSchema } from "@codex-policy/spec";
import { parse } from "smol-toml";
import type { Channel } from "../src/channels.js";
import { runWithCodex } from "../src/index.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) throw new Error("usage: dump-raw.ts FILE [--raw] [--channels a,b]");
const ci = args.indexOf("--channels");
const channels = ci >= 0 ? (args[ci + 1]!.split(",") as Channel[]) : undefined;
const scenario = ScenarioSchema.parse(parse(readFileSync(file, "utf8")));
const run = await runWithCodex(scenario, { channels });
const out = run.kind === "outcome" && !args.includes("--raw") ? { ...run, raw: undefined } : run;
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
