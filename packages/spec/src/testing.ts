import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Effective, Outcome } from "./outcome.js";

/**
 * A valid Outcome with Codex's defaults (nothing configured, no requirements), for tests and fixtures.
 * `effective` fields are merged over the defaults; every other field replaces.
 */
export function sampleOutcome(
  over: Partial<Omit<Outcome, "effective">> & { effective?: Partial<Effective> | null } = {},
): Outcome {
  const { effective, ...rest } = over;
  return {
    edition: "codex-0.169",
    status: "ok",
    requirements: {},
    effective:
      effective === null
        ? null
        : {
            approval_policy: "on-request",
            approvals_reviewer: "user",
            sandbox_mode: "read-only",
            web_search: "cached",
            features: {},
            mcp_servers: {},
            hooks: [],
            commands: [],
            ...effective,
          },
    notices: [],
    warnings: [],
    errors: [],
    ...rest,
  };
}

/**
 * Temporary directories for one test file: `make()` creates one, `removeAll()` deletes every one
 * made so far (register it with the file's `afterAll`).
 */
export function tempDirs(prefix: string): { make(): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
