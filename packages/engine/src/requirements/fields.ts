/** Enum spellings Codex accepts in requirements.toml, in the order its errors list them. */
export const APPROVAL_VARIANTS = ["untrusted", "on-failure", "on-request", "granular", "never"] as const;
export const SANDBOX_VARIANTS = [
  "read-only",
  "workspace-write",
  "danger-full-access",
  "external-sandbox",
] as const;
export const WEB_SEARCH_VARIANTS = ["disabled", "cached", "indexed", "live"] as const;
export const REVIEWER_VARIANTS = ["user", "auto_review", "guardian_subagent"] as const;

/** Top-level requirements.toml keys Codex 0.169 knows; anything else is ignored with a warning. */
export const KNOWN_REQUIREMENT_KEYS = new Set([
  "allowed_approval_policies",
  "allowed_approvals_reviewers",
  "allowed_sandbox_modes",
  "remote_sandbox_config",
  "allowed_web_search_modes",
  "allowed_permission_profiles",
  "default_permissions",
  "permissions",
  "allow_managed_hooks_only",
  "hooks",
  "features",
  "feature_requirements",
  "mcp_servers",
  "plugins",
  "apps",
  "marketplaces",
  "rules",
  "enforce_residency",
  "experimental_network",
  "application",
  "computer_use",
  "browser_use",
  "in_app_browser",
  "allow_browser_and_computer_use",
  "allow_appshots",
  "allow_remote_control",
  "windows",
  "allowed_login_methods",
  "allowed_chatgpt_workspaces",
  "cli_auth_credentials_store",
  "chatgpt_base_url",
  "sqlite_home",
  "log_dir",
  "model_catalog_json",
  "check_for_update_on_startup",
  "allow_login_shell",
  "feedback",
  "auto_review",
  "models",
  "additional_developer_instructions",
  "guardian_policy_config",
  "guardian_extra_policy",
  "otel",
  "model_provider",
  "model_providers",
  "config_server",
  "unsafe_enforce_sqlite_journal_mode",
]);

export const REMOTE_ENTRY_KEYS = new Set(["hostname_patterns", "allowed_sandbox_modes"]);
