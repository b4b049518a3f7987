/**
 * Every user-visible text the engine produces in Codex's own wording lives here,
 * so a wording change in a Codex release is a one-file change.
 */

import type { Behaviour } from "./releases/behaviour.js";

/** Rust Debug names Codex prints for enum values. */
export const DEBUG_NAMES: Record<string, string> = {
  untrusted: "UnlessTrusted",
  "on-failure": "OnFailure",
  "on-request": "OnRequest",
  never: "Never",
  "read-only": "ReadOnly",
  "workspace-write": "WorkspaceWrite",
  "danger-full-access": "DangerFullAccess",
  "external-sandbox": "ExternalSandbox",
  disabled: "Disabled",
  cached: "Cached",
  indexed: "Indexed",
  live: "Live",
  user: "User",
  auto_review: "AutoReview",
  guardian_subagent: "AutoReview",
  elevated: "Elevated",
  unelevated: "Unelevated",
  none: "None",
};

export const debugName = (v: string): string => DEBUG_NAMES[v] ?? v;

/** Before 0.124 the automatic reviewer's Debug name is `GuardianSubagent`. */
export const reviewerDebug = (debug: string, release: { autoReviewerDebug: string }): string =>
  debug === "AutoReview" ? release.autoReviewerDebug : debug;

/** How releases before the `permission_profile` wording (0.115-0.127) print the read-only fallback. */
export const READ_ONLY_POLICY_DEBUG = "ReadOnly { access: FullAccess, network_access: false }";

/** How Codex prints the read-only permission profile it falls back to (the entry gains a field in 0.146). */
export function readOnlyProfileDebug(missingPath: boolean): string {
  const entry = `FileSystemSandboxEntry { path: Special { value: Root }, access: Read${missingPath ? ", missing_path_behavior: None" : ""} }`;
  return `Managed { file_system: Restricted { entries: [${entry}], glob_scan_max_depth: None }, network: Restricted }`;
}

export function notInAllowedSet(field: string, candidate: string, allowed: string[], source: string): string {
  return `invalid value for \`${field}\`: \`${candidate}\` is not in the allowed set [${allowed.join(", ")}] (set by ${source})`;
}

/** A refusal before 0.80, which named neither the field nor the file. */
export function valueNotAllowed(candidate: string, allowed: string[]): string {
  return `value \`${candidate}\` is not in the allowed set [${allowed.join(", ")}]`;
}

export function fallbackWarning(field: string, fallbackDebug: string, details: string): string {
  return `Configured value for \`${field}\` is disallowed by requirements; falling back to required value ${fallbackDebug}. Details: ${details}`;
}

/** How a release names the requirements file that failed to parse (before 0.137: `Error parsing requirements file`). */
export type RequirementsErrorPrefix = "file" | "layer";

export function layerParseError(
  label: string,
  detail: string,
  prefix: RequirementsErrorPrefix = "layer",
): string {
  return prefix === "file"
    ? `Error parsing requirements file ${label}: ${detail}`
    : `failed to parse requirements layer ${label}: ${detail}`;
}

export const projectParseError = (label: string, detail: string): string =>
  `Error parsing project config file ${label}: ${detail}`;

/** Fields Codex reads only once the layers are merged fail with this prefix instead. */
export function mergedParseError(detail: string): string {
  return `failed to parse merged requirements: ${detail}`;
}

/** serde errors on a field carry the field path on a line of its own. */
export function serdeFieldError(message: string, path: string): string {
  return `${message}\nin \`${path}\`\n`;
}

/** A TOML syntax error with a code frame pointing at the offending column. */
export function tomlSyntaxDetail(
  line: number | undefined,
  column: number | undefined,
  text: string,
  source?: string,
  width = 1,
): string {
  if (line === undefined) return `TOML parse error: ${text}\n`;
  const col = column ?? 1;
  const src = source?.split(/\r?\n/)[line - 1];
  const frame =
    src === undefined
      ? ""
      : `${" ".repeat(String(line).length)} |\n${line} | ${src}\n${" ".repeat(String(line).length)} |${" ".repeat(col)}${"^".repeat(width)}\n`;
  return `TOML parse error at line ${line}, column ${col}\n${frame}${text}\n`;
}

export const CLOUD_BUNDLE_INVALID_TOML = "invalid cloud config bundle: invalid TOML";

export const emptyListError = (field: string): string => `field \`${field}\` cannot be empty`;

export function sandboxWithoutReadOnly(modesDebug: string[], source: string): string {
  return `invalid value for \`allowed_sandbox_modes\`: \`[${modesDebug.join(", ")}]\` is not in the allowed set must include 'read-only' to allow any PermissionProfile (set by ${source})`;
}

export const NEVER_WITH_FULL_ACCESS =
  '`approval_policy = "never"` cannot be used because requirements do not allow `sandbox_mode = "danger-full-access"`; Codex would fall back to read-only permissions with approvals disabled. Choose an `approval_policy` based on what you need, such as `on-request`, or choose an allowed sandbox mode.';

export const CONFIG_UNTRUSTED_APPROVAL =
  'approval_policy = "untrusted" is no longer supported; remove this setting';

export const legacyProfileError = (p: string): string =>
  `legacy \`profile = "${p}"\` config is no longer supported; use \`--profile ${p}\` with \`${p}.config.toml\` instead`;

/** serde's wording: `expected \`a\``, `expected \`a\` or \`b\``, `expected one of \`a\`, \`b\`, \`c\``. */
/** serde's list of what it expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``. */
function expectedList(expected: readonly string[]): string {
  const q = expected.map((e) => `\`${e}\``);
  return q.length === 1 ? q[0]! : q.length === 2 ? `${q[0]} or ${q[1]}` : `one of ${q.join(", ")}`;
}

export function unknownVariant(value: string, expected: readonly string[]): string {
  return `unknown variant \`${value}\`, expected ${expectedList(expected)}`;
}

export function unknownField(field: string, expected: readonly string[]): string {
  return `unknown field \`${field}\`, expected ${expectedList(expected)}`;
}

export function invalidType(found: string, expected: string): string {
  return `invalid type: ${found}, expected ${expected}`;
}

export const missingField = (field: string): string => `missing field \`${field}\``;

/** One line of the unrecognized-settings warning. */
export interface IgnoredKey {
  /** e.g. `requirements (/etc/codex/requirements.toml)` */
  label: string;
  key: string;
}

export function unrecognizedSettingsWarning(keys: IgnoredKey[]): string {
  const sorted = [...keys].sort((a, b) =>
    a.label === b.label ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.label < b.label ? -1 : 1,
  );
  const n = sorted.length;
  const head = `Codex is ignoring ${n} unrecognized configuration setting${n === 1 ? "" : "s"}. Check for typos or deprecated settings.`;
  const lines = sorted.slice(0, 3).map((k) => `\n  ${k.label}: \`${k.key}\` is ignored.`);
  const more = n > 3 ? `\n  ... and ${n - 3} more ignored settings.` : "";
  return head + lines.join("") + more;
}

export const requirementsLabel = (layerLabel: string): string => `requirements (${layerLabel})`;
export const legacyConfigLabel = (path: string): string => `legacy managed_config.toml (${path})`;

/** Shown when the project has config but is not trusted; `.` stands for the project folder. */
export function projectDisabledWarning(
  trust: "trusted" | "untrusted" | "unknown",
  untrustedSource: Behaviour["untrustedProjectSource"],
  wording: Behaviour["projectWarningWording"],
): string {
  if (wording === "config-folders") {
    const head = "The following config folders are disabled:\n    1. .codex\n       ";
    return trust === "untrusted"
      ? `${head}. is marked as untrusted in ~/.codex/config.toml. Mark it trusted to enable project config folders.\n`
      : `${head}Add . as a trusted project in ~/.codex/config.toml.\n`;
  }
  const local = wording === "project-local";
  const what = local ? "project-local config, hooks, and exec policies" : "config.toml";
  const head = `${
    local
      ? "Project-local config, hooks, and exec policies are disabled in the following folders until the project is trusted, but skills still load."
      : "Project config.toml files are disabled in the following folders. Settings in those files are ignored, but skills and exec policies still load."
  }\n    1. .codex\n       `;
  if (trust !== "untrusted")
    return `${head}To load ${what}, add . as a trusted project in ~/.codex/config.toml.\n`;
  return untrustedSource === "effective-config"
    ? `${head}. is marked as untrusted in the effective configuration. To load ${what}, update its trust setting. If that setting is managed by your organization, contact your administrator.\n`
    : `${head}. is marked as untrusted in ~/.codex/config.toml. To load ${what}, mark it trusted.\n`;
}

/** Config-file warning for `[features].multi_agent`, whatever its value. */
export const MULTI_AGENT_DEPRECATED =
  "`[features].multi_agent` is deprecated. It still controls the V1 fallback. `[agents].enabled = false` disables subagent tools even when the model selects a subagent version, unless `[features].multi_agent_v2` is enabled.";

const FEATURE_FLAGS_DOC = "https://developers.openai.com/codex/config-basic#feature-flags";
/** Modes in the order the web search deprecation notice lists them. */
const WEB_SEARCH_NOTICE_ORDER = ["live", "indexed", "cached", "disabled"];
/** The web search feature keys whose notice lists the modes the release knows. */
export const WEB_SEARCH_FEATURE_KEYS = ["web_search_cached", "web_search_request", "web_search"];

export function webSearchFeatureNotice(key: string, modes: readonly string[]): string {
  const q = WEB_SEARCH_NOTICE_ORDER.filter((m) => modes.includes(m)).map((m) => `\`"${m}"\``);
  const list = `${q.slice(0, -1).join(", ")}, or ${q[q.length - 1]}`;
  return notice(
    `\`[features].${key}\` is deprecated because web search is enabled by default.`,
    `Set \`web_search\` to ${list} at the top level (or under a profile) in config.toml if you want to override it.`,
  );
}
const ZSH_DETAIL = (key: string) =>
  `The patched zsh backend has been removed. Shell commands now use the standard shell executor. Remove \`${key}\` from [features] in config.toml or profile configuration files.`;

/** A deprecation notice: Codex shows the summary, then the details on the next line. */
const notice = (summary: string, details: string): string => `${summary}\n${details}`;

/** The notice for a legacy feature key that has a canonical name. */
export const featureAliasNotice = (key: string, canonical: string): string =>
  notice(
    `\`[features].${key}\` is deprecated. Use \`[features].${canonical}\` instead.`,
    `Enable it with \`--enable ${canonical}\` or \`[features].${canonical}\` in config.toml. See ${FEATURE_FLAGS_DOC} for details.`,
  );

/** Notices for particular feature keys, in the order Codex gives them (after the alias notices). */
export const FEATURE_KEY_NOTICES: readonly [key: string, text: string][] = [
  [
    "guardianv2.thread_context",
    notice(
      "`[features.guardianv2].thread_context` is deprecated and ignored.",
      "Thread-owned Guardian context is always enabled. Remove `thread_context` from [features.guardianv2] in config.toml, including profile overrides.",
    ),
  ],
  [
    "transcript_v2",
    notice(
      "`[features].transcript_v2` is deprecated and ignored.",
      "Use `[tui].fullscreen_transcript` in config.toml instead.",
    ),
  ],
  [
    "use_legacy_landlock",
    notice(
      "`[features].use_legacy_landlock` is deprecated and will be removed soon.",
      "Remove this setting to stop opting into the legacy Linux sandbox behavior.",
    ),
  ],
  ...["shell_zsh_fork", "unified_exec_zsh_fork"].map((key): [string, string] => [
    key,
    notice(`\`[features].${key}\` is deprecated and ignored.`, ZSH_DETAIL(key)),
  ]),
];

/** The warning when a config failure leaves Codex running on defaults. */
export const INVALID_CONFIGURATION = "Invalid configuration; using defaults.";

/** The warning when the user's `.rules` file does not parse; none of its rules apply. */
export const USER_RULES_INVALID = "Error parsing rules; custom rules not applied.";

// ---- permission profiles (0.138+) ----
export const permissionUndefinedInAllowlist = (name: string): string =>
  `requirements.toml allowed_permission_profiles refers to undefined profile \`${name}\``;
export const permissionDefaultNotAllowed = (name: string): string =>
  `requirements.toml default_permissions \`${name}\` must be allowed by allowed_permission_profiles`;
export const PERMISSION_DEFAULT_NEEDS_ALLOWLIST =
  "requirements.toml default_permissions requires allowed_permission_profiles";
export const PERMISSION_DEFAULT_REQUIRED =
  "requirements.toml default_permissions must be set unless allowed_permission_profiles allows both `:workspace` and `:read-only`";
export const permissionConflictsWithConfig = (name: string): string =>
  `requirements.toml permissions profile \`${name}\` conflicts with a config-defined profile of the same name`;
export const PERMISSIONS_FILESYSTEM_RESERVED =
  "`permissions.filesystem` is reserved for requirements-level filesystem constraints and cannot define a profile";
export const PERMISSIONS_TABLE_REQUIRED = "default_permissions requires a `[permissions]` table";
export const PROFILES_WITHOUT_DEFAULT =
  "config defines `[permissions]` profiles but does not set `default_permissions`";
export const PROFILE_WRITES_OUTSIDE_WORKSPACE =
  "permissions profile requests filesystem writes outside the workspace root, which is not supported until the runtime enforces FileSystemSandboxPolicy directly";
export const profileWithoutFilesystemTable = (name: string): string =>
  `permissions profile \`${name}\` must define a \`[permissions.${name}.filesystem]\` table`;
export const profileExtendsUnsupported = (name: string, parent: string): string =>
  `permissions profile \`${name}\` cannot extend unsupported built-in profile \`${parent}\``;
export const profileExtendsUndefined = (name: string, parent: string): string =>
  `permissions profile \`${name}\` extends undefined profile \`${parent}\``;
export const profileInheritanceCycle = (names: readonly string[]): string =>
  `permissions profile inheritance cycle detected: ${names.join(" -> ")}`;
export const profilePathNotAbsolute = (path: string): string =>
  `filesystem path \`${path}\` must be absolute, use \`~/...\`, or start with \`:\``;
export const permissionBuiltinUnknown = (name: string): string =>
  `default_permissions refers to unknown built-in profile \`${name}\``;
export const permissionDefaultUndefined = (name: string): string =>
  `default_permissions refers to undefined profile \`${name}\``;
export const permissionProfileFallback = (configured: string, required: string): string =>
  `Configured value for \`permission_profile\` is disallowed by requirements; falling back from \`${configured}\` to required value \`${required}\`.`;
/** A `:name` filesystem path the release does not know (and any entry below it) is ignored. */
export function unknownSpecialPath(path: string, nested?: string): string {
  const what = nested === undefined ? `\`${path}\`` : `\`${path}\` with nested entry \`${nested}\``;
  return `Configured filesystem path ${what} is not recognized by this version of Codex and will be ignored. Upgrade Codex if this path is required.`;
}

export const permissionProfileWithoutFilesystem = (name: string): string =>
  `Permissions profile \`${name}\` does not define any recognized filesystem entries for this version of Codex. Filesystem access will remain restricted. Upgrade Codex if this profile expects filesystem permissions.`;
/** A thread whose session fails to start; before 0.156 the cause is wrapped once more. */
export const threadCreationError = (cause: string, wrapped: boolean): string =>
  `error creating thread: ${wrapped ? "Fatal error: Failed to initialize session: " : ""}${cause}`;
export const denyReadUnsafeGlob = (pattern: string, wrapped: boolean): string =>
  threadCreationError(
    `failed to load AGENTS.md instructions for environment \`local\`: fs sandbox helper failed with status exit status: 1: error building bubblewrap command: Fatal error: unreadable glob \`${pattern}\` cannot be safely expanded; use a pattern with a non-root directory prefix`,
    wrapped,
  );
export const CREDENTIAL_MASKING_INACTIVE =
  "Credential masking is inactive because the network proxy is disabled. Commands will receive unmasked credentials. Enable `features.network_proxy` or configure managed network requirements to use credential masking.";
export const LOGIN_METHODS_EMPTY = "authentication requirements do not permit any usable login method";
/** Not Codex's text: the hint the engine adds to Codex's bare `granular` error. */
export const GRANULAR_NEEDS_TABLE =
  "`granular` takes its settings as a table: write `{ granular = { sandbox_approval = true, rules = true, mcp_elicitations = true } }` in allowed_approval_policies (skill_approval and request_permissions are optional).";
