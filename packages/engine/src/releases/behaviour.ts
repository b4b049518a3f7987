import type { RequirementsErrorPrefix } from "../messages.js";
import { KNOWN_REQUIREMENT_KEYS } from "../requirements/fields.js";
import type { CommandRelease } from "../rules/evaluate.js";
import { FIRST_READ_RELEASE, KEY_FIRST_REPORTED } from "./requirement-fields.js";

/** Requirement layers, lowest precedence first in an order. */
export type RequirementLayerKind = "system" | "cloud" | "legacy" | "mdm-legacy" | "mdm";

/**
 * What one edition does. Each codex edition is the baseline (0.77.0) with every change entry up to
 * its release folded in (`changes.ts`); the one algorithm reads only these values.
 */
/** What a release does; the command-evaluation switches are documented on CommandRelease. */
export interface Behaviour extends CommandRelease {
  /** Requirement layers from lowest to highest precedence. */
  order: readonly RequirementLayerKind[];
  /**
   * `deep`: Codex's config merge, lowest first (tables key by key, lists and scalars replaced).
   * `first-writer`: the highest layer that sets a top-level field owns all of it.
   */
  merge: "deep" | "first-writer";
  /** What happens when the cloud layer is needed, there is no valid cache and the fetch fails. */
  cloudFailure: "refuse" | "skip";
  /** Plans whose ChatGPT sign-in makes the cloud layer apply. */
  cloudPlans: readonly string[];
  /** Legacy managed_config keys reinterpreted as requirements. */
  legacyRequirementKeys: readonly string[];
  /** Legacy `sandbox_mode = M`: `with-read-only` allows read-only plus M, `only-value` allows just M. */
  legacySandbox: "with-read-only" | "only-value";
  /** Whether a managed_dir that differs between layers stops Codex. */
  hooksDirConflictFatal: boolean;
  /** Whether the report lists the default login methods whenever requirements exist. */
  reportsDefaultLoginMethods: boolean;
  /**
   * Outside a managed profile allow-list, when a configured `sandbox_mode` beats a configured
   * `default_permissions`: set in a higher layer (binary), or set anywhere (docs).
   */
  sandboxModeBeatsProfile: "higher-layer" | "any-layer";
  /** Whether a configured or allowed `on-failure` is read as `on-request` (else it is kept). */
  onFailureAsOnRequest: boolean;
  /** Whether `[auto_review] required_on_models` forces the automatic reviewer for a configured model. */
  autoReviewRequiredOnModels: boolean;

  /** Top-level requirements.toml keys the release reads; others are ignored. */
  requirementKeys: readonly string[];
  /**
   * Approval policy spellings the release's errors list. `reject` (0.105 to 0.114), then `granular`,
   * is the variant that takes its settings as a table.
   */
  approvalModes: readonly string[];
  /**
   * The `:name` paths a permission profile's `[filesystem]` may use; any other `:name` is ignored
   * with a warning.
   */
  specialPaths: readonly string[];
  /**
   * The built-in profiles `default_permissions` may name without defining them. Once there are any, a
   * `:name` outside them is an unknown built-in; before, it is a name like any other.
   */
  builtinProfiles: readonly string[];
  /**
   * A chosen profile with no `[filesystem]` table (nor, from 0.133, a parent): refused (0.113),
   * read-only without a word (0.114), or read-only with a warning (from 0.115).
   */
  emptyProfile: "refuse" | "silent" | "warn";
  /**
   * Whether an entry granting less than write beside a `:root` write counts (from 0.123): it makes the
   * profile one that writes outside the workspace (refused until 0.128), then workspace-write. Before,
   * the `:root` write is full access whatever is beside it.
   */
  rootWriteNarrowed: boolean;
  /** Whether a permission profile's `extends` is read (before 0.133 it is ignored: the profile has only its own entries). */
  profileExtends: boolean;
  /**
   * Whether a chosen permission profile may write anywhere. Before 0.128 its own entries may write
   * only to `:project_roots` itself, or to `:root` with no narrower entry beside it; anything else
   * stops the configuration from loading.
   */
  profileWritesAnywhere: boolean;
  /**
   * Fields of struct requirements (`key.field`) the release does not have yet: the merged requirements
   * report leaves them out and the layer's deserializer does not know them.
   */
  missingStructFields: readonly string[];
  /** Whether a thread refuses to start on a `deny_read` glob that begins at the root (from 0.149). */
  denyReadGlobsChecked: boolean;
  /** Whether a session that fails to start is reported wrapped in `Fatal error: Failed to initialize session:` (until 0.155). */
  sessionErrorWrapped: boolean;
  /** Web search modes accepted in requirements and config. */
  webSearchModes: readonly string[];
  /** Reviewer spellings accepted in requirements and config. */
  reviewers: readonly string[];
  /** How the release reports the automatic reviewer. */
  autoReviewerName: "auto_review" | "guardian_subagent";
  /** The automatic reviewer's Debug name in warnings and refusals. */
  autoReviewerDebug: "AutoReview" | "GuardianSubagent";
  /** Decisions a managed prefix rule may carry (`allow` is read, then rejected). */
  ruleDecisions: readonly string[];

  /** A disallowed value: refuse it (any, or only when configured), or fall back. */
  disallowed: "refuse-any" | "refuse-configured" | "fall-back";
  /** Whether a fallback shows the user a warning. */
  fallbackWarnings: boolean;
  /** Field the sandbox fallback warning names (`permission_profile` prints a `Managed { … }` value). */
  sandboxWarningField: "sandbox_mode" | "permission_profile";
  /** Whether the printed read-only profile entry carries `missing_path_behavior`. */
  profileEntryMissingPath: boolean;
  /** `never` with a disallowed `danger-full-access`: silently read-only, or refused. */
  neverWithFullAccess: "read-only" | "refuse";
  /** A `[features]` pin naming no known feature. */
  unknownFeaturePin: "error" | "warn";
  /**
   * Whether the app-server stays up on defaults after its configuration fails to load (else it never
   * answers, and no failure leaves Codex running).
   */
  configErrorServerUp: boolean;
  /** Whether a requirements validation error stops the app-server (else it stays up on defaults). */
  validationStopsCodex: boolean;
  /**
   * Whether a requirements.toml syntax error stops the app-server (0.147-0.156) instead of leaving it
   * up on defaults like before 0.147 and again from 0.157.
   */
  requirementsSyntaxStopsCodex: boolean;
  /** Under `untrusted`, whether a reviewer the requirements force (no `user`) answers approval requests. */
  untrustedHonoursRequiredReviewer: boolean;
  /** Whether an unclosed TOML array or inline table is reported at the very end of the input. */
  tomlErrorAtEnd: boolean;
  /** Whether an unknown-trust project loads when the thread asks for a writable sandbox that requirements refuse (else only on the effective one). */
  lateProjectOnRequestedSandbox: boolean;
  /**
   * When `-c` values are checked against their variants on their own: right after requirements are
   * validated, before requirements are read, or not on their own but with the config files.
   */
  overrideCheck: "after-requirements" | "before-requirements" | "with-config";
  /** Whether Codex running on defaults after a config error shows the defaults' own warnings. */
  defaultsWarningsShown: boolean;
  /** Whether a startup config failure is reported even when a thread then starts on the defaults. */
  startupFailureReported: boolean;
  /**
   * Whether a thread shows the fallback warnings of its own configuration (a disallowed thread
   * parameter, the project loaded at thread start, the user config after a startup failure).
   */
  threadFallbackWarnings: boolean;
  /** Whether `approval_policy = "untrusted"` in a config file stops Codex. */
  configUntrustedFatal: boolean;
  /** Which bad config key is reported first: in sorted key order, or in the order the files write them. */
  configErrorOrder: "sorted" | "document";
  /** Whether unknown keys draw the "ignoring unrecognized settings" warning. */
  unknownKeyWarnings: boolean;
  /** Config keys the release does not read yet (`web_search`, `approvals_reviewer`). */
  ignoredConfigKeys: readonly string[];
  /**
   * Whether all config layers are merged before any value is read, so a key set above (managed
   * config, a trusted project) replaces a bad `-c` or file value beneath it (up to 0.87, from 0.110);
   * else system and user config with `-c` are read first, on their own (0.89 to 0.107).
   */
  configReadMerged: boolean;
  /**
   * Whether the system config.toml is read on its own as soon as it loads, so a bad value in it
   * beats a user or project config syntax error (from 0.147); before, the syntax error wins.
   */
  systemConfigReadFirst: boolean;
  /**
   * Whether, when a config file does not parse, the permission profiles are first checked against
   * what has been read (the requirements' allow-list and default, the files before it): from 0.147.
   * Before, the syntax error wins.
   */
  profilesCheckedBeforeBrokenFile: boolean;
  /**
   * How a config file value Codex cannot read is reported: serde's words followed by the key path
   * (`in \`key\``, up to 0.89), or behind the file, line and column (from 0.90).
   */
  configErrorFormat: "field-path" | "located";

  /** Whether a managed config file that does not parse is reported before requirements errors (from 0.137). */
  managedConfigErrorsFirst: boolean;
  /** Whether `codex mcp list` shows Codex's own apps server when the `apps` feature is on. */
  appsServerListed: boolean;
  /** Whether a sandbox default that project trust picks warns when it falls back. */
  trustDefaultFallbackWarns: boolean;
  /** How a requirements file that fails to parse is named (`Error parsing requirements file` before 0.137). */
  requirementsErrorPrefix: RequirementsErrorPrefix;
  /** Whether a requirements field error is framed like a TOML syntax error (before 0.147). */
  requirementFieldErrorsFramed: boolean;
  /** The web search mode when nothing sets one. */
  webSearchDefault: "disabled" | "cached";
  /** Which web search modes other than `disabled` become `live` under full access: none, only the default, any. */
  fullAccessLiveWebSearch: "none" | "default" | "any";
  /** Project `.codex/config.toml`: never loaded, loaded whatever the trust, or only when trusted. */
  projectConfig: "never" | "always" | "trusted";
  /** Whether a skipped project config is announced. */
  projectDisabledWarning: boolean;
  /** How that announcement words it: config folders (0.90), `config.toml` files (0.92 to 0.121) or project-local config. */
  projectWarningWording: "config-folders" | "config-toml" | "project-local";
  /** Whether a project of unknown trust whose config was skipped loads at thread start (0.120 on). */
  lateProjectLoad: boolean;
  /** Where that announcement says an untrusted project is marked so. */
  untrustedProjectSource: "user-config" | "effective-config";
  /** Regression: an untrusted project's config still applies, and its default approval is on-request. */
  untrustedProjectLeaks: boolean;
  /** Whether a refusal names the field and the requirements file. */
  refusalNamesField: boolean;
  /** Whether `[features].multi_agent` in user or project config draws the deprecation warning. */
  multiAgentDeprecationWarning: boolean;
}

/** Requirement keys whose first release has its own hand-written change entry (`changes.ts`). */
export const BISECTED_REQUIREMENT_KEYS: ReadonlySet<string> = new Set([
  "allowed_approval_policies",
  "allowed_sandbox_modes",
  "mcp_servers",
  "rules",
  "allowed_web_search_modes",
  "features",
  "feature_requirements",
  "allowed_approvals_reviewers",
  "remote_sandbox_config",
  "otel",
  "unsafe_enforce_sqlite_journal_mode",
  "permissions",
]);

/** Whether a key's first release comes from the reported field lists (`requirement-fields.ts`). */
export function datedByReport(key: string): boolean {
  const since = KEY_FIRST_REPORTED.get(key);
  return (
    KNOWN_REQUIREMENT_KEYS.has(key) &&
    !BISECTED_REQUIREMENT_KEYS.has(key) &&
    since !== undefined &&
    since !== FIRST_READ_RELEASE
  );
}

/** Keys some release reported that 0.169 no longer knows (renamed or dropped): not modelled. */
export const UNMODELLED_REPORTED_KEYS: readonly string[] = [...KEY_FIRST_REPORTED.keys()]
  .filter((k) => !KNOWN_REQUIREMENT_KEYS.has(k))
  .sort();

/** Everything 0.169 knows besides the keys whose first release is known (a change entry adds them). */
export const LATER_REQUIREMENT_KEYS = [...KNOWN_REQUIREMENT_KEYS].filter(
  (k) => !BISECTED_REQUIREMENT_KEYS.has(k) && !datedByReport(k),
);

/** 0.77.0, the first release that reads requirements.toml. */
export const BASELINE: Behaviour = {
  order: ["legacy", "mdm-legacy", "system", "mdm", "cloud"],
  merge: "first-writer",
  cloudFailure: "refuse",
  cloudPlans: ["team", "business", "enterprise", "edu"],
  legacyRequirementKeys: ["approval_policy", "sandbox_mode"],
  legacySandbox: "with-read-only",
  hooksDirConflictFatal: true,
  reportsDefaultLoginMethods: false,
  // Not bisected: the 0.169.0 behaviour, for every release that knows the keys involved.
  sandboxModeBeatsProfile: "higher-layer",
  autoReviewRequiredOnModels: true,
  onFailureAsOnRequest: false,
  // Keys 0.169 knows without a change entry of their own; their first release was not bisected.
  requirementKeys: ["allowed_approval_policies", "allowed_sandbox_modes", ...LATER_REQUIREMENT_KEYS],
  configErrorOrder: "sorted",
  approvalModes: ["untrusted", "on-failure", "on-request", "never"],
  specialPaths: [":root", ":minimal", ":project_roots", ":tmpdir"],
  builtinProfiles: [],
  profileExtends: false,
  emptyProfile: "refuse",
  rootWriteNarrowed: false,
  profileWritesAnywhere: false,
  denyReadGlobsChecked: false,
  missingStructFields: [
    "computer_use.allow_persistent_approval",
    "computer_use.default_app_access",
    "computer_use.macos",
    "computer_use.windows",
    "application.storage",
  ],
  sessionErrorWrapped: true,
  webSearchModes: ["disabled", "cached", "live"],
  reviewers: ["user", "guardian_subagent"],
  autoReviewerName: "guardian_subagent",
  autoReviewerDebug: "GuardianSubagent",
  ruleDecisions: ["allow", "prompt", "forbidden"],
  disallowed: "refuse-any",
  fallbackWarnings: false,
  sandboxWarningField: "sandbox_mode",
  profileEntryMissingPath: false,
  neverWithFullAccess: "read-only",
  unknownFeaturePin: "error",
  configErrorServerUp: false,
  validationStopsCodex: false,
  requirementsSyntaxStopsCodex: false,
  threadFallbackWarnings: false,
  overrideCheck: "after-requirements",
  lateProjectOnRequestedSandbox: true,
  tomlErrorAtEnd: true,
  untrustedHonoursRequiredReviewer: false,
  untrustedRunsKnownSafe: true,
  ruleBasenameRetry: false,
  defaultsWarningsShown: false,
  startupFailureReported: false,
  configUntrustedFatal: false,
  unknownKeyWarnings: false,
  ignoredConfigKeys: ["web_search", "approvals_reviewer", "default_permissions", "permissions"],
  neverRejectsFlaggedCommands: false,
  onFailureAsksFlagged: false,
  neverRejectsFlaggedInFullAccess: true,
  gitDirProtected: false,
  gitResetFlagged: true,
  trustDefaultFallbackWarns: false,
  requirementsErrorPrefix: "file",
  requirementFieldErrorsFramed: true,
  rejectionFormat: "shell",
  flaggedReasonPerCheck: false,
  appsServerListed: false,
  // Not observable on 0.77.0 (its threads never finish a turn): taken from 0.80.0 and 0.87.0.
  configReadMerged: true,
  systemConfigReadFirst: false,
  profilesCheckedBeforeBrokenFile: false,
  configErrorFormat: "field-path",
  managedConfigErrorsFirst: false,
  broadAllowsIgnored: false,
  webSearchDefault: "disabled",
  fullAccessLiveWebSearch: "none",
  projectConfig: "never",
  projectDisabledWarning: false,
  untrustedProjectSource: "user-config",
  projectWarningWording: "config-folders",
  lateProjectLoad: false,
  untrustedProjectLeaks: false,
  refusalNamesField: false,
  multiAgentDeprecationWarning: false,
};

/** Behaviour values that are lists of names: a change may add to them or drop from them. */
export type VocabularyKey =
  | "requirementKeys"
  | "legacyRequirementKeys"
  | "approvalModes"
  | "specialPaths"
  | "missingStructFields"
  | "webSearchModes"
  | "reviewers"
  | "ruleDecisions"
  | "ignoredConfigKeys";
