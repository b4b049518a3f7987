import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "schema", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("codex-policy schema", () => {
  it("prints requirements.toml's schema for the newest release, or the range of --codex", () => {
    const newest = JSON.parse(cli("requirements").out);
    expect(newest.title).toMatch(/^requirements\.toml \(Codex 0\.\d+(-0\.\d+)?\)$/);
    expect(newest.properties.allowed_sandbox_modes.items.enum).toContain("read-only");
    const older = JSON.parse(cli("requirements", "--codex", "0.130.1").out);
    expect(older.title).toBe("requirements.toml (Codex 0.124-0.130)");
    expect(Object.keys(older.properties)).toContain("hooks");
    expect(Object.keys(JSON.parse(cli("requirements", "--codex", "0.123").out).properties)).not.toContain(
      "hooks",
    );
    expect(JSON.parse(cli("managed-config").out).properties.approval_policy.description).toContain(
      "also reads it as a requirement",
    );
  });

  it("still prints codex-policy's own formats", () => {
    expect(JSON.parse(cli("scenario").out)).toHaveProperty("properties");
  });

  it("bad input is a usage error: one line, exit 2", () => {
    for (const [args, message] of [
      [["requirements", "--codex", "0.76"], "--codex takes a published release"],
      [["requirements", "--codex", "soon"], "--codex takes a published release"],
      [["scenario", "--codex", "0.130"], "--codex applies to requirements and managed-config only"],
      [["config"], "expected one of: requirements, managed-config, scenario, case, outcome"],
    ] as const) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
  });
});
