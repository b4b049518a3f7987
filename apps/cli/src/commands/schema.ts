import { jsonSchema, SCHEMAS, type SchemaName } from "@codex-policy/spec";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const names = Object.keys(SCHEMAS) as SchemaName[];

export const command: Command = {
  name: "schema",
  summary: "Print the JSON Schema of scenarios, cases or outcomes",
  usage: `usage: codex-policy schema ${names.join("|")}`,
  async run(argv) {
    const name = argv[0] as SchemaName | undefined;
    if (!name || !names.includes(name)) throw new UserError(`expected one of: ${names.join(", ")}`);
    process.stdout.write(`${JSON.stringify(jsonSchema(name), null, 2)}\n`);
    return 0;
  },
};
