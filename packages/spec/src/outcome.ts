import { z } from "zod";
import { Edition } from "./enums.js";

/** One requirements.toml field after composition, normalized like Codex's startup-config report. */
export const RequirementEntrySchema = z.object({
  value: z.unknown(),
  /** Highest layer that set the field: system | legacy | mdm | cloud | cloud:<rule name>. */
  source: z.string(),
  /** Every layer that contributed, highest first, when a table merged across layers. */
  sources: z.array(z.string()).optional(),
});

export const FeatureStateSchema = z.object({
  enabled: z.boolean(),
  stage: z.string().optional(),
  /** Present when a requirement pins the key; names the requirements source. */
  pinned_by: z.string().optional(),
  /** The config source that set it when not pinned (user, project, session, legacy, default). */
  source: z.string().optional(),
});

export const McpServerStateSchema = z.object({
  enabled: z.boolean(),
  /** Why it is disabled: `requirements (<path>)` for the allowlist, or null. */
  reason: z.string().nullable(),
  /** Config layer that defined the server. */
  origin: z.string().optional(),
  transport: z.enum(["stdio", "http"]).optional(),
});

export const HookStateSchema = z.object({
  event: z.string(),
  matcher: z.string().nullable().optional(),
  command: z.string(),
  /** `system` for managed hooks (any requirements layer), `user`, `project`, `hooks.json`. */
  source: z.string(),
  managed: z.boolean(),
  /** The requirements layer that delivered a managed hook. */
  layer: z.string().optional(),
});

export const COMMAND_DECISIONS = ["forbidden", "prompt", "prompt-user", "allow", "none"] as const;
export const COMMAND_OUTCOMES = ["rejected", "ask-user", "ask-reviewer", "run"] as const;

export const CommandStateSchema = z.object({
  command: z.string(),
  /** Policy decision from matching rules (most restrictive), `none` when no rule matched. */
  decision: z.enum(COMMAND_DECISIONS),
  /** What happens to the tool call. */
  outcome: z.enum(COMMAND_OUTCOMES),
  /**
   * The rule that decided it: `<source>#<index>` for managed rules, `user.rules#<n>` for the user's
   * file, `codex:<check>` for one of Codex's built-in checks (`codex:rm-force`), `hook:PreToolUse`
   * for a command a hook blocked (observed on the binary; the engine does not run hooks).
   */
  rule: z.string().nullable(),
  /** The text the model receives when the call is rejected, else null. */
  message: z.string().nullable(),
});

export const EffectiveSchema = z.object({
  approval_policy: z.string(),
  approvals_reviewer: z.string(),
  sandbox_mode: z.string(),
  /**
   * The active permission profile (`:read-only`, `:workspace`, `:danger-full-access` or a defined
   * name); null when the legacy `sandbox_mode` settings decide the sandbox.
   */
  permission_profile: z.string().nullable().optional(),
  /** Whether commands in the sandbox may reach the network. */
  network_access: z.boolean().optional(),
  web_search: z.string(),
  /** The wire-level consequence of `web_search`: `none`, `cached` or `external` (indexed and live look alike). */
  web_search_access: z.enum(["none", "cached", "external"]).optional(),
  features: z.record(z.string(), FeatureStateSchema),
  mcp_servers: z.record(z.string(), McpServerStateSchema),
  hooks: z.array(HookStateSchema),
  commands: z.array(CommandStateSchema),
  /** Where each of the four constrained values came from: a config layer, `default`, or `requirements`. */
  sources: z.record(z.string(), z.string()).optional(),
});

export const NoticeSchema = z.object({
  kind: z.string(),
  field: z.string().nullable(),
  configured: z.unknown().optional(),
  effective: z.unknown().optional(),
  source: z.string().nullable(),
  message: z.string(),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
});

export const ErrorSchema = z.object({
  code: z.string(),
  layer: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

export const CLOUD_PATHS = ["absent", "ineligible", "cache", "fetched", "skipped", "refused"] as const;
export const CloudReportSchema = z.object({
  path: z.enum(CLOUD_PATHS),
  /** Group rule that applied, `default`, or null. */
  rule: z.string().nullable(),
  reason: z.string(),
});

export const OutcomeSchema = z.object({
  edition: Edition,
  status: z.enum(["ok", "refused"]),
  requirements: z.record(z.string(), RequirementEntrySchema),
  /** Null when Codex refuses to start. */
  effective: EffectiveSchema.nullable(),
  cloud: CloudReportSchema.optional(),
  notices: z.array(NoticeSchema),
  warnings: z.array(WarningSchema),
  errors: z.array(ErrorSchema),
  /** Outcome path prefixes the implementation could not observe; comparisons skip them. */
  unobserved: z.array(z.string()).optional(),
  /** Free-form explanation data (per-field traces) for reports and the TUI. */
  trace: z.unknown().optional(),
});

export type RequirementEntry = z.infer<typeof RequirementEntrySchema>;
export type FeatureState = z.infer<typeof FeatureStateSchema>;
export type McpServerState = z.infer<typeof McpServerStateSchema>;
export type HookState = z.infer<typeof HookStateSchema>;
export type CommandState = z.infer<typeof CommandStateSchema>;
export type Effective = z.infer<typeof EffectiveSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
export type OutcomeWarning = z.infer<typeof WarningSchema>;
export type OutcomeError = z.infer<typeof ErrorSchema>;
export type CloudReport = z.infer<typeof CloudReportSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
