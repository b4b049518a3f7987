import { compareVersions } from "@codex-policy/spec";
import { BASELINE, type Behaviour, datedByReport, type VocabularyKey } from "./behaviour.js";
import { KEY_FIRST_REPORTED, previousRead } from "./requirement-fields.js";

/**
 * One behaviour change of Codex: the first published release that shows it, what it changes, the
 * corpus cases that show it on both sides, and the outcome fields it can move (for `drift`).
 */
export interface Change {
  id: string;
  /** First published minor showing the change (`0.137`). */
  since: string;
  /** The published minor before it, which does not show it. */
  previous: string | null;
  summary: string;
  evidence: readonly string[];
  /** Outcome paths the change can move: `effective.approval_policy`, `status`, `warnings`, … */
  affects: readonly string[];
  set?: Partial<Behaviour>;
  add?: Partial<Record<VocabularyKey, readonly string[]>>;
  remove?: Partial<Record<VocabularyKey, readonly string[]>>;
}

const CORE = ["effective.approval_policy", "effective.sandbox_mode", "status", "errors", "warnings"];
/** What project config can set: every effective setting, features included, the start, the warnings. */
const PROJECT = ["effective", "effective.features", "status", "errors", "warnings"];
/** What loading (or refusing) a permission profile can change. */
const PROFILE_LOAD = [
  "status",
  "errors",
  "warnings",
  "effective.sandbox_mode",
  "effective.permission_profile",
  "effective.network_access",
  "effective.web_search",
];

/** Hand-written entries, oldest first. */
const OBSERVED: readonly Change[] = [
  {
    id: "requirements-read",
    since: "0.77",
    previous: null,
    summary:
      "/etc/codex/requirements.toml is read (allowed_approval_policies, allowed_sandbox_modes); any disallowed value, even an unconfigured default, stops Codex; the file beats managed_config.toml per field",
    evidence: ["b01", "b06", "c03", "c06", "d01", "j01"],
    affects: ["requirements", ...CORE],
    set: BASELINE,
  },
  {
    id: "project-config-untrusted-applies",
    since: "0.79",
    previous: "0.77",
    summary: "a project .codex/config.toml applies without any trust check",
    evidence: ["j08", "j09"],
    affects: [...PROJECT, "effective.sources"],
    set: { projectConfig: "always" },
  },
  {
    id: "refusal-names-field",
    since: "0.80",
    previous: "0.79",
    summary:
      "a refusal names the field and the requirements file; configRequirements/read shows merged requirements, a legacy sandbox_mode M as [read-only, M]",
    evidence: ["c01", "c03", "c05"],
    affects: ["errors", "requirements"],
    set: { refusalNamesField: true },
  },
  {
    id: "mcp-allowlist",
    since: "0.87",
    previous: "0.80",
    summary:
      "[mcp_servers.<name>] identity allowlist: unlisted or mismatching servers are disabled; top-level web_search config is read",
    evidence: ["f02", "f03"],
    affects: [
      "effective.mcp_servers",
      "effective.web_search",
      "requirements.mcp_servers",
      "status",
      "errors",
      "warnings",
    ],
    add: { requirementKeys: ["mcp_servers"] },
    remove: { ignoredConfigKeys: ["web_search"] },
  },
  {
    id: "never-rejects-flagged-commands",
    since: "0.87",
    previous: "0.80",
    summary:
      "under approval never, a command Codex's own danger check flags (rm with a force flag) is rejected; before, it runs (under other policies it asks in every release)",
    evidence: [
      "binary 0.80.0 runs `rm -rf y` under approval never and asks for `rm -rf ./scratch` under on-request; 0.87.0, 0.90.0, 0.92.0, 0.95.0 and 0.99.0 reject the first, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { neverRejectsFlaggedCommands: true },
  },
  {
    id: "on-failure-asks-flagged-commands",
    since: "0.87",
    previous: "0.80",
    summary:
      "under approval on-failure, a command Codex's own danger check flags (rm with a force flag) asks; before, it runs in the sandbox first and asks only if the sandbox stops it",
    evidence: [
      "fuzz:seed=1000804;path=12:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:3:3:3:3",
      "binary 0.80.0 runs `rm -rf y` and `rm x && rm -rf y` under on-failure and asks under on-request and untrusted; 0.87.0 and 0.100.0 ask under all three, 2026-12-08",
    ],
    affects: ["effective.commands"],
    set: { onFailureAsksFlagged: true },
  },
  {
    id: "config-error-server-up",
    since: "0.87",
    previous: "0.80",
    summary:
      'a configuration that fails to load, a disallowed configured value included, leaves the app-server up on defaults ("Invalid configuration; using defaults.") and the thread refused; before, the app-server never answered initialize',
    evidence: ["binary 0.77.0 and 0.80.0 hang, 0.87.0, 0.92.0 and 0.95.0 stay up, 2026-12-06"],
    affects: ["warnings"],
    set: { configErrorServerUp: true },
  },
  {
    id: "project-config-needs-trust",
    since: "0.89",
    previous: "0.87",
    summary: "the config of a project whose trust is unknown or untrusted is ignored, silently",
    evidence: ["j08", "j09"],
    affects: [...PROJECT, "effective.sources"],
    set: { projectConfig: "trusted" },
  },
  {
    id: "config-files-read-alone",
    since: "0.89",
    previous: "0.87",
    summary:
      "the system and user config, with the -c values over them, are read before the project and legacy managed config apply: a value there Codex cannot read stops it even where a trusted project or the managed config sets the same key; before, all layers were merged first and Codex started with the value above",
    evidence: [
      'binary 0.80.0 and 0.87.0 start with a user approval_policy = "sometimes" or -c approval_policy="sometimes" under a managed approval_policy = "never" (0.87.0 also a user web_search = "indexed" under a managed one), 0.89.0, 0.90.0 and 0.93.0 stop, 2026-12-07',
      'fuzz:edition=codex-0.89;seed=891: 0.87.0 starts with a user web_search = "bogus" under a trusted project web_search = "disabled", 0.89.0, 0.100.0 and 0.107.0 stop, 0.110.0 and 0.130.0 start; a system web_search = "bogus" under a user "disabled" starts on all of them, 2026-12-07',
    ],
    affects: ["status", "errors", "warnings", "effective.approval_policy", "effective.web_search"],
    set: { configReadMerged: false },
  },
  {
    id: "config-errors-located",
    since: "0.90",
    previous: "0.89",
    summary:
      "a config file value Codex cannot read is reported behind its file, line and column, found by reading the layers again one at a time, lowest first: the first that fails alone is reported, even a value a higher layer replaces; before, the merged value, followed by its key path only",
    evidence: [
      'binary 0.87.0 and 0.89.0 report a user approval_policy = "sometimes" as `unknown variant ... in `approval_policy``, 0.90.0, 0.93.0 and 0.100.0 as `~/.codex/config.toml:1:19: unknown variant ...`, 2026-12-07',
      'binary 0.89.0 reports the user approval_policy = "bad3" over a system "bad1" (with a user sandbox_mode = "bad2"), 0.100.0, 0.130.0, 0.150.0 and 0.169.0 the system one, 2026-12-07',
    ],
    affects: ["errors"],
    set: { configErrorFormat: "located" },
  },
  {
    id: "project-config-disabled-warning",
    since: "0.90",
    previous: "0.89",
    summary: "a warning says when the project config folder is disabled",
    evidence: ["j08", "j09"],
    affects: ["warnings"],
    set: { projectDisabledWarning: true },
  },
  {
    id: "project-warning-config-toml",
    since: "0.92",
    previous: "0.90",
    summary:
      "the disabled-project warning speaks of project config.toml files that are ignored while skills and exec policies still load; before, it lists the disabled config folders and says to trust the project",
    evidence: [
      "binary 0.90.0 words it `The following config folders are disabled:`, 0.92.0, 0.93.0, 0.95.0 and 0.98.0 `Project config.toml files are disabled in the following folders.`, for a project of unknown trust and an untrusted one, 2026-12-07 (0.91 was never published)",
    ],
    affects: ["warnings"],
    set: { projectWarningWording: "config-toml" },
  },
  {
    id: "web-search-cached-default",
    since: "0.92",
    previous: "0.90",
    summary: "with nothing configured, web search is cached instead of disabled",
    evidence: [
      "binary 0.80.0, 0.87.0, 0.89.0 and 0.90.0 offer no web search tool, 0.92.0 and later a cached one, 2026-12-06",
    ],
    affects: ["effective.web_search"],
    set: { webSearchDefault: "cached" },
  },
  {
    id: "full-access-live-default",
    since: "0.93",
    previous: "0.92",
    summary:
      "under danger-full-access the default web search mode becomes live; a configured mode (cached) stays as it is until 0.99",
    evidence: [
      "binary 0.92.0 keeps cached, 0.93.0-0.98.0 go live only when nothing sets the mode, 0.99.0 always, 2026-12-06",
    ],
    affects: ["effective.web_search"],
    set: { fullAccessLiveWebSearch: "default" },
  },
  {
    id: "prefix-rules",
    since: "0.93",
    previous: "0.92",
    summary:
      "[rules] prefix_rules enforced (forbidden rejects, prompt asks); a rule with decision allow is rejected and no thread starts",
    evidence: ["g02", "g03"],
    affects: ["effective.commands", "status", "errors", "warnings", "requirements.rules"],
    add: { requirementKeys: ["rules"] },
  },
  {
    id: "default-falls-back",
    since: "0.95",
    previous: "0.94",
    summary:
      "an unconfigured default that the requirements disallow silently becomes the allowed value; configured values still stop Codex",
    evidence: ["b06", "c03"],
    affects: CORE,
    set: { disallowed: "refuse-configured" },
  },
  {
    id: "exec-command-rejection",
    since: "0.96",
    previous: "0.95",
    summary:
      "commands run through exec_command, whose rejection the model reads as an exec_command failure wrapping the reason; before, the shell tool returns the bare reason and names the shell without its path (`bash -lc '…'` rejected: …)",
    evidence: [
      "binary 0.95.0, 0.96.0, 0.97.0, 0.98.0, 0.100.0, 0.107.0, 0.111.0, 0.113.0, 0.114.0, 0.115.0, 0.120.0, 0.125.0, 0.128.0, 0.130.0, 0.140.0, 0.143.0, 0.144.0, 0.145.0, 0.150.0-0.153.0, 0.155.0 and 0.160.0 under approval never, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { rejectionFormat: "exec-failed" },
  },
  {
    id: "fallback",
    since: "0.99",
    previous: "0.98",
    summary:
      "disallowed configured values fall back silently (approval to the first allowed entry, sandbox to read-only); allowed_web_search_modes is read, disabled is always allowed; under full access a configured web search mode becomes live too",
    evidence: ["b01", "b02", "b11", "b12", "c03", "c06", "j01", "a05", "a10", "a14"],
    affects: [...CORE, "effective.web_search", "requirements"],
    set: { disallowed: "fall-back", fullAccessLiveWebSearch: "any" },
    add: { requirementKeys: ["allowed_web_search_modes"] },
  },
  {
    id: "git-reset-not-flagged",
    since: "0.104",
    previous: "0.101",
    summary:
      "Codex's own danger check no longer flags git reset and git rm (before, they ask under on-request and on-failure as rm -f does)",
    evidence: [
      "binary 0.100.0 and 0.101.0 ask for `git reset --hard` and `git rm x` under on-request and workspace-write, 0.104.0, 0.105.0, 0.110.0, 0.113.0 and later run them, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { gitResetFlagged: false },
  },
  {
    id: "apps-server-listed",
    since: "0.110",
    previous: "0.107",
    summary:
      "with the apps feature on, codex mcp list shows Codex's own apps server codex_apps (HTTP, enabled, whatever the MCP allowlist says)",
    evidence: [
      "binary 0.99.0, 0.100.0, 0.105.0 and 0.107.0 do not list it, 0.110.0, 0.111.0 and 0.113.0 do, 2026-12-06",
    ],
    affects: ["effective.mcp_servers"],
    set: { appsServerListed: true },
  },
  {
    id: "approval-reject-variant",
    since: "0.105",
    previous: "0.104",
    summary:
      "approval policy gains reject, a variant that takes its settings as a table: errors list it (`on-request`, `reject`, `never`) and a bare reject is an invalid type",
    evidence: [
      "binary 0.100.0 and 0.104.0 list four approval variants, 0.105.0, 0.110.0, 0.113.0 and 0.114.0 list reject, in config.toml and requirements.toml, 2026-12-07",
    ],
    affects: ["status", "errors"],
    add: { approvalModes: ["reject"] },
  },
  {
    id: "managed-config-hides-bad-override",
    since: "0.110",
    previous: "0.107",
    summary:
      "a -c or config file value of an unknown variant again no longer stops Codex when a layer above it, the legacy managed config or a trusted project, sets the same key (its value replaces the bad one first, as up to 0.87)",
    evidence: [
      'binary 0.99.0 and 0.107.0 stop on -c approval_policy="sometimes" under a managed approval_policy, 0.110.0-0.130.0 start with the managed value, 2026-12-06',
      'binary 0.99.0 stops on a user web_search = "bogus" under a managed web_search, 0.115.0, 0.130.0 and 0.169.0 start with the managed value, 2026-12-07',
    ],
    affects: ["status", "errors", "warnings", "effective.approval_policy", "effective.web_search"],
    set: { configReadMerged: true },
  },
  {
    id: "permission-profiles-read",
    since: "0.113",
    previous: "0.111",
    summary:
      "config's `default_permissions` and `[permissions.<name>]` profiles are read: a profile chosen there decides the sandbox, and profiles without a `default_permissions` stop the configuration from loading; before, both keys are ignored",
    evidence: [
      'binary 0.110.0 and 0.111.0 stay read-only with a profile writing to ":root" and load profiles without a default; 0.113.0, 0.115.0, 0.120.0, 0.121.0, 0.124.0 and 0.125.0 report an external sandbox and refuse them, 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    remove: { ignoredConfigKeys: ["default_permissions", "permissions"] },
  },
  {
    id: "apps-server-unlisted",
    since: "0.114",
    previous: "0.113",
    summary: "codex mcp list no longer shows the apps server",
    evidence: [
      "binary 0.113.0 lists codex_apps, 0.114.0, 0.115.0, 0.120.0, 0.130.0 and 0.169.0 do not, 2026-12-06",
    ],
    affects: ["effective.mcp_servers"],
    set: { appsServerListed: false },
  },
  {
    id: "rule-basename-retry",
    since: "0.110",
    previous: "0.107",
    summary:
      "a command named by an absolute path that no prefix rule matches is matched again by its basename (/bin/rm meets a rule on rm)",
    evidence: [
      "binary 0.107.0 runs /bin/rm under a forbidden rm rule, 0.110.0/0.111.0/0.115.0/0.130.0 reject it, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { ruleBasenameRetry: true },
  },
  {
    id: "feature-pins",
    since: "0.110",
    previous: "0.107",
    summary: "[features] pins beat the user's settings; a pin naming no known feature stops every thread",
    evidence: ["e03", "e05"],
    affects: [
      "effective.features",
      "effective.web_search",
      // A pinned-off shell_tool leaves the model no way to run commands.
      "effective.commands",
      "status",
      "errors",
      "warnings",
      "requirements.features",
    ],
    add: { requirementKeys: ["features", "feature_requirements"] },
  },
  {
    id: "empty-profile-loads",
    since: "0.114",
    previous: "0.113",
    summary:
      "a chosen permission profile without a `[filesystem]` table loads, read-only; 0.113 refuses it: permissions profile `p` must define a `[permissions.p.filesystem]` table",
    evidence: [
      'binary 0.113.0 refuses a profile that only has extends = ":workspace" (extends is not read yet); 0.114.0 loads it read-only without a warning, 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    set: { emptyProfile: "silent" },
  },
  {
    id: "workspace-git-read-only",
    since: "0.115",
    previous: "0.114",
    summary:
      "the workspace-write sandbox keeps the workspace's .git read-only: under on-failure a git command that writes the repository (git add, git commit, git init) asks to run unsandboxed; before, it runs",
    evidence: [
      "binary 0.100.0, 0.101.0, 0.104.0, 0.105.0, 0.110.0, 0.113.0 and 0.114.0 run `git add -A` and `git init` under on-failure and workspace-write, 0.115.0, 0.116.0, 0.120.0, 0.124.0 and 0.130.0 ask, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { gitDirProtected: true },
  },
  {
    id: "fallback-warnings",
    since: "0.115",
    previous: "0.114",
    summary:
      'fallbacks warn ("Configured value for … is disallowed by requirements"), web search even when unset; the approvals_reviewer config key is read',
    evidence: ["a05", "a14", "b01", "c03"],
    affects: ["warnings", "effective.approvals_reviewer", "status", "errors"],
    set: { fallbackWarnings: true },
    remove: { ignoredConfigKeys: ["approvals_reviewer"] },
  },
  {
    id: "approval-granular-variant",
    since: "0.115",
    previous: "0.114",
    summary:
      "the table-form approval variant is called granular instead of reject: errors list `on-request`, `granular`, `never`; a bare reject is an unknown variant",
    evidence: [
      "binary 0.114.0 lists reject, 0.115.0, 0.130.0, 0.150.0 and 0.169.0 list granular, 2026-12-07",
    ],
    affects: ["status", "errors"],
    remove: { approvalModes: ["reject"] },
    add: { approvalModes: ["granular"] },
  },
  {
    id: "rejection-names-command",
    since: "0.115",
    previous: "0.114",
    summary:
      "a rejected command's exec_command failure names the command it failed for (exec_command failed for `/bin/bash -lc '…'`: …)",
    evidence: [
      "binary 0.95.0, 0.96.0, 0.97.0, 0.98.0, 0.100.0, 0.107.0, 0.111.0, 0.113.0, 0.114.0, 0.115.0, 0.120.0, 0.125.0, 0.128.0, 0.130.0, 0.140.0, 0.143.0, 0.144.0, 0.145.0, 0.150.0-0.153.0, 0.155.0 and 0.160.0 under approval never, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { rejectionFormat: "exec-failed-for" },
  },
  {
    id: "empty-profile-warning",
    since: "0.115",
    previous: "0.114",
    summary:
      "a chosen permission profile without a `[filesystem]` table draws the warning that it defines no recognized filesystem entries; 0.114 stays read-only without a word",
    evidence: [
      'binary 0.114.0 is silent for a profile that only has extends = ":workspace"; 0.115.0, 0.118.0, 0.120.0, 0.122.0, 0.124.0, 0.125.0, 0.130.0 and 0.132.0 warn, 2026-12-07',
    ],
    affects: ["warnings"],
    set: { emptyProfile: "warn" },
  },
  {
    id: "override-values-first",
    since: "0.117",
    previous: "0.116",
    summary:
      "a -c value of an unknown variant stops Codex before requirements are read, so its error beats a requirements error; before, it is checked just after them",
    evidence: [
      'binary 0.100.0, 0.115.0 and 0.116.0 report a requirements error over -c sandbox_mode="bogus", 0.117.0, 0.118.0, 0.123.0 and 0.130.0 the -c error, 2026-12-07',
    ],
    affects: ["errors"],
    set: { overrideCheck: "before-requirements" },
  },
  {
    id: "never-runs-flagged-in-full-access",
    since: "0.117",
    previous: "0.116",
    summary:
      "under approval never, a command Codex's own danger check flags (rm -rf) runs when the sandbox is danger-full-access; before, it is rejected there as under any sandbox",
    evidence: [
      "binary 0.100.0, 0.107.0, 0.115.0 and 0.116.0 reject rm -rf y under never and danger-full-access, 0.117.0, 0.118.0 and 0.120.0 run it, 2026-12-07",
    ],
    affects: ["effective.commands"],
    set: { neverRejectsFlaggedInFullAccess: false },
  },
  {
    id: "reviewer-requirements",
    since: "0.120",
    previous: "0.118",
    summary:
      "allowed_approvals_reviewers enforced with user and guardian_subagent (auto_review is an unknown variant); a legacy approvals_reviewer R becomes [R, user]",
    evidence: ["b21", "j04", "j06"],
    affects: [
      "effective.approvals_reviewer",
      "requirements.allowed_approvals_reviewers",
      "status",
      "errors",
      "warnings",
    ],
    add: { requirementKeys: ["allowed_approvals_reviewers"], legacyRequirementKeys: ["approvals_reviewer"] },
  },
  {
    id: "untrusted-project-leak",
    since: "0.120",
    previous: "0.118",
    summary:
      "regression: an untrusted project's disabled config still sets approval_policy, and the default approval there drops to on-request",
    evidence: ["j09"],
    affects: [...PROJECT, "effective.sources"],
    set: { untrustedProjectLeaks: true },
  },
  {
    id: "late-project-load",
    since: "0.120",
    previous: "0.118",
    summary:
      "a project of unknown trust whose config was skipped loads at thread start when the sandbox is writable (requested or effective); before, it never loads",
    evidence: ["binary 0.100.0/0.110.0/0.115.0/0.117.0/0.118.0/0.120.0/0.121.0, 2026-12-06"],
    affects: [...PROJECT, "effective.sources"],
    set: { lateProjectLoad: true },
  },
  {
    id: "project-warning-project-local",
    since: "0.122",
    previous: "0.121",
    summary:
      "the disabled-project warning speaks of project-local config, hooks and exec policies (before: project config.toml files, from 0.92)",
    evidence: ["binary 0.100.0/0.115.0/0.120.0/0.121.0/0.122.0/0.123.0, 2026-12-06"],
    affects: ["warnings"],
    set: { projectWarningWording: "project-local" },
  },
  {
    id: "remote-sandbox-config",
    since: "0.123",
    previous: "0.122",
    summary: "[[remote_sandbox_config]] honoured: a matching host entry replaces allowed_sandbox_modes",
    evidence: ["d01", "d13", "d23"],
    affects: [
      "effective.sandbox_mode",
      "effective.web_search",
      "requirements.allowed_sandbox_modes",
      "warnings",
      "status",
      "errors",
    ],
    add: { requirementKeys: ["remote_sandbox_config"] },
  },
  {
    id: "root-write-narrowed",
    since: "0.123",
    previous: "0.122",
    summary:
      "an entry granting less than write beside a profile's `:root` write counts: the profile writes outside the workspace (refused until 0.128, workspace-write after); before, the `:root` write is full access whatever is beside it",
    evidence: [
      'binary 0.113.0, 0.114.0, 0.115.0, 0.118.0, 0.120.0 and 0.122.0 report an external sandbox for ":root" = "write" beside "/srv/data" = "read"; 0.123.0, 0.124.0 and 0.125.0 refuse it; 0.128.0, 0.130.0, 0.133.0, 0.150.0 and 0.169.0 report workspace-write, 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    set: { rootWriteNarrowed: true },
  },
  {
    id: "auto-review-accepted",
    since: "0.124",
    previous: "0.123",
    summary:
      "reviewer auto_review accepted (reported as guardian_subagent, printed AutoReview in warnings); an unknown feature pin only warns",
    evidence: ["b21", "j04", "j06", "e03"],
    affects: ["effective.approvals_reviewer", "status", "errors", "warnings"],
    set: { unknownFeaturePin: "warn", autoReviewerDebug: "AutoReview" },
    add: { reviewers: ["auto_review"] },
  },
  {
    id: "untrusted-project-leak-fixed",
    since: "0.125",
    previous: "0.124",
    summary: "an untrusted project's config no longer applies; its default approval is untrusted again",
    evidence: ["j09"],
    affects: [...PROJECT, "effective.sources"],
    set: { untrustedProjectLeaks: false },
  },
  {
    id: "sandbox-warning-profile",
    since: "0.128",
    previous: "0.125",
    summary:
      "the sandbox fallback warning names permission_profile and prints the Managed { … } read-only profile",
    evidence: ["b11", "j01"],
    affects: ["warnings"],
    set: { sandboxWarningField: "permission_profile" },
  },
  {
    id: "builtin-profile-names",
    since: "0.128",
    previous: "0.125",
    summary:
      "`default_permissions` may name the built-in profiles `:read-only` and `:workspace`, and any other `:name` is an unknown built-in (`default_permissions refers to unknown built-in profile`); before, such a name must be defined like any other (`default_permissions requires a [permissions] table`, or `refers to undefined profile`)",
    evidence: [
      'binary 0.120.0, 0.121.0, 0.124.0 and 0.125.0 refuse default_permissions = ":workspace"; 0.128.0, 0.130.0, 0.150.0 and 0.169.0 choose it, 2026-12-07',
      'binary 0.125.0 refuses ":foo" as an undefined profile, 0.128.0 and 0.169.0 as an unknown built-in (with or without a [permissions] table), 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    set: { builtinProfiles: [":read-only", ":workspace"] },
  },
  {
    id: "profile-writes-anywhere",
    since: "0.128",
    previous: "0.125",
    summary:
      "a chosen permission profile may write outside the workspace (`:tmpdir`, absolute and `~/` paths, entries below `:project_roots`, a narrower entry beside a `:root` write); before, it stops the configuration from loading",
    evidence: [
      'binary 0.120.0, 0.121.0, 0.124.0 and 0.125.0 refuse a profile writing to ":tmpdir", and 0.125.0 one writing to "/srv/data", "/", "/tmp", "~/x", a nested entry or a ":root" write beside a read; 0.128.0 and 0.130.0 load them, 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    set: { profileWritesAnywhere: true },
  },
  {
    id: "trust-default-fallback-warns",
    since: "0.128",
    previous: "0.125",
    summary:
      "a sandbox default that project trust picks (workspace-write in a trusted project) warns when requirements make it fall back; before, it falls back silently",
    evidence: [
      'binary 0.120.0 and 0.125.0 fall back to read-only without a warning for a trusted project under allowed_sandbox_modes = ["read-only"]; 0.128.0, 0.130.0, 0.140.0, 0.145.0 and 0.150.0 warn, 2026-12-06',
    ],
    affects: ["warnings"],
    set: { trustDefaultFallbackWarns: true },
  },
  {
    id: "workspace-roots-path",
    since: "0.131",
    previous: "0.130",
    summary:
      "a permission profile's :project_roots path is spelled :workspace_roots; the old name is not recognized (warned about and ignored), so a profile writing only there stays read-only",
    evidence: [
      'binary 0.121.0, 0.130.0, 0.131.0, 0.135.0, 0.136.0, 0.137.0, 0.139.0, 0.146.0, 0.148.0, 0.149.0 and 0.171.0 with a profile whose only [filesystem] entry is ":<name>" = "write", 2026-12-07',
    ],
    affects: ["effective.sandbox_mode", "warnings"],
    set: { specialPaths: [":root", ":minimal", ":workspace_roots", ":tmpdir"] },
  },
  {
    id: "danger-full-access-builtin",
    since: "0.131",
    previous: "0.130",
    summary:
      "`default_permissions` may name the built-in `:danger-full-access`; before, it is an unknown built-in and the configuration does not load",
    evidence: [
      'binary 0.128.0 and 0.130.0 refuse default_permissions = ":danger-full-access" (`refers to unknown built-in profile`); 0.131.0, 0.132.0, 0.133.0, 0.135.0, 0.140.0 and 0.150.0 choose it, 2026-12-07 (found by differential fuzzing with profiles)',
    ],
    affects: PROFILE_LOAD,
    set: { builtinProfiles: [":read-only", ":workspace", ":danger-full-access"] },
  },
  {
    id: "config-errors-in-file-order",
    since: "0.133",
    previous: "0.132",
    summary:
      "of several bad config values, the one written first is reported; before, the first in sorted key order (approval_policy, approvals_reviewer, features, sandbox_mode, web_search)",
    evidence: [
      "binary 0.100.0, 0.115.0, 0.123.0, 0.130.0 and 0.132.0 report approval_policy over an earlier sandbox_mode and [features] over an earlier web_search; 0.133.0, 0.135.0, 0.140.0, 0.150.0 and 0.169.0 the earlier one, 2026-12-07",
    ],
    affects: ["errors"],
    set: { configErrorOrder: "document" },
  },
  {
    id: "never-full-access-refused",
    since: "0.133",
    previous: "0.132",
    summary:
      "approval never with a disallowed danger-full-access is refused instead of becoming never + read-only",
    evidence: ["j01"],
    affects: CORE,
    set: { neverWithFullAccess: "refuse" },
  },
  {
    id: "managed-permission-profiles",
    since: "0.133",
    previous: "0.132",
    summary:
      "requirements' `[permissions.<name>]` profiles are read: a profile defined there with nothing to choose between profiles stops the configuration from loading; before, the requirements key is ignored",
    evidence: [
      "binary 0.130.0 and 0.132.0 load requirements defining [permissions.q] alone; 0.133.0, 0.134.0, 0.137.0, 0.138.0 and 0.169.0 refuse them (config defines [permissions] profiles but does not set default_permissions), 2026-12-07",
    ],
    affects: PROFILE_LOAD,
    add: { requirementKeys: ["permissions"] },
  },
  {
    id: "profile-extends",
    since: "0.133",
    previous: "0.132",
    summary:
      'a permission profile\'s `extends` is read, so `extends = ":workspace"` grants workspace-write; before, it is ignored and a profile with no `[filesystem]` of its own stays read-only with the empty-profile warning',
    evidence: [
      'binary 0.125.0, 0.130.0 and 0.132.0 stay read-only and warn for a profile that only extends ":workspace"; 0.133.0, 0.134.0, 0.137.0, 0.138.0, 0.150.0 and 0.169.0 report workspace-write, 2026-12-07',
    ],
    affects: PROFILE_LOAD,
    set: { profileExtends: true },
  },
  {
    id: "legacy-above-requirements",
    since: "0.137",
    previous: "0.136",
    summary:
      "managed_config.toml beats requirements.toml for the same field and can widen it; layers merge key by key",
    evidence: ["c03", "c04", "c06", "c14", "j06"],
    affects: [
      "requirements",
      ...CORE,
      "effective.approvals_reviewer",
      "effective.web_search",
      "effective.mcp_servers",
      "effective.commands",
    ],
    set: { order: ["system", "cloud", "legacy", "mdm-legacy", "mdm"], merge: "deep" },
  },
  {
    id: "managed-config-errors-first",
    since: "0.137",
    previous: "0.136",
    summary:
      "a managed_config.toml that does not parse is reported before any requirements error; before, a requirements.toml that does not parse or holds a bad value is reported first",
    evidence: [
      "binary 0.99.0, 0.100.0, 0.130.0, 0.135.0, 0.136.0 against 0.137.0, 0.138.0, 0.142.0, 0.146.0, 0.147.0, 0.150.0, 0.171.0 with a broken managed_config.toml beside requirements.toml holding a syntax error or an unknown web search mode, 2026-12-07 (fuzz 0.99.0, seed 992)",
    ],
    affects: ["errors", "status"],
    set: { managedConfigErrorsFirst: true },
  },
  {
    id: "requirements-error-names-layer",
    since: "0.137",
    previous: "0.136",
    summary:
      "a requirements file that fails to parse is reported as failed to parse requirements layer <path>; before, Error parsing requirements file <path>",
    evidence: [
      'binary 0.100.0, 0.130.0, 0.135.0-0.138.0, 0.140.0, 0.145.0-0.147.0 and 0.150.0 with allowed_approval_policies = ["sometimes"] in requirements.toml, 2026-12-06',
    ],
    affects: ["errors"],
    set: { requirementsErrorPrefix: "layer" },
  },
  {
    id: "slash-tmp-path",
    since: "0.137",
    previous: "0.136",
    summary:
      "a permission profile may name /tmp as :slash_tmp; before, the path was not recognized (warned about and ignored)",
    evidence: [
      'binary 0.121.0, 0.130.0, 0.131.0, 0.135.0, 0.136.0, 0.137.0, 0.139.0, 0.146.0, 0.148.0, 0.149.0 and 0.171.0 with a profile whose only [filesystem] entry is ":<name>" = "write", 2026-12-07',
    ],
    affects: ["effective.sandbox_mode", "warnings"],
    add: { specialPaths: [":slash_tmp"] },
  },
  {
    id: "auto-review-echoed",
    since: "0.139",
    previous: "0.138",
    summary: "the automatic reviewer is reported as auto_review",
    evidence: ["j04", "b21"],
    affects: ["effective.approvals_reviewer", "requirements.allowed_approvals_reviewers"],
    set: { autoReviewerName: "auto_review" },
  },
  {
    id: "web-search-indexed",
    since: "0.142",
    previous: "0.141",
    summary:
      "web search mode indexed accepted (and listed in the web search feature deprecation notice); a disallowed mode falls back in the fixed order cached, indexed, live",
    evidence: ["a28", "binary 0.141.0/0.142.0 [features].web_search_cached notice"],
    affects: ["effective.web_search", "status", "errors", "warnings", "requirements"],
    add: { webSearchModes: ["indexed"] },
  },
  {
    id: "on-failure-as-on-request",
    since: "0.143",
    previous: "0.142",
    summary:
      "approval policy on-failure, configured or in allowed_approval_policies, is read as on-request, and thread/start no longer takes it (an unknown variant there); before, it is kept as on-failure, under which a command that fails in the sandbox asks the user to retry without it",
    evidence: [
      "b09",
      "b10",
      "h19",
      "binary 0.140.0-0.150.0 bisection, 2026-12-05",
      "fuzz:edition=codex-0.130;seed=4243",
      "binary 0.130.0 and 0.142.0 start a thread with approval on-failure and list it for an unknown one, 0.143.0, 0.150.0, 0.169.0 and 0.171.0 refuse it, 2026-12-07",
    ],
    affects: [
      "effective.approval_policy",
      "requirements.allowed_approval_policies",
      "effective.commands",
      "status",
      "errors",
    ],
    set: { onFailureAsOnRequest: true },
  },
  {
    id: "never-rejects-flagged-in-full-access",
    since: "0.145",
    previous: "0.144",
    summary:
      "under approval never, a command Codex's own danger check flags (rm -rf) is rejected under danger-full-access again; from 0.117, with full access it ran",
    evidence: [
      "binary 0.117.0, 0.118.0, 0.120.0, 0.123.0, 0.130.0, 0.140.0, 0.143.0 and 0.144.0 run rm -rf y under never and danger-full-access, 0.145.0, 0.150.0 and 0.169.0 reject it, 2026-12-07",
      "fuzz:edition=codex-0.123;seed=1001235",
    ],
    affects: ["effective.commands"],
    set: { neverRejectsFlaggedInFullAccess: true },
  },
  {
    id: "flagged-reason-per-check",
    since: "0.145",
    previous: "0.144",
    summary:
      "under approval never, a command Codex's danger check rejects gives the check's reason (rm -f style commands are not permitted. Use a safer approach); before, blocked by policy",
    evidence: [
      "binary 0.95.0, 0.96.0, 0.97.0, 0.98.0, 0.100.0, 0.107.0, 0.111.0, 0.113.0, 0.114.0, 0.115.0, 0.120.0, 0.125.0, 0.128.0, 0.130.0, 0.140.0, 0.143.0, 0.144.0, 0.145.0, 0.150.0-0.153.0, 0.155.0 and 0.160.0 under approval never, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { flaggedReasonPerCheck: true },
  },
  {
    id: "profile-entry-missing-path",
    since: "0.146",
    previous: "0.145",
    summary:
      "the read-only profile printed in the sandbox fallback warning gains missing_path_behavior: None in its filesystem entry",
    evidence: [
      "fuzz:edition=codex-0.130;seed=4242",
      "fuzz:edition=codex-0.130;seed=5001",
      "binary 0.128.0/0.145.0/0.146.0 thread sandbox fallback, 2026-12-06",
    ],
    affects: ["warnings"],
    set: { profileEntryMissingPath: true },
  },
  {
    id: "broad-allow-ignored",
    since: "0.145",
    previous: "0.144",
    summary:
      "a user allow rule on a broad prefix (bare git or rm, a shell, an interpreter) no longer approves a command: under untrusted it asks; before, it ran",
    evidence: [
      'binary 0.110.0, 0.130.0, 0.140.0 and 0.142.0-0.144.0 run `git x` under untrusted with prefix_rule(["git"], "allow"), 0.145.0, 0.150.0 and 0.169.0 ask, 2026-12-06',
    ],
    affects: ["effective.commands"],
    set: { broadAllowsIgnored: true },
  },
  {
    id: "validation-stops-codex",
    since: "0.147",
    previous: "0.146",
    summary:
      "a failure in requirements.toml (validation errors included), managed_config.toml or the system config.toml stops the app-server instead of leaving it up on defaults",
    evidence: ["g03", "binary 0.140.0-0.150.0 managed_config and system config syntax errors, 2026-12-05"],
    affects: ["warnings"],
    set: { validationStopsCodex: true, requirementsSyntaxStopsCodex: true },
  },
  {
    id: "system-config-read-first",
    since: "0.147",
    previous: "0.146",
    summary:
      "the system config.toml is read on its own as soon as it loads, so a value in it Codex cannot read beats a user or project config syntax error; before, the syntax error won",
    evidence: [
      'binary 0.100.0, 0.130.0, 0.140.0, 0.143.0 and 0.146.0 report a user config syntax error over a system web_search = "bogus" (0.110.0, 0.130.0 and 0.146.0 a project config syntax error too), 0.147.0, 0.150.0 and 0.171.0 the system value; from 0.110 a user value of the kind loses to a project syntax error, and a managed_config.toml one to a user syntax error, in every release checked (fuzz:edition=codex-0.95;seed=1000954), 2026-12-07',
    ],
    affects: ["errors"],
    set: { systemConfigReadFirst: true },
  },
  {
    id: "profiles-checked-before-broken-file",
    since: "0.147",
    previous: "0.146",
    summary:
      "when a config file does not parse, the permission profiles are checked first against what has been read (the requirements' allow-list and default, profiles defined in the files before it, with nothing to choose between them); before, the syntax error wins",
    evidence: [
      "binary 0.130.0 and 0.146.0 report a user config syntax error over requirements [permissions] profiles and over system config profiles without a default; 0.147.0, 0.150.0 and 0.169.0 report the profile error, and 0.169.0 each of the requirements' allow-list errors too, 2026-12-07 (found by differential fuzzing with profiles, fuzz:seed=1691)",
    ],
    affects: ["errors", "warnings"],
    set: { profilesCheckedBeforeBrokenFile: true },
  },
  {
    id: "override-values-with-config",
    since: "0.147",
    previous: "0.146",
    summary:
      "a -c value of an unknown variant is checked with the config files, after requirements (before, it stopped Codex ahead of any requirements error); so the defaults Codex falls back to after a config error keep a managed value over it, where before it failed them and Codex stopped without a warning",
    evidence: [
      "fuzz:edition=codex-0.130;seed=1005003",
      "binary 0.130.0/0.140.0/0.146.0/0.147.0, 2026-12-06",
      "binary 0.133.0, 0.140.0, 0.141.0, 0.142.0 and 0.146.0 stop on a -c web_search of an unknown variant under a managed web_search after a user config error (profiles with no default, an approval_policy of an unknown variant); 0.147.0, 0.150.0 and 0.169.0 say they use the defaults; 0.115.0 stops on the user config error, 2026-12-07 (fuzz:seed=1001334)",
    ],
    affects: ["errors", "status", "warnings"],
    set: { overrideCheck: "with-config" },
  },
  {
    id: "defaults-warnings-shown",
    since: "0.147",
    previous: "0.146",
    summary:
      'running on defaults after a config error, Codex also shows the warnings of the defaults (e.g. a legacy features requirement); before, only "Invalid configuration; using defaults."',
    evidence: ["fuzz:edition=codex-0.130;seed=5000", "binary 0.130.0/0.140.0/0.146.0/0.147.0, 2026-12-06"],
    affects: ["warnings"],
    set: { defaultsWarningsShown: true },
  },
  {
    id: "requirements-field-errors-unframed",
    since: "0.147",
    previous: "0.146",
    summary:
      "a requirements field that fails to deserialize is reported by its serde message and field path (in `field`); before, framed like a TOML syntax error at the token it marks (line, column, the source line and carets)",
    evidence: [
      'binary 0.100.0, 0.130.0, 0.135.0-0.138.0, 0.140.0, 0.145.0-0.147.0 and 0.150.0 with allowed_approval_policies = ["sometimes"] in requirements.toml, 2026-12-06',
    ],
    affects: ["errors"],
    set: { requirementFieldErrorsFramed: false },
  },
  {
    id: "late-project-on-effective-sandbox",
    since: "0.148",
    previous: "0.147",
    summary:
      "a project of unknown trust loads at thread start only when the effective sandbox is writable; before, a writable sandbox the thread asked for, that requirements turned read-only, loaded it too (one that config files asked for never did)",
    evidence: ["fuzz:edition=codex-0.140;seed=1007004", "binary 0.140.0/0.147.0/0.148.0/0.169.0, 2026-12-06"],
    affects: [...PROJECT, "effective.sources"],
    set: { lateProjectOnRequestedSandbox: false },
  },
  {
    id: "untrusted-asks-known-safe",
    since: "0.149",
    previous: "0.148",
    summary:
      "under untrusted, commands Codex knows to be read-only (ls, cat, grep, git status/log/diff/show, find without -exec or -delete, sed -n Np, …) ask like any other; before, they ran without asking",
    evidence: [
      "fuzz:edition=codex-0.128;seed=12800",
      "binary 0.128.0, 0.129.0, 0.130.0, 0.131.0, 0.138.0, 0.142.0, 0.146.0, 0.147.0 and 0.148.0 run ls -la and cat under untrusted (set in the user config, by requirements allowing only untrusted, or as a thread parameter), 0.149.0, 0.150.0 and 0.169.0 ask, 2026-12-07; an earlier reading of 0.129.0 and 0.131.0 as asking did not reproduce",
    ],
    affects: ["effective.commands"],
    set: { untrustedRunsKnownSafe: false },
  },
  {
    id: "config-untrusted-fatal",
    since: "0.149",
    previous: "0.148",
    summary: 'approval_policy = "untrusted" in a config file stops Codex (it stays valid in requirements)',
    evidence: ["b03"],
    affects: CORE,
    set: { configUntrustedFatal: true },
  },
  {
    id: "untrusted-project-effective-config",
    since: "0.149",
    previous: "0.148",
    summary:
      "the disabled-project warning says an untrusted project is marked so in the effective configuration and points at a managed trust setting (before: in ~/.codex/config.toml, mark it trusted)",
    evidence: ["fuzz:edition=codex-0.130;seed=4244", "binary 0.130.0/0.148.0/0.149.0, 2026-12-06"],
    affects: ["warnings"],
    set: { untrustedProjectSource: "effective-config" },
  },
  {
    id: "project-roots-path-restored",
    since: "0.149",
    previous: "0.148",
    summary: "a permission profile's :project_roots path is recognized again, beside :workspace_roots",
    evidence: [
      'binary 0.121.0, 0.130.0, 0.131.0, 0.135.0, 0.136.0, 0.137.0, 0.139.0, 0.146.0, 0.148.0, 0.149.0 and 0.171.0 with a profile whose only [filesystem] entry is ":<name>" = "write", 2026-12-07',
    ],
    affects: ["effective.sandbox_mode", "warnings"],
    add: { specialPaths: [":project_roots"] },
  },
  {
    id: "deny-read-root-glob-refused",
    since: "0.149",
    previous: "0.148",
    summary:
      "a deny_read glob that begins at the root (/**/*.key) stops every thread from starting; before, the thread started",
    evidence: [
      'binary 0.146.0, 0.147.0 and 0.148.0 start a thread under deny_read = ["/srv/secret", "/**/*.key"], 0.149.0, 0.150.0, 0.155.0, 0.156.0, 0.157.0, 0.158.0, 0.160.0, 0.169.0 and 0.171.0 refuse it, 2026-12-07',
    ],
    affects: CORE,
    set: { denyReadGlobsChecked: true },
  },
  {
    id: "computer-use-fields-reported",
    since: "0.150",
    previous: "0.149",
    summary:
      "the merged requirements report [computer_use] with allowPersistentApproval, defaultAppAccess, macos and windows beside allowLockedComputerUse (null when unset); before, allowLockedComputerUse alone",
    evidence: [
      "binary 0.147.0, 0.148.0 and 0.149.0 report allowLockedComputerUse alone, 0.150.0 and 0.171.0 all five fields, 2026-12-07 (the full corpus on 0.147.0)",
    ],
    affects: ["requirements.computer_use"],
    remove: {
      missingStructFields: [
        "computer_use.allow_persistent_approval",
        "computer_use.default_app_access",
        "computer_use.macos",
        "computer_use.windows",
      ],
    },
  },
  {
    id: "rejection-drops-command",
    since: "0.153",
    previous: "0.152",
    summary: "the exec_command failure no longer names the command (exec_command failed: CreateProcess …)",
    evidence: [
      "binary 0.95.0, 0.96.0, 0.97.0, 0.98.0, 0.100.0, 0.107.0, 0.111.0, 0.113.0, 0.114.0, 0.115.0, 0.120.0, 0.125.0, 0.128.0, 0.130.0, 0.140.0, 0.143.0, 0.144.0, 0.145.0, 0.150.0-0.153.0, 0.155.0 and 0.160.0 under approval never, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { rejectionFormat: "exec-failed" },
  },
  {
    id: "toml-error-before-end",
    since: "0.154",
    previous: "0.153",
    summary:
      "an unclosed array or inline table in a TOML file is reported after its last token; before, at the very end of the input (a final newline counted on its line)",
    evidence: ["binary 0.130.0/0.150.0/0.153.0/0.154.0 unclosed arrays and inline tables, 2026-12-06"],
    affects: ["errors"],
    set: { tomlErrorAtEnd: false },
  },
  {
    id: "untrusted-required-reviewer",
    since: "0.154",
    previous: "0.153",
    summary:
      "under approval untrusted, approval requests go to the auto-reviewer when requirements allow no other reviewer; before, the user was asked",
    evidence: [
      "fuzz:edition=codex-0.130;seed=5004",
      "binary 0.130.0-0.153.0 ask the user, 0.154.0-0.169.0 the reviewer, 2026-12-06",
    ],
    affects: ["effective.commands"],
    set: { untrustedHonoursRequiredReviewer: true },
  },
  {
    id: "unknown-key-warnings",
    since: "0.156",
    previous: "0.155",
    summary:
      'unknown requirement keys draw "Codex is ignoring N unrecognized configuration setting(s)"; the default login methods appear in the merged requirements',
    evidence: ["h07", "g01", "c14"],
    affects: ["warnings", "requirements.allowed_login_methods"],
    set: { unknownKeyWarnings: true, reportsDefaultLoginMethods: true },
  },
  {
    id: "session-error-unwrapped",
    since: "0.156",
    previous: "0.155",
    summary:
      "a thread whose session fails to start is reported as error creating thread: <cause>; before, the cause came after Fatal error: Failed to initialize session:",
    evidence: [
      "binary 0.149.0, 0.150.0 and 0.155.0 wrap the unsafe deny_read glob failure, 0.156.0, 0.157.0, 0.158.0, 0.160.0, 0.169.0 and 0.171.0 do not, 2026-12-07",
    ],
    affects: ["errors"],
    set: { sessionErrorWrapped: false },
  },
  {
    id: "startup-failure-reported",
    since: "0.164",
    previous: "0.163",
    summary:
      "a config error at startup is reported (app-server --print-startup-config), whole, final newline included, even when a thread then starts on the defaults because its parameters cure the error (a thread sandbox in place of a disallowed danger-full-access under never); before, the started thread was all there was to see, and a failure that stops Codex shows only as the text it prints on exit",
    evidence: [
      "fuzz:edition=codex-0.171;seed=17100",
      "binary 0.134.0-0.163.0 start, 0.164.0-0.171.0 report the refusal, 2026-12-06",
      'binary 0.147.0-0.163.0 exit on allowed_approval_policies = ["sometimes"] or -c approval_policy="sometimes" with `Error: ` and the message ending in `in `<field>``, 0.164.0-0.169.0 report the same with a final newline, 2026-12-07',
    ],
    affects: [
      "status",
      "errors",
      "effective.approval_policy",
      "effective.approvals_reviewer",
      "effective.sandbox_mode",
      "effective.web_search",
    ],
    set: { startupFailureReported: true },
  },
  {
    id: "application-storage",
    since: "0.164",
    previous: "0.163",
    summary:
      "[application] takes a storage table beside network, reported as storage (null when unset); before, storage was an unknown field and stopped Codex",
    evidence: [
      "binary 0.156.0 and 0.163.0 refuse [application.storage] with unknown field `storage`, expected `network`, 0.164.0, 0.166.0 and 0.169.0 report it, 2026-12-07 (the full corpus on 0.156.0)",
    ],
    affects: ["requirements.application", "status", "errors", "warnings"],
    remove: { missingStructFields: ["application.storage"] },
  },
  {
    id: "requirement-keys-0.166",
    since: "0.166",
    previous: "0.165",
    summary:
      "requirements keys otel and unsafe_enforce_sqlite_journal_mode are read (0.164.0 and 0.165.0 ignore them with the unrecognized-settings warning)",
    evidence: ["binary 0.164.0/0.165.0/0.166.0 key probe, 2026-12-05"],
    affects: ["requirements", "warnings", "status", "errors"],
    add: { requirementKeys: ["otel", "unsafe_enforce_sqlite_journal_mode"] },
  },
  {
    id: "thread-fallback-warnings",
    since: "0.156",
    previous: "0.155",
    summary:
      "a thread shows the fallback warnings of its own configuration: a disallowed approval policy, reviewer or sandbox given as a thread parameter, a value of the project loaded at thread start, the user config read again after a startup failure; before, the thread added no warning and these fell back silently",
    evidence: [
      "fuzz:edition=codex-0.150;seed=150150",
      "fuzz:edition=codex-0.130;seed=4242",
      "fuzz:edition=codex-0.130;seed=5001",
      "binary 0.130.0-0.156.0, 2026-12-05/06",
      "binary 0.150.0, 0.153.0 and 0.155.0 show only `Invalid configuration; using defaults.` for a thread started on-request after a `never` with a disallowed full access, and no warning for a disallowed reviewer of a project loaded at thread start; 0.156.0, 0.157.0 and 0.163.0 add the fallback warnings, 2026-12-07 (fuzz:edition=codex-0.150;seed=1501, fuzz:seed=1001695)",
    ],
    affects: ["warnings"],
    set: { threadFallbackWarnings: true },
  },
  {
    id: "requirements-syntax-stays-up",
    since: "0.157",
    previous: "0.156",
    summary:
      "a requirements.toml syntax error leaves the app-server up on defaults again (with the invalid-configuration warning); 0.147 to 0.156 exit",
    evidence: ["fuzz:edition=codex-0.150;seed=150152", "binary 0.150.0/0.156.0/0.157.0, 2026-12-05"],
    affects: ["warnings"],
    set: { requirementsSyntaxStopsCodex: false },
  },
  {
    id: "rule-prompt-user",
    since: "0.167",
    previous: "0.166",
    summary:
      "prefix rule decision prompt-user accepted (0.167.2, the first 0.167 release, and 0.168.0 accept it; 0.166.0 rejects it as an unknown variant)",
    evidence: ["g19", "g03", "binary 0.166.0/0.167.2/0.168.0, 2026-12-05"],
    affects: ["effective.commands", "status", "errors"],
    add: { ruleDecisions: ["prompt-user"] },
  },
  {
    id: "multi-agent-deprecated",
    since: "0.168",
    previous: "0.167",
    summary:
      "[features].multi_agent in user or project config draws a deprecation warning (0.167.2 and 0.166.0 say nothing)",
    evidence: ["fuzz:edition=codex-0.166;seed=1660", "binary 0.166.0/0.167.2/0.168.0, 2026-12-05"],
    affects: ["warnings"],
    set: { multiAgentDeprecationWarning: true },
  },
  {
    id: "features-0.170",
    since: "0.170",
    previous: "0.169",
    summary:
      "feature catalogue 215 → 216 entries: multi_environment_mcp under development and off; incremental_tools_legacy defaults to on; decisions, merged requirements and warnings as 0.169.0 (0.170.0 was published to npm on 2026-11-18 and is missing from the first release table)",
    evidence: ["codex features list", "codex-policy releases", "fuzz:edition=codex-0.170;seed=17000"],
    affects: ["effective.features"],
  },
  {
    id: "features-0.171",
    since: "0.171",
    previous: "0.170",
    summary:
      "feature catalogue 216 → 224 entries: eight new features under development and off (catalog_apps_instructions, file_backed_tool_audio, guardian_nested_approval_context, mcp_shared_repl_cwd, per_environment_context, restored_history_prewarm, safe_image_decoder, utc_environment_date); tui_workspace becomes stable and on, tui_extensions_statusline experimental; decisions, merged requirements and warnings as 0.169.0",
    evidence: [
      "codex features list",
      "223 hand-written scenarios (version-drift.md §3)",
      "fuzz:edition=codex-0.171;seed=17100",
    ],
    affects: ["effective.features"],
  },
];

const minorOf = (version: string): string => version.split(".").slice(0, 2).join(".");

/** The effective settings a requirements key constrains, once a release reads it. */
const KEY_EFFECTS: Record<string, readonly string[]> = {
  allowed_permission_profiles: [
    "effective.sandbox_mode",
    "effective.permission_profile",
    "effective.network_access",
    "effective.web_search",
  ],
  default_permissions: [
    "effective.sandbox_mode",
    "effective.permission_profile",
    "effective.network_access",
    "effective.web_search",
  ],
  auto_review: ["effective.approvals_reviewer", "effective.commands"],
  models: ["effective.approvals_reviewer", "effective.commands"],
};

/** One entry per release that reports requirement fields for the first time (`requirement-fields.ts`). */
function reportedKeyChanges(): Change[] {
  const bySince = new Map<string, string[]>();
  for (const [key, since] of KEY_FIRST_REPORTED) {
    if (!datedByReport(key)) continue;
    bySince.set(since, [...(bySince.get(since) ?? []), key]);
  }
  return [...bySince.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([since, keys]) => {
      const before = previousRead(since);
      const sorted = keys.sort();
      return {
        id: `requirement-keys-${minorOf(since)}`,
        since: minorOf(since),
        previous: before === null ? null : minorOf(before),
        summary: `requirements ${sorted.length === 1 ? "key" : "keys"} ${sorted.join(", ")} read (the release reports ${sorted.length === 1 ? "it" : "them"} among the merged requirements; ${before ?? "the release before"} ignores ${sorted.length === 1 ? "it" : "them"})`,
        evidence: [`merged requirements field list, binary ${before ?? "?"}/${since}, 2026-12-05`],
        affects: [
          "requirements",
          "warnings",
          "status",
          "errors",
          ...new Set(sorted.flatMap((k) => KEY_EFFECTS[k] ?? [])),
        ],
        add: { requirementKeys: sorted },
      };
    });
}

/** Every known behaviour change, oldest first (stable). Editions are folds of this list (`editions.ts`). */
export const CHANGES: readonly Change[] = [...OBSERVED, ...reportedKeyChanges()].sort((a, b) =>
  compareVersions(`${a.since}.0`, `${b.since}.0`),
);
