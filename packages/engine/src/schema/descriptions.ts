/**
 * Hover text for the keys of requirements.toml, shown by editors through the generated JSON Schema.
 * Types, enums and which releases read a key come from the engine's own tables, not from here.
 */
export const REQUIREMENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  allowed_approval_policies:
    "Approval policies users may choose. A disallowed configured value falls back to the first entry (a refusal before 0.99). Unset: any policy.",
  allowed_sandbox_modes:
    "Sandbox modes users may choose; must include read-only. A disallowed configured mode falls back to read-only. Unset: any mode.",
  allowed_web_search_modes:
    'Web search modes users may choose; "disabled" is always allowed too. A disallowed value falls back to an allowed one. Unset: any mode.',
  allowed_approvals_reviewers:
    "Who may review approval requests: the user, or the automatic reviewer. Unset: any reviewer.",
  allowed_permission_profiles: "Permission profiles users may pick, by name, each true (allowed) or false.",
  default_permissions: "The permission profile a session starts with when the user names none.",
  remote_sandbox_config:
    "Per-host sandbox modes: the first entry whose hostname_patterns match the machine's name replaces this layer's allowed_sandbox_modes.",
  features:
    "Feature pins: each named feature forced on (true) or off (false), whatever users configure. Unknown names are ignored with a warning.",
  feature_requirements: "Older name of [features]; give one of the two, never both.",
  mcp_servers:
    "MCP server allowlist: only servers listed here, with a matching identity (command or url), may run. An empty table disables every server.",
  plugins:
    "Per-plugin MCP server allowlists: [plugins.<name>.mcp_servers], shaped like the top-level [mcp_servers].",
  apps: "Per-app requirements, one table per app.",
  marketplaces: "Which plugin marketplaces users may install from.",
  rules:
    'Managed command rules: [rules] prefix_rules, each a token pattern and a decision. Codex uses the most restrictive decision of all rules; "allow" is refused here.',
  hooks: "Managed hooks: handlers per event (PreToolUse, …) run from managed_dir, whatever users configure.",
  allow_managed_hooks_only:
    "When true, only managed hooks run; hooks from user and project config are ignored.",
  permissions:
    "Permission profile definitions ([permissions.<name>]) and [permissions.filesystem] deny_read globs.",
  experimental_network: "Managed network proxy settings: allowed and denied domains, Unix sockets, ports.",
  windows: "Windows sandbox requirements: which sandbox implementations are allowed, and MXC.",
  model_provider: "The model provider every session uses.",
  model_providers: "Model provider definitions, one table per provider id.",
  allowed_login_methods: 'Login methods users may use: "chatgpt", "api".',
  allowed_chatgpt_workspaces: "ChatGPT workspace ids users may sign in to.",
  cli_auth_credentials_store: "Where the CLI keeps credentials: file, keyring, auto or ephemeral.",
  chatgpt_base_url: "The ChatGPT backend base URL Codex talks to.",
  additional_developer_instructions: "Instructions added to every session's developer message.",
  guardian_policy_config: "Policy text for the automatic approval reviewer.",
  guardian_extra_policy: "Extra policy text for the automatic approval reviewer.",
  auto_review: "Automatic review settings: the models it is required on, rules it ignores.",
  allow_browser_and_computer_use: "Whether browser and computer use may be enabled.",
  allow_appshots: "Whether app screenshots may be taken.",
  allow_remote_control: "Whether remote control may be enabled.",
  computer_use: "Computer use settings.",
  browser_use: "Browser use settings.",
  in_app_browser: "In-app browser settings.",
  enforce_residency: 'Data residency to enforce ("us").',
  application: "Application settings: network and storage.",
  config_server: "A managed configuration server: base_url, and OAuth for it.",
  models:
    "Managed model defaults for new threads: [models.new_thread] model, model_reasoning_effort, service_tier.",
  sqlite_home: "Directory of Codex's SQLite state databases.",
  log_dir: "Directory of Codex's logs.",
  model_catalog_json: "Path of a model catalog JSON file.",
  check_for_update_on_startup:
    "Whether Codex checks for a new version at startup. Unset: the users' own setting applies (on when they set none).",
  allow_login_shell:
    "Whether commands may run in a login shell. Unset: the users' own setting applies (on when they set none).",
  feedback: "Whether users may send feedback.",
  otel: "OpenTelemetry export settings.",
  unsafe_enforce_sqlite_journal_mode: "Forces the SQLite journal mode of Codex's state databases.",
};

/** Hover text for the requirement-bearing keys of the legacy managed_config.toml. */
export const MANAGED_CONFIG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  approval_policy: "The approval policy every session uses.",
  sandbox_mode: "The sandbox mode every session uses.",
  approvals_reviewer: "Who reviews approval requests in every session.",
  web_search: "The web search mode sessions use.",
  features: "Feature toggles, each true or false.",
  mcp_servers: "MCP servers, one table per server name.",
};
