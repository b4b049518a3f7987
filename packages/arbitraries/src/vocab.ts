import { APPROVAL_POLICIES, REPORTED_REVIEWERS, SANDBOX_MODES, WEB_SEARCH_MODES } from "@codex-policy/spec";

/**
 * The value vocabularies generators draw from. These are data about Codex's input language
 * (accepted spellings, near-miss spellings), not rules of the model.
 */
export const APPROVALS = APPROVAL_POLICIES;
export const SANDBOXES = SANDBOX_MODES;
export const WEB_MODES = WEB_SEARCH_MODES;
export const REVIEWER_VALUES = REPORTED_REVIEWERS;

/** Near-miss spellings Codex rejects (oracle-findings rules 53, 54). */
export const NEAR_MISSES: Record<string, readonly string[]> = {
  allowed_approval_policies: ["OnRequest", "on_request", "granular", "Never"],
  allowed_sandbox_modes: ["ReadOnly", "read_only", "full-access"],
  allowed_web_search_modes: ["Live", "enabled"],
  allowed_approvals_reviewers: ["User", "guardian"],
};

/**
 * Feature keys by kind: stable on/off, deprecated (web search), removed (pins ignored), an
 * alias, and an unknown key. Taken from the 0.169 feature catalogue shipped with the engine.
 */
export const FEATURE_KEYS = {
  stableOn: ["hooks", "apps", "shell_snapshot", "multi_agent"],
  stableOff: ["memories"],
  webSearch: ["web_search_request", "web_search_cached"],
  removed: ["personality", "undo"],
  alias: ["connectors", "memory_tool"],
  unknown: ["no_such_feature"],
} as const;

/** Keys a pin may name that are real, non-alias features whose pin takes effect. */
export const EFFECTIVE_PIN_KEYS = [
  ...FEATURE_KEYS.stableOn,
  ...FEATURE_KEYS.stableOff,
  ...FEATURE_KEYS.webSearch,
] as const;

/** Program names used both in rules and in probe commands so that rules can match. */
export const PROGRAMS = ["rm", "git", "curl", "npm", "ls"] as const;
export const SUBCOMMANDS = ["push", "status", "-rf", "install", "commit"] as const;
