import fc from "fast-check";
import { featureConfig } from "./features.js";
import { type McpServerDef, mcpServers } from "./mcp.js";
import { type ProfileDoc, profileDoc } from "./profiles.js";
import { REVIEWER_VALUES, SANDBOXES, WEB_MODES } from "./vocab.js";

/** A config.toml document as data (system, user, project, legacy managed_config). */
export interface ConfigDoc extends ProfileDoc {
  approval_policy?: string;
  sandbox_mode?: string;
  approvals_reviewer?: string;
  web_search?: string;
  features?: Record<string, boolean>;
  mcp_servers?: Record<string, McpServerDef>;
}

/** Configurable approval values; `untrusted` in config is fatal (rule 13), so it is rare. */
const configApproval = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 15, arbitrary: fc.constantFrom("on-request", "never", "on-failure") },
    { weight: 1, arbitrary: fc.constant("untrusted") },
  );

/** A config document; permission profiles (`profiles`, on by default) appear in about one in four. */
export function configDoc(opts: { mcp?: boolean; profiles?: boolean } = {}): fc.Arbitrary<ConfigDoc> {
  const doc = fc.record(
    {
      approval_policy: configApproval(),
      sandbox_mode: fc.constantFrom(...SANDBOXES),
      approvals_reviewer: fc.constantFrom(...REVIEWER_VALUES),
      web_search: fc.constantFrom(...WEB_MODES),
      features: featureConfig(),
      ...(opts.mcp === false ? {} : { mcp_servers: mcpServers() }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<ConfigDoc>;
  if (opts.profiles === false) return doc;
  const profiles = fc.oneof(
    { weight: 3, arbitrary: fc.constant<ProfileDoc>({}) },
    { weight: 1, arbitrary: profileDoc() },
  );
  return fc.tuple(doc, profiles).map(([d, p]) => ({ ...d, ...p }));
}

/** The legacy managed_config.toml: only the keys Codex reinterprets or treats as config (rules 21, 25). */
export const legacyManagedConfigDoc = (): fc.Arbitrary<ConfigDoc> =>
  fc.record(
    {
      approval_policy: fc.constantFrom("on-request", "never"),
      sandbox_mode: fc.constantFrom(...SANDBOXES),
      web_search: fc.constantFrom(...WEB_MODES),
      features: featureConfig(),
    },
    { requiredKeys: [] },
  );

/** `-c key=value` overrides (rule 19). */
export const sessionOverride = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom("on-request", "never").map((v) => `approval_policy="${v}"`),
    fc.constantFrom(...SANDBOXES).map((v) => `sandbox_mode="${v}"`),
    fc.constantFrom(...WEB_MODES).map((v) => `web_search="${v}"`),
    fc.constantFrom("user", "auto_review").map((v) => `approvals_reviewer="${v}"`),
  );

/** thread/start parameters (rule 19). */
export const threadParams = (): fc.Arbitrary<{
  approval_policy?: string;
  approvals_reviewer?: string;
  sandbox?: string;
}> =>
  fc.record(
    {
      approval_policy: fc.constantFrom("on-request", "never", "on-request", "never", "untrusted"),
      approvals_reviewer: fc.constantFrom("user", "auto_review"),
      sandbox: fc.constantFrom(...SANDBOXES),
    },
    { requiredKeys: [] },
  );
