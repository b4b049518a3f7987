import { z } from "zod";
import { EDITION_FORMS, parseEdition, RELEASE_EDITIONS } from "./releases.js";

/** A canonical edition id: `codex-0.<minor>` for a published release, or `documented`. */
export type Edition = string;
/** The two editions the corpus is written against: the pinned binary and the docs. */
export const EDITIONS = ["codex-0.169", "documented"] as const satisfies readonly Edition[];
/** Every canonical edition: each published minor from 0.77, oldest first, then `documented`. */
export const ALL_EDITIONS: readonly Edition[] = [...RELEASE_EDITIONS, "documented"];
export const DEFAULT_EDITION: Edition = "codex-0.169";

/** An edition as written (`codex-0.150`, `codex-0.142.3`, `codex-latest`), read to its canonical id. */
export const Edition = z
  .string()
  .regex(/^(documented|codex-latest|codex-\d+\.\d+(\.\d+)?)$/, `an edition is one of: ${EDITION_FORMS}`)
  .transform((v, ctx) => {
    const p = parseEdition(v);
    if (p.ok) return p.edition;
    ctx.addIssue({ code: "custom", message: p.message });
    return z.NEVER;
  });

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
/** Reviewer names a release may report: before 0.139 the automatic reviewer is `guardian_subagent`. */
export const REPORTED_REVIEWERS = [...REVIEWERS, "guardian_subagent"] as const;
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
