import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseToml } from "../src/toml.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** Whether a document parsed in a fresh Node process comes back frozen, under the given environment. */
function frozenIn(env: Record<string, string>): boolean {
  const { VITEST: _v, CODEX_POLICY_FREEZE: _f, ...rest } = process.env;
  const script =
    'import { parseToml } from "./packages/engine/src/toml.ts";' +
    'const r = parseToml("[a]\\nb = [1]\\n"); process.stdout.write(String(Object.isFrozen(r.doc.a.b)));';
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...rest, ...env },
    encoding: "utf8",
  });
  return out.trim() === "true";
}

describe("cached documents and stage results", () => {
  it("are deep-frozen under the test runner, so a mutation anywhere fails", () => {
    const r = parseToml("[features]\nhooks = true\n[mcp_servers.x]\nargs = ['a']\n");
    if (!r.ok) throw new Error(r.message);
    const servers = r.doc.mcp_servers as Record<string, { args: string[] }>;
    expect(() => {
      servers.x!.args.push("b");
    }).toThrow(TypeError);
  });

  it("are not frozen outside it, unless CODEX_POLICY_FREEZE=1 asks for it", () => {
    expect(frozenIn({})).toBe(false);
    expect(frozenIn({ CODEX_POLICY_FREEZE: "1" })).toBe(true);
  });
});
