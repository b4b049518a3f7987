import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the corpus ships: the monorepo root (the nearest ancestor holding pnpm-workspace.yaml), or, in the
 * installed package, its root (the nearest ancestor holding conformance/cases).
 */
export function repoRoot(): string {
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml")) || existsSync(join(dir, "conformance", "cases")))
      return dir;
    if (dirname(dir) === dir) return from;
  }
}

export function defaultCasesDir(): string {
  return join(repoRoot(), "conformance", "cases");
}
