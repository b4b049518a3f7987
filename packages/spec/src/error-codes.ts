/**
 * Stable error, warning and notice codes. Implementations may report any code from these
 * lists; the conformance corpus asserts on them.
 */
export const ERROR_CODES = {
  "scenario-invalid": "The scenario file itself does not validate.",
  "toml-syntax": "A layer is not valid TOML (syntax error or duplicate key).",
  "invalid-utf8": "A layer is not valid UTF-8.",
  "invalid-type": "A requirements or config value has the wrong type.",
  "unknown-variant": "An enum value is not one Codex accepts.",
  "missing-field": "A required field is missing.",
  "unknown-field": "A requirements table that admits only its own fields has another one.",
  "duplicate-field":
    "One layer sets the same field twice, e.g. [features] and its alias [feature_requirements].",
  "empty-list": "An allow-list that may not be empty is empty.",
  "sandbox-without-read-only": "allowed_sandbox_modes (or a matching remote entry) lacks read-only.",
  "rules-invalid": "A [rules] prefix rule fails validation.",
  "mcp-identity-invalid": "An MCP allowlist identity is missing or malformed.",
  "feature-pin-conflict": "Feature pins contradict each other through a dependency.",
  "hooks-managed-dir-conflict": "Requirement layers set different hooks.managed_dir values.",
  "never-with-disallowed-full-access": "approval never combined with a refused danger-full-access sandbox.",
  "requirement-disallowed":
    "A value the requirements disallow stops Codex (releases before 0.99 refuse instead of falling back).",
  "config-approval-untrusted": 'approval_policy = "untrusted" set in a config layer.',
  "config-legacy-profile": "A config file sets the legacy top-level `profile` key.",
  "config-invalid": "A config layer fails to load.",
  "model-provider-unknown":
    "The model provider Codex starts with is neither built in nor defined in model_providers.",
  "deny-read-unsafe-glob":
    "A deny_read glob starts at the filesystem root, so the sandbox cannot expand it; no thread starts.",
  "login-methods-empty": "allowed_login_methods is an empty list: no way to sign in remains.",
  "permission-profiles-invalid":
    "allowed_permission_profiles names an undefined profile, or default_permissions is missing or not allowed.",
  "cloud-fetch-failed": "No usable cloud cache and the fetch failed or timed out.",
  "cloud-bundle-invalid": "The cloud bundle is not valid TOML or its requirements do not load.",
  "mdm-base64": "An MDM payload is not valid base64.",
  "mdm-utf8": "An MDM payload does not decode to UTF-8.",
  "profile-missing": "The selected --profile does not exist.",
  "override-invalid": "A -c override is not key=value.",
  "unknown-feature-flag": "--enable or --disable names a feature the release does not know.",
  "unknown-feature-requirement":
    "A feature pin names an unknown feature (an error from 0.110 to 0.123, a warning after).",
  unsupported: "The implementation cannot express this scenario.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const WARNING_CODES = {
  "requirement-fallback": "A configured value is disallowed; Codex falls back and says so.",
  "unrecognized-settings": "Codex is ignoring unrecognized keys.",
  "unknown-feature-requirement": "A feature pin names an unknown feature.",
  "legacy-feature-requirement": "A feature pin uses a legacy alias key.",
  "removed-feature-requirement": "A feature pin names a removed feature.",
  "project-config-disabled": "The project is not trusted, so its config is not loaded.",
  "invalid-configuration": "Codex could not load configuration and uses defaults (no session can start).",
  "multi-agent-deprecated": "A config file sets `[features].multi_agent`, which is deprecated.",
  "deprecated-feature": "A deprecation notice: a feature key is renamed, deprecated or ignored.",
  "permission-profile-empty":
    "The active permission profile extends nothing and grants no filesystem entries Codex recognizes.",
  "filesystem-path-unknown":
    "A permission profile names a `:name` filesystem path the release does not know; the entry is ignored.",
  "credential-masking-inactive":
    "credential_masking is on, but no managed network proxy runs ([experimental_network] enabled), so nothing is masked.",
  "user-rules-invalid": "The user's .rules file does not parse, so none of its rules apply.",
} as const;
export type WarningCode = keyof typeof WARNING_CODES;

export const NOTICE_KINDS = {
  fallback: "A configured value was replaced, with a user-visible warning.",
  "silent-fallback": "A default was disallowed and replaced without a warning.",
  "pin-override": "A feature pin overrode a configured value (silently).",
  "legacy-requirement": "The legacy managed_config.toml produced a requirement.",
  "ignored-key": "A key was ignored; see the warning.",
  "blog-command-rules": "[[command_rules]] is not Codex syntax; use [rules] prefix_rules.",
  "cloud-skipped": "The cloud layer was skipped (documented edition fail-open).",
  "cloud-cache": "The cloud cache was used or refetched.",
  "cloud-ineligible": "The identity is not eligible for cloud requirements.",
  "mdm-absent": "MDM payloads exist but the host is not macOS.",
  "remote-sandbox-match": "A remote_sandbox_config entry matched the host.",
  "mcp-disabled": "An MCP server was disabled by the allowlist.",
  hint: "What to write instead, when Codex's own error message does not say.",
  "not-modelled":
    "The scenario sets something the engine accepts but does not simulate; Codex's answer may differ.",
} as const;
