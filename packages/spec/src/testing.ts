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
