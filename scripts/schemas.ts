// `pnpm schemas`: writes the JSON Schemas of requirements.toml and managed_config.toml to schemas/,
// one per range of releases that read the file alike, and removes schema files no range needs.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { policySchemaFiles } from "@codex-policy/engine";

const root = join(import.meta.dirname, "..", "schemas");
const files = policySchemaFiles();
const wanted = new Set(files.map((f) => f.path));
for (const f of files) {
  mkdirSync(dirname(join(root, f.path)), { recursive: true });
  writeFileSync(join(root, f.path), `${JSON.stringify(f.schema, null, 2)}\n`);
}
for (const f of readdirSync(root, { recursive: true }).map(String))
  if (f.endsWith(".schema.json") && !wanted.has(f.split("\\").join("/"))) rmSync(join(root, f));
console.log(`schemas: ${files.length} files`);
