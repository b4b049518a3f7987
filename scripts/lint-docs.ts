// Writes docs/lint/ from the lint catalogue: one page per code (with real lint output) and an index.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocPages } from "@codex-policy/lint";

const dir = join(import.meta.dirname, "..", "docs", "lint");
mkdirSync(dir, { recursive: true });
const pages = lintDocPages();
for (const name of readdirSync(dir)) if (!pages.has(name)) rmSync(join(dir, name));
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
process.stdout.write(`docs/lint: ${pages.size} pages\n`);
