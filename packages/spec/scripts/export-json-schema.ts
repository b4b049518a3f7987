import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchema, SCHEMAS, type SchemaName } from "../src/index.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "schema");
for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
  console.log(`wrote schema/${name}.schema.json`);
}
