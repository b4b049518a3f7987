import { z } from "zod";
import { AuthKind, CacheState, Edition, FetchOutcome, HostOs, Plan, ProjectTrust } from "./enums.js";

/** A TOML document carried verbatim, so broken TOML can be tested as written. */
const TomlText = z.string();

export const HostSchema = z
  .object({
    os: HostOs.default("linux"),
    hostname: z.string().default("localhost"),
    /** Resolver canonical name. Used for hostname matching only when it contains a dot. */
    fqdn: z.string().optional(),
  })
  .strict();

export const IdentitySchema = z
  .object({
    auth: AuthKind.default("none"),
    plan: Plan.optional(),
    user: z.string().optional(),
    account: z.string().optional(),
    groups: z.array(z.string()).default([]),
  })
  .strict();

export const CloudRuleSchema = z
  .object({
    name: z.string().min(1),
    groups: z.array(z.string()).default([]),
    requirements: TomlText.default(""),
  })
  .strict();

export const CloudSchema = z
  .object({
    cache: CacheState.default("missing"),
    fetch: FetchOutcome.default("ok"),
    /** Fallback policy when no group rule matches. */
    default: TomlText.optional(),
    rules: z.array(CloudRuleSchema).default([]),
    /** Managed config fragment delivered with the bundle (not requirements). */
    config: TomlText.optional(),
  })
  .strict();

export const MdmSchema = z
  .object({
    requirements_toml_base64: z.string().optional(),
    config_toml_base64: z.string().optional(),
  })
  .strict();

export const SystemSchema = z
  .object({
    requirements: TomlText.optional(),
    managed_config: TomlText.optional(),
    config: TomlText.optional(),
  })
  .strict();

export const UserSchema = z
  .object({
    config: TomlText.optional(),
    /** A Starlark `.rules` file; the prefix_rule(...) subset is modelled. */
    rules: z.string().optional(),
    /** `$CODEX_HOME/hooks.json` contents. */
    hooks_json: z.string().optional(),
  })
  .strict();

export const ProjectSchema = z
  .object({
    config: TomlText.optional(),
    trust: ProjectTrust.default("unknown"),
  })
  .strict();

export const ThreadParamsSchema = z
  .object({
    approval_policy: z.string().optional(),
    approvals_reviewer: z.string().optional(),
    sandbox: z.string().optional(),
  })
  .strict();

export const SessionSchema = z
  .object({
    profile: z.string().optional(),
    /** `-c key=value` overrides, value parsed as TOML. */
    overrides: z.array(z.string()).default([]),
    enable: z.array(z.string()).default([]),
    disable: z.array(z.string()).default([]),
    thread: ThreadParamsSchema.optional(),
  })
  .strict();

export const ProbeSchema = z
  .object({
    commands: z.array(z.string()).default([]),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    edition: Edition.optional(),
    description: z.string().optional(),
    host: HostSchema.default({ os: "linux", hostname: "localhost" }),
    identity: IdentitySchema.default({ auth: "none", groups: [] }),
    cloud: CloudSchema.optional(),
    mdm: MdmSchema.optional(),
    system: SystemSchema.optional(),
    user: UserSchema.optional(),
    project: ProjectSchema.default({ trust: "unknown" }),
    session: SessionSchema.default({ overrides: [], enable: [], disable: [] }),
    probe: ProbeSchema.default({ commands: [] }),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
