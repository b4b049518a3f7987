import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, "..", "..");
export const fixtureCases = join(here, "fixtures", "cases");
export const adapterPath = (name: string) => join(here, "fixtures", "adapters", `${name}.mjs`);
export const examplePath = (name: string) => join(repo, "conformance", "examples", name);
