import { invalidType, unknownVariant } from "../messages.js";

/** Enum spellings Codex accepts in requirements.toml, in the order its errors list them. */
export const APPROVAL_VARIANTS = ["untrusted", "on-failure", "on-request", "granular", "never"] as const;
/** Every approval spelling some release lists, in that order; a release knows `reject` or `granular`. */
export const APPROVAL_SPELLINGS = [
  "untrusted",
  "on-failure",
  "on-request",
  "reject",
  "granular",
  "never",
] as const;
/** Approval variants that take their settings as a table: written bare, they are an invalid type. */
export const TABLE_APPROVAL_VARIANTS: readonly string[] = ["reject", "granular"];

/**
 * How a release reads one approval spelling, in config or requirements: null when it loads; a
 * table-form variant written bare is an invalid type; a spelling the release does not list is unknown.
 */
export function approvalSpellingProblem(
  value: string,
  known: readonly string[],
): { code: "invalid-type" | "unknown-variant"; message: string } | null {
  if (!known.includes(value)) return { code: "unknown-variant", message: unknownVariant(value, known) };
  if (TABLE_APPROVAL_VARIANTS.includes(value))
    return { code: "invalid-type", message: invalidType("unit variant", "newtype variant") };
  return null;
}
export const SANDBOX_VARIANTS = [
  "read-only",
  "workspace-write",
  "danger-full-access",
  "external-sandbox",
] as const;
export const WEB_SEARCH_VARIANTS = ["disabled", "cached", "indexed", "live"] as const;
export const WINDOWS_SANDBOX_VARIANTS = ["elevated", "unelevated"] as const;
export const REVIEWER_VARIANTS = ["user", "auto_review", "guardian_subagent"] as const;

/** Requirement fields Codex 0.169's startup-config report shows under their own names. */
export const REPORTED_REQUIREMENT_KEYS: ReadonlySet<string> = new Set([
  "model_provider",
  "model_providers",
  "allowed_login_methods",
  "cli_auth_credentials_store",
  "chatgpt_base_url",
  "additional_developer_instructions",
  "allowed_approval_policies",
  "allowed_approvals_reviewers",
  "allowed_sandbox_modes",
  "allowed_permission_profiles",
  "default_permissions",
  "allowed_web_search_modes",
  "allow_managed_hooks_only",
  "allow_browser_and_computer_use",
  "allow_appshots",
  "allow_remote_control",
  "computer_use",
  "browser_use",
  "in_app_browser",
  "features",
  "hooks",
  "enforce_residency",
  "application",
  "auto_review",
  "models",
  "sqlite_home",
  "log_dir",
  "model_catalog_json",
  "check_for_update_on_startup",
  "allow_login_shell",
  "feedback",
  "otel",
]);

/** Top-level requirements.toml keys Codex 0.169 knows; anything else is ignored with a warning. */
export const KNOWN_REQUIREMENT_KEYS: ReadonlySet<string> = new Set([
  ...REPORTED_REQUIREMENT_KEYS,
  "remote_sandbox_config",
  "permissions",
  "feature_requirements",
  "mcp_servers",
  "plugins",
  "apps",
  "marketplaces",
  "rules",
  "experimental_network",
  "windows",
  "allowed_chatgpt_workspaces",
  "guardian_policy_config",
  "guardian_extra_policy",
  "config_server",
  "unsafe_enforce_sqlite_journal_mode",
]);

/** Requirement fields that are a plain boolean. */
export const BOOLEAN_REQUIREMENT_KEYS: ReadonlySet<string> = new Set([
  "allow_managed_hooks_only",
  "allow_browser_and_computer_use",
  "allow_appshots",
  "allow_remote_control",
  "check_for_update_on_startup",
  "allow_login_shell",
  "unsafe_enforce_sqlite_journal_mode",
]);

export const REMOTE_ENTRY_KEYS = new Set(["hostname_patterns", "allowed_sandbox_modes"]);
