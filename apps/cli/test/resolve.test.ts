import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps", "cli", "bin", "codex-policy.mjs");
const dir = mkdtempSync(join(tmpdir(), "cli-resolve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("codex-policy resolve", () => {
  it("prints the Outcome as JSON for the bundled example, in either edition", () => {
    const r = cli("resolve", "examples/contractor-devbox.toml", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.edition).toBe("codex-0.169");
    expect(o.status).toBe("ok");
    expect(o.cloud.rule).toBe("Contractors");
    expect(o.effective.sandbox_mode).toBe("workspace-write");
    expect(o.effective.web_search).toBe("disabled");
    expect(o.requirements.allowed_web_search_modes.source).toBe("cloud:Contractors");
    expect(o.effective.commands[0].outcome).toBe("rejected");
    const d = JSON.parse(
      cli("resolve", "examples/contractor-devbox.toml", "--json", "--edition", "documented").out,
    );
    expect(d.edition).toBe("documented");
  });

  it("prints a readable report with sources, what was overridden and the warnings", () => {
    const r = cli("resolve", "examples/contractor-devbox.toml");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sandbox_mode\s+workspace-write/);
    expect(r.out).toContain("warnings the user sees:");
    expect(r.out).toContain("falling back to required value");
    expect(r.out).toContain("mcp servers:");
    expect(r.out).toContain("model sees: exec_command failed");
  });

  it("exits 0 with the refusal when Codex would not start", () => {
    const p = file(
      "refused.toml",
      "[system]\nrequirements = '''\nallowed_sandbox_modes = [\"workspace-write\"]\n'''\n",
    );
    const r = cli("resolve", p, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      status: "refused",
      errors: [{ code: "sandbox-without-read-only" }],
    });
    expect(cli("resolve", p).out).toContain("Codex refuses to start:");
  });

  it("exits 2 with a located one-line error and no stack for a broken scenario file", () => {
    const bad = file("bad.toml", "[host]\nos = linux\n");
    const r = cli("resolve", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.toml:2:\d+: \[toml-syntax\]/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const wrong = file("wrong.toml", '[host]\nos = "beos"\n');
    const w = cli("resolve", wrong);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/wrong\.toml:2: \[scenario-invalid\] host\.os/);
    const typo = file("typo.toml", "[sytem]\nrequirements = ''\n");
    expect(cli("resolve", typo).err).toContain("[scenario-invalid]");
  });

  it("rejects unknown options, editions and implementations with exit 2", () => {
    expect(cli("resolve", "examples/contractor-devbox.toml", "--bogus").code).toBe(2);
    const bad = (e: string) => cli("resolve", "examples/contractor-devbox.toml", "--edition", e);
    expect(bad("codex-1.0").err).toContain("newest modelled release is 0.171");
    expect(bad("bogus").err).toMatch(/unknown edition 'bogus'; use codex-0\.<minor>/);
    expect(bad("codex-0.75").err).toContain("requirements.toml is not read before 0.77.0");
    expect(bad("codex-0.78").err).toContain("the nearest published releases are codex-0.77 and codex-0.79");
    for (const e of ["bogus", "codex-0.75", "codex-0.126"]) {
      const r = bad(e);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(cli("resolve", "examples/contractor-devbox.toml", "--impl", "x").code).toBe(2);
    expect(cli("resolve", join(dir, "missing.toml")).err).toContain("cannot read");
  });
});
