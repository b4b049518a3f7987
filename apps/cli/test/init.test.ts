import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-init-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const SCAFFOLD = [
  "policies/requirements.toml",
  "tests/approval.toml",
  "tests/sandbox.toml",
  "tests/web-search.toml",
  "tests/commands.toml",
  "tests/mcp.toml",
  ".github/workflows/codex-policy.yml",
  ".pre-commit-config.yaml",
  "README.md",
];

describe("codex-policy init", () => {
  const dir = join(work, "policies-repo");
  const init = cli("init", dir);

  it("writes the scaffold and says what to run next", () => {
    expect(init.code).toBe(0);
    for (const f of SCAFFOLD) expect(init.out).toContain(`  ${f}\n`);
    expect(init.out).toContain(`Next: codex-policy test ${dir}`);
  });

  it("passes its own tests right away, with every rule of its policy covered", () => {
    const r = cli("test", dir, "--coverage-min", "100");
    expect(r.code).toBe(0);
    expect(r.out).toContain("7 passed, 0 failed");
    expect(r.out).toContain("Policy coverage: 7 of 7 rules decided at least one test (100%)");
  });

  it("its policy lints clean, and the commands its pre-commit hooks run work", () => {
    const hooks = [
      ...readFileSync(join(dir, ".pre-commit-config.yaml"), "utf8").matchAll(
        /entry: npx --no-install codex-policy (.+)$/gm,
      ),
    ].map((m) => m[1]!.split(" "));
    expect(hooks).toEqual([
      ["lint", "policies"],
      ["test", "."],
    ]);
    for (const args of hooks) {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", timeout: 240_000 });
      expect(r.status, `${args.join(" ")}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it("its workflow is valid and gives the action only inputs it declares", () => {
    const workflow = join(dir, ".github/workflows/codex-policy.yml");
    const r = spawnSync(join(root, "node_modules", ".bin", "action-validator"), [workflow], {
      encoding: "utf8",
    });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
    const text = readFileSync(workflow, "utf8");
    expect(text).toMatch(/command: lint[\s\S]*command: test/);
    const declared = [
      ...readFileSync(join(root, "action.yml"), "utf8").matchAll(/^ {2}([a-z-]+):\n {4}description/gm),
    ].map((m) => m[1]);
    const given = [...text.matchAll(/with:\n((?: {10}[a-z-]+: .*\n)+)/g)].flatMap((w) =>
      [...w[1]!.matchAll(/^ +([a-z-]+):/gm)].map((m) => m[1]),
    );
    expect(given).toEqual(["command", "policies", "command", "repository", "args"]);
    for (const k of given) expect(declared).toContain(k);
  });

  it("refuses to overwrite, writing nothing, unless --force", () => {
    const mine = join(dir, "tests/approval.toml");
    writeFileSync(mine, "# my own tests\n");
    const again = cli("init", dir);
    expect(again.code).toBe(2);
    expect(again.err.trim().split("\n")).toHaveLength(1);
    expect(again.err).toContain("exist already; --force overwrites [init-would-overwrite]");
    expect(readFileSync(mine, "utf8")).toBe("# my own tests\n");
    const partial = join(work, "partial");
    mkdirSync(join(partial, "tests"), { recursive: true });
    writeFileSync(join(partial, "tests/mcp.toml"), "# mine\n");
    expect(cli("init", partial).code).toBe(2);
    expect(() => readFileSync(join(partial, "policies/requirements.toml"))).toThrow();
    expect(cli("init", dir, "--force").code).toBe(0);
    expect(readFileSync(mine, "utf8")).toContain("Approval policy");
  });

  it("--action names where the workflow takes the action from; bad input is a usage error", () => {
    const other = join(work, "other");
    expect(cli("init", other, "--action", "acme/codex-policy@v2").code).toBe(0);
    expect(readFileSync(join(other, ".github/workflows/codex-policy.yml"), "utf8")).toContain(
      "uses: acme/codex-policy@v2",
    );
    const bad = cli("init", join(work, "x"), "--action", "not a ref");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--action takes OWNER/REPO@REF");
    writeFileSync(join(work, "afile"), "");
    expect(cli("init", join(work, "afile")).err).toContain("not a directory [init-not-directory]");
  });
});
