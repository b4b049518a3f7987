import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pinnedReleasePath } from "@codex-policy/codex-cli-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { binaryMissing, binaryProblem } from "../../../packages/codex-cli-adapter/test/needs-binary.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-drift-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const older = pinnedReleasePath("0.150.0");
const newer = pinnedReleasePath("0.169.0");
const problem = binaryProblem() ?? (older && newer ? null : "codex 0.150.0 or 0.169.0 is not installed");

describe("codex-policy drift --impl codex-cli on two real binaries", () => {
  if (problem !== null) return binaryMissing("drift between two binaries", problem);

  it("0.150.0 → 0.169.0: a disallowed thread sandbox starts to warn, laid on the entry that says so", () => {
    const file = join(work, "thread.toml");
    writeFileSync(
      file,
      [
        "[system]",
        'requirements = \'allowed_sandbox_modes = ["read-only", "workspace-write"]\'',
        "[session.thread]",
        'sandbox = "danger-full-access"',
        "",
      ].join("\n"),
    );
    const r = spawnSync(
      process.execPath,
      [bin, "drift", "--impl", "codex-cli", "--codex-from", older!, "--codex-to", newer!, "--json", file],
      { cwd: root, encoding: "utf8", timeout: 300_000 },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as {
      from: string;
      to: string;
      scenarios: { changes: { path: string; causes: { id: string }[]; unexplained: boolean }[] }[];
    };
    expect([json.from, json.to]).toEqual(["codex-0.150", "codex-0.169"]);
    const warnings = json.scenarios[0]!.changes.find((c) => c.path === "warnings");
    expect(warnings?.causes.map((c) => c.id)).toContain("thread-fallback-warnings");
    expect(warnings?.unexplained).toBe(false);
    expect(json.scenarios[0]!.changes.find((c) => c.path === "effective.sandbox_mode")).toBeUndefined();
  });
});
