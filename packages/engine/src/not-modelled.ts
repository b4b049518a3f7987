import type { HookState } from "@codex-policy/spec";
import { configured } from "./config/stack.js";
import { configFeature } from "./features/catalogue.js";
import { checkFeatureValue } from "./features/tables.js";
import { matcherCovers, SHELL_TOOL } from "./hooks/events.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "./model.js";
import { denyReadField, denyReadPatterns } from "./permissions/deny-read.js";
import { isTable } from "./toml.js";

/**
 * What the engine accepts but does not simulate, with what Codex does with it that the Outcome
 * cannot show. Each one present in a scenario draws a `not-modelled` notice, so that nobody takes
 * the engine's silence for Codex's answer.
 */
const REQUIREMENT_KEYS: Record<string, string> = {
  allowed_login_methods: "which sign-in methods work (only an empty list, which stops Codex, is modelled)",
  allowed_chatgpt_workspaces: "which ChatGPT workspaces may sign in",
  cli_auth_credentials_store: "where credentials are stored",
  chatgpt_base_url: "the ChatGPT backend Codex talks to",
  plugins: "which plugins may load",
  apps: "which apps may load",
  marketplaces: "which plugin marketplaces are used",
  enforce_residency: "data residency",
  experimental_network:
    "the managed network proxy and its domain rules (only its effect on credential masking is modelled)",
  application: "desktop application constraints",
  computer_use: "computer use",
  browser_use: "browser use",
  in_app_browser: "the in-app browser",
  allow_browser_and_computer_use: "browser and computer use",
  allow_appshots: "app screenshots",
  allow_remote_control: "remote control",
  windows: "the Windows sandbox",
  sqlite_home: "where state databases live",
  log_dir: "where logs go",
  model_catalog_json: "the model catalogue",
  check_for_update_on_startup: "update checks",
  allow_login_shell: "whether commands run in a login shell",
  feedback: "feedback uploads",
  auto_review: "the automatic reviewer's own settings",
  models: "which models may be used",
  additional_developer_instructions: "instructions added to the model's prompt",
  guardian_policy_config: "the automatic reviewer's policy",
  guardian_extra_policy: "the automatic reviewer's extra policy",
  otel: "telemetry export",
  model_provider: "the model provider",
  model_providers: "model provider definitions",
  config_server: "a remote config server",
  unsafe_enforce_sqlite_journal_mode: "the state databases' journal mode",
};

/** Config keys that bear on what commands may do, which the engine does not simulate. */
const CONFIG_KEYS: Record<string, string> = {
  shell_environment_policy: "which environment variables commands receive",
  "sandbox_workspace_write.writable_roots": "extra writable directories in workspace-write",
  "sandbox_workspace_write.exclude_tmpdir_env_var": "whether $TMPDIR is writable in workspace-write",
  "sandbox_workspace_write.exclude_slash_tmp": "whether /tmp is writable in workspace-write",
  forced_login_method: "the sign-in method",
  forced_chatgpt_workspace_id: "the ChatGPT workspace",
  notify: "the notification command",
  plugins: "which plugins load",
};

const message = (key: string, what: string): string =>
  `\`${key}\` is accepted but not simulated: ${what} may differ from what Codex does.`;

function notice(diag: Diagnostics, key: string, what: string, source: string | null): void {
  diag.notice({ kind: "not-modelled", field: key, source, message: message(key, what) });
}

/** Notices for every requirement and config setting present that the engine does not simulate. */
export function notModelledNotices(
  fields: Record<string, ComposedField>,
  config: readonly ConfigLayer[],
  diag: Diagnostics,
): void {
  for (const [key, f] of Object.entries(fields)) {
    const what = REQUIREMENT_KEYS[key];
    if (what) notice(diag, key, what, f.layer.source);
  }
  const denyRead = denyReadField(fields);
  if (denyRead && denyReadPatterns(fields).length > 0)
    notice(
      diag,
      "permissions.filesystem.deny_read",
      "which paths commands cannot read, and whether the sandbox can be built on a given host (only the loss of full access and the root-glob refusal are modelled)",
      denyRead.layer.source,
    );
  for (const [key, what] of Object.entries(CONFIG_KEYS)) {
    const c = configured(config, key);
    if (c) notice(diag, key, what, c.layer.kind);
  }
  for (const layer of config) {
    const table = layer.doc.features;
    if (!isTable(table)) continue;
    for (const [k, v] of Object.entries(table)) {
      const check = checkFeatureValue(configFeature(k)?.key ?? k, v);
      if (check.kind !== "unjudged") continue;
      for (const field of check.keys)
        notice(
          diag,
          `features.${k}.${field}`,
          "whether Codex accepts this field (the engine does not know every field of the feature's table)",
          layer.kind,
        );
    }
  }
}

/** A part of a permission profile's definition the engine does not simulate. */
export function profilePartNotModelled(key: string, diag: Diagnostics): void {
  notice(
    diag,
    key,
    "the profile's own filesystem access (it is treated as what it extends, or read-only)",
    null,
  );
}

/**
 * A `PreToolUse` hook on shell commands runs before each probe command; its program's answer (exit
 * code 2 blocks the command, binary 0.169.0) depends on the host, so the outcomes may differ.
 */
export function commandHooksNotice(
  hooks: readonly HookState[],
  commands: readonly string[],
  diag: Diagnostics,
): void {
  if (commands.length === 0) return;
  const hook = hooks.find((h) => h.event === "PreToolUse" && matcherCovers(h.matcher, SHELL_TOOL));
  if (!hook) return;
  notice(
    diag,
    "hooks.PreToolUse",
    `whether the hook \`${hook.command}\` lets each command through (it runs before every command, and an exit code of 2 blocks it), so every command's outcome`,
    hook.managed ? (hook.layer ?? "system") : hook.source,
  );
}
