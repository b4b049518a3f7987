import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binaryMissing, binaryProblem } from "../../../packages/codex-cli-adapter/test/needs-binary.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const problem = binaryProblem();

describe("--codex-bin that is no Codex binary", () => {
  if (problem !== null) return binaryMissing("--codex-bin checks", problem);

  it("is a usage error: one line, exit 2, for a missing path, a program without a version, and CODEX_BIN", () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(
        process.execPath,
        [
          bin,
          "conformance",
          "run",
          "--impl",
          "codex-cli",
          "--cases",
          "conformance/test/fixtures/cases",
          ...args,
        ],
        { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } },
      );
    const cases: [ReturnType<typeof run>, RegExp][] = [
      [run(["--codex-bin", "/nonexistent/codex"]), /--codex-bin \/nonexistent\/codex does not exist/],
      [run(["--codex-bin", "/bin/true"]), /\/bin\/true --version printed no version; is it the Codex CLI\?/],
      [run([], { CODEX_BIN: "/bin/true" }), /is it the Codex CLI\?/],
    ];
    for (const [r, message] of cases) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\[codex-bin-invalid\]\n$/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
