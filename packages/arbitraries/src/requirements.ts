import fc from "fast-check";
import { featurePins } from "./features.js";
import { hostnamePattern } from "./hostnames.js";
import { MCP_NAMES, type McpIdentity, mcpIdentity } from "./mcp.js";
import {
  allowedProfiles,
  BUILTIN_PROFILES,
  DEFINED_PROFILES,
  type ProfileBody,
  profileBody,
} from "./profiles.js";
import { type ManagedPrefixRule, managedRules } from "./rules.js";
import { APPROVALS, REVIEWER_VALUES, WEB_MODES } from "./vocab.js";

/** A requirements.toml document as data; every field optional. */
export interface RequirementsDoc {
  allowed_approval_policies?: string[];
  allowed_sandbox_modes?: string[];
  allowed_web_search_modes?: string[];
  allowed_approvals_reviewers?: string[];
  features?: Record<string, boolean>;
  mcp_servers?: Record<string, { identity: McpIdentity }>;
  remote_sandbox_config?: { hostname_patterns: string[]; allowed_sandbox_modes: string[] }[];
  rules?: { prefix_rules: ManagedPrefixRule[] };
  allow_managed_hooks_only?: boolean;
  allowed_permission_profiles?: Record<string, boolean>;
  default_permissions?: string;
  permissions?: Record<string, ProfileBody>;
}

export const approvalList = (): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.constantFrom(...APPROVALS), { minLength: 1, maxLength: 4 });
export const reviewerList = (): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.constantFrom(...REVIEWER_VALUES), { minLength: 1, maxLength: 2 });
/** Web-search lists, empty included: `[]` is valid and allows only `disabled` (rule 1). */
export const webSearchList = (): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    {
      weight: 5,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...WEB_MODES), { minLength: 1, maxLength: 4 })
        .map((xs): string[] => [...xs]),
    },
  );

/** Sandbox lists that contain read-only somewhere (a list without it is fatal, rule 16). */
export const sandboxList = (): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.uniqueArray(fc.constantFrom("workspace-write", "danger-full-access"), { maxLength: 2 }),
      fc.nat(),
    )
    .map(([others, at]) => {
      const out: string[] = [...others];
      out.splice(at % (out.length + 1), 0, "read-only");
      return out;
    });

export const remoteEntry = (): fc.Arbitrary<{
  hostname_patterns: string[];
  allowed_sandbox_modes: string[];
}> =>
  fc.record({
    hostname_patterns: fc.array(hostnamePattern(), { minLength: 0, maxLength: 2 }),
    allowed_sandbox_modes: sandboxList(),
  });

export const mcpAllowlist = (): fc.Arbitrary<Record<string, { identity: McpIdentity }>> =>
  fc.dictionary(
    fc.constantFrom(...MCP_NAMES),
    mcpIdentity().map((identity) => ({ identity })),
    { maxKeys: 3 },
  );

/** The requirements fields about permission profiles, which appear only when asked for by name. */
export const PROFILE_REQUIREMENT_FIELDS = [
  "allowed_permission_profiles",
  "default_permissions",
  "permissions",
] as const satisfies readonly (keyof RequirementsDoc)[];

/**
 * A valid requirements document. `fields` restricts which fields may appear (useful for laws about
 * one field); by default every field but the profile ones, each with probability ~1/3.
 */
export function requirementsDoc(fields?: readonly (keyof RequirementsDoc)[]): fc.Arbitrary<RequirementsDoc> {
  const all: { [K in keyof RequirementsDoc]-?: fc.Arbitrary<NonNullable<RequirementsDoc[K]>> } = {
    allowed_approval_policies: approvalList(),
    allowed_sandbox_modes: sandboxList(),
    allowed_web_search_modes: webSearchList(),
    allowed_approvals_reviewers: reviewerList(),
    features: featurePins(),
    mcp_servers: mcpAllowlist(),
    remote_sandbox_config: fc.array(remoteEntry(), { minLength: 1, maxLength: 2 }),
    rules: managedRules().map((prefix_rules) => ({ prefix_rules })),
    allow_managed_hooks_only: fc.boolean(),
    allowed_permission_profiles: allowedProfiles(),
    default_permissions: fc.constantFrom(...DEFINED_PROFILES, ...BUILTIN_PROFILES),
    permissions: fc.dictionary(fc.constantFrom(...DEFINED_PROFILES), profileBody(), {
      minKeys: 1,
      maxKeys: 2,
    }),
  };
  const keys =
    fields ??
    (Object.keys(all) as (keyof RequirementsDoc)[]).filter(
      (k) => !(PROFILE_REQUIREMENT_FIELDS as readonly string[]).includes(k),
    );
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) model[k] = all[k];
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<RequirementsDoc>;
}
