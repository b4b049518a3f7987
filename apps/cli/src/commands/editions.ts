import { editionSpec } from "@codex-policy/engine";
import { parseArgs } from "../args.js";
import { editionFlag } from "../edition-flag.js";
import { editionSwitches, editionsJson, editionsMarkdown, editionsText } from "../report/editions.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy editions [--json | --markdown] [--edition EDITION]

Prints the behaviour changes between Codex releases, oldest first: the first release showing each,
what changes, the evidence, and the switches it sets. --markdown prints docs/editions.md.
With --edition, prints the switches of that one edition instead.`;

export const command: Command = {
  name: "editions",
  summary: "List the behaviour changes between Codex releases (the editions' data)",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, { json: "bool", markdown: "bool", edition: "string" });
    if (positional.length > 0) throw new UserError(`unexpected argument '${positional[0]}'\n${USAGE}`);
    if (flags.json && flags.markdown)
      throw new UserError(`--json and --markdown exclude each other\n${USAGE}`);
    const edition = editionFlag(flags.edition as string | undefined);
    if (edition !== undefined) {
      const spec = editionSpec(edition);
      process.stdout.write(flags.json ? `${JSON.stringify(spec, null, 2)}\n` : editionSwitches(spec));
      return 0;
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(editionsJson(), null, 2)}\n`);
    else process.stdout.write(flags.markdown ? editionsMarkdown() : editionsText());
    return 0;
  },
};
