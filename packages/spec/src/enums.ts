import { z } from "zod";

export const EDITIONS = ["codex-0.169", "documented"] as const;
export const Edition = z.enum(EDITIONS);
export type Edition = z.infer<typeof Edition>;
export const DEFAULT_EDITION: Edition = "codex-0.169";

export const HostOs = z.enum(["linux", "macos", "windows"]);
export const AuthKind = z.enum(["chatgpt", "api-key", "none"]);
export const Plan = z.enum(["free", "go", "plus", "pro", "team", "business", "enterprise", "edu"]);
export const CacheState = z.enum(["missing", "valid", "expired", "corrupt", "other-identity"]);
export const FetchOutcome = z.enum(["ok", "error", "timeout"]);
export const ProjectTrust = z.enum(["trusted", "untrusted", "unknown"]);

/** Values Codex accepts in config for the constrained settings. */
export const APPROVAL_POLICIES = ["untrusted", "on-failure", "on-request", "never"] as const;
export const SANDBOX_MODES = ["read-only", "workspace-write", "danger-full-access"] as const;
export const WEB_SEARCH_MODES = ["disabled", "cached", "indexed", "live"] as const;
export const REVIEWERS = ["user", "auto_review"] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number] | "granular";
export type SandboxMode = (typeof SANDBOX_MODES)[number];
export type WebSearchMode = (typeof WEB_SEARCH_MODES)[number];
export type Reviewer = (typeof REVIEWERS)[number];

/** Where a requirement value came from. `cloud:<rule name>` names the matched group rule. */
export type RequirementSourceId = "system" | "legacy" | "mdm" | "cloud" | `cloud:${string}`;

/** Layers a scenario can carry, used in error locations. */
export const LAYER_IDS = [
  "scenario",
  "cloud",
  "mdm.requirements",
  "mdm.config",
  "system.requirements",
  "system.managed_config",
  "system.config",
  "user.config",
  "user.rules",
  "user.hooks",
  "project.config",
  "session",
  "thread",
] as const;
export type LayerId = (typeof LAYER_IDS)[number] | `cloud.rules.${number}` | "cloud.default";

/** What a web search mode means on the wire: no tool, cached-only, or external access. */
export type WebSearchAccess = "none" | "cached" | "external";
export function webSearchAccess(mode: string): WebSearchAccess {
  return mode === "disabled" ? "none" : mode === "cached" ? "cached" : "external";
}
