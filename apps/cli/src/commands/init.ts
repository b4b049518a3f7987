import { DEFAULT_ACTION, ScaffoldError, writeScaffold } from "@codex-policy/policy-repo";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy init [DIR] [--force] [--action OWNER/REPO@REF]

Scaffolds a policy repository in DIR (default .): an example policies/requirements.toml with
comments, tests/ that pass against it and cover every rule, a GitHub Actions workflow that runs
lint and test, a pre-commit configuration and a README. Then: codex-policy test DIR.

options:
  --force          overwrite files the scaffold would write (others are left alone)
  --action REF     where the workflow takes the codex-policy action from (default ${DEFAULT_ACTION})

Exit codes: 0 written, 2 usage errors or files that exist already (nothing is written then).`;

/** `owner/repo@ref`, `owner/repo/path@ref` or a local `./path`, as a workflow's `uses:` takes them. */
const ACTION_REF = /^(?:[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w./-]+|\.\/[\w./-]+)$/;

export const command: Command = {
  name: "init",
  summary: "Scaffold a policy repository: example policy, passing tests, CI workflow, pre-commit",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, { force: "bool", action: "string" });
    if (positional.length > 1) throw new UserError(`one directory at a time\n${USAGE.split("\n")[0]}`);
    const dir = positional[0] ?? ".";
    const action = flags.action as string | undefined;
    if (action !== undefined && !ACTION_REF.test(action))
      throw new UserError(`--action takes OWNER/REPO@REF or ./path, got '${action}' [usage]`);
    let written: string[];
    try {
      written = writeScaffold(dir, { force: flags.force === true, ...(action ? { action } : {}) });
    } catch (e) {
      if (e instanceof ScaffoldError) throw new UserError(e.message, 2, e.code);
      throw e;
    }
    process.stdout.write(
      `Wrote a policy repository in ${dir}:\n${written.map((f) => `  ${f}`).join("\n")}\n\nNext: codex-policy test ${dir}\n`,
    );
    return 0;
  },
};
