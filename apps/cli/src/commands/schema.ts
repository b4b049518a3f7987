import { isPolicySchemaKind, POLICY_SCHEMA_KINDS, policySchema } from "@codex-policy/engine";
import { jsonSchema, PUBLISHED_MINORS, SCHEMAS, type SchemaName } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const formats = Object.keys(SCHEMAS) as SchemaName[];
const policies = Object.keys(POLICY_SCHEMA_KINDS);

const USAGE = `usage: codex-policy schema ${[...policies, ...formats].join("|")} [--codex RELEASE]

Prints a JSON Schema. requirements and managed-config describe the policy files as a Codex release
reads them (default: the newest modelled one; --codex 0.130 for another), for editors such as Even
Better TOML and Taplo (docs/editor.md); the same schemas are in schemas/. scenario, case and outcome
describe codex-policy's own formats. config.toml has a schema of Codex's own.`;

/** `0.130`, `0.130.2` or `latest` as a published minor. */
function minorOf(text: string): number | undefined {
  if (text === "latest") return undefined;
  const m = /^0\.(\d+)(\.\d+)?$/.exec(text);
  const minor = m ? Number(m[1]) : Number.NaN;
  if (!PUBLISHED_MINORS.includes(minor))
    throw new UserError(`--codex takes a published release such as 0.130 (or latest), got '${text}' [usage]`);
  return minor;
}

export const command: Command = {
  name: "schema",
  summary: "Print the JSON Schema of requirements.toml, managed_config.toml, scenarios, cases or outcomes",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, { codex: "string" });
    const name = positional[0];
    if (!name || positional.length > 1 || !(isPolicySchemaKind(name) || formats.includes(name as SchemaName)))
      throw new UserError(
        `expected one of: ${[...policies, ...formats].join(", ")}\n${USAGE.split("\n")[0]}`,
      );
    if (!isPolicySchemaKind(name)) {
      if (flags.codex !== undefined) throw new UserError(`--codex applies to ${policies.join(" and ")} only`);
      process.stdout.write(`${JSON.stringify(jsonSchema(name as SchemaName), null, 2)}\n`);
      return 0;
    }
    const minor = flags.codex === undefined ? undefined : minorOf(flags.codex as string);
    process.stdout.write(`${JSON.stringify(policySchema(name, minor), null, 2)}\n`);
    return 0;
  },
};
