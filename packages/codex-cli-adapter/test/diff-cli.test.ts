import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff, scratch } from "./cli.js";

// `codex-policy diff`: what it says before it ever needs the binary.
const { dir, write } = scratch("codex-adapter-diff-test-");

describe("codex-policy diff, bad input", () => {
  it("a scenario that does not validate exits 2 with one located line and no stack", () => {
    const r = diff(write("bad.toml", "bogus = 1\n"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.toml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unsupported scenario exits 3 and says why", () => {
    const r = diff(write("mac.toml", '[host]\nos = "macos"\n'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unsupported by the real binary: host\.os = "macos"/);
  });

  it("a missing --codex-bin is a usage error: exit 2 with the fix", () => {
    const r = diff(write("ok.toml", ""), "--codex-bin", join(dir, "no-such-codex"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-codex does not exist/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
