import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHANGES } from "@codex-policy/engine";
import { compareVersions } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { editionsMarkdown } from "../src/report/editions.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "editions", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("codex-policy editions", () => {
  it("docs/editions.md is generated from the change table and current (pnpm docs:editions)", () => {
    expect(readFileSync(join(root, "docs/editions.md"), "utf8")).toBe(editionsMarkdown());
  });
  it("prints every change, oldest first, with its release, evidence and switches", () => {
    const r = cli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^0\.137\.0 +legacy-above-requirements {2}\(not in 0\.136\.0\)$/m);
    expect(r.out).toContain("sets: order = [system, cloud, legacy, mdm-legacy, mdm]; merge = deep");
    const heads = [...r.out.matchAll(/^(\d+\.\d+\.\d+) +(\S+)/gm)];
    expect(heads.map((m) => m[2])).toEqual(CHANGES.map((c) => c.id));
  });
  it("--json carries the same rows in release order", () => {
    const j = JSON.parse(cli("--json").out) as { latest: string; changes: { id: string; release: string }[] };
    expect(j.latest).toBe("codex-0.171");
    expect(j.changes.map((c) => c.id)).toEqual(CHANGES.map((c) => c.id));
    const releases = j.changes.map((c) => c.release);
    expect(releases).toEqual([...releases].sort(compareVersions));
  });
  it("--edition prints one edition's switches, and refuses an unpublished minor with exit 2", () => {
    const before = cli("--edition", "codex-0.136").out;
    const after = cli("--edition", "codex-0.137").out;
    expect(before).toMatch(/^merge +first-writer$/m);
    expect(after).toMatch(/^merge +deep$/m);
    const bad = cli("--edition", "codex-0.126");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("0.126 was never published");
  });
});
