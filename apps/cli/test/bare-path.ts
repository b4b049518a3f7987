import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Fills `dir` with node, npm and npx (as installed beside this node) and the given system tools, so a PATH
 * of `dir` alone is a machine with Node and npm and nothing else: no pnpm, no tsx.
 */
export function barePath(dir: string, systemTools: readonly string[] = ["sh"]): string {
  mkdirSync(dir, { recursive: true });
  for (const tool of ["node", "npm", "npx"])
    symlinkSync(join(dirname(process.execPath), tool), join(dir, tool));
  for (const tool of systemTools) {
    const at = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (!at) throw new Error(`${tool} is not installed`);
    symlinkSync(at, join(dir, tool));
  }
  return dir;
}
