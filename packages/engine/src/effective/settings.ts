import type { Scenario } from "@codex-policy/spec";
import { debugName, READ_ONLY_POLICY_DEBUG, readOnlyProfileDebug } from "../messages.js";
import type { ComposedField } from "../model.js";
import { isTable } from "../toml.js";
import type { Constraint } from "./constrained.js";

/** Fixed order in which a disallowed web search mode falls back. */
export const WEB_SEARCH_FALLBACK_ORDER = ["cached", "indexed", "live", "disabled"];
/** Order in which Codex prints the allowed web search set. */
const WEB_SEARCH_PRINT_ORDER = ["disabled", "cached", "indexed", "live"];

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** From 0.143 Codex reads `on-failure` as `on-request`; before, it keeps it. */
export const normalizeApproval = (v: string, release: { onFailureAsOnRequest: boolean }): string =>
  v === "on-failure" && release.onFailureAsOnRequest ? "on-request" : v;
export const normalizeReviewer = (v: string): string => (v === "guardian_subagent" ? "auto_review" : v);

/** Constraints are pure functions of a composed field, which is cached and frozen: build each once. */
function perField(build: (field: ComposedField | undefined) => Constraint) {
  const cache = new WeakMap<ComposedField, Constraint>();
  let none: Constraint | undefined;
  return (field: ComposedField | undefined): Constraint => {
    if (!field) {
      none = none ?? build(undefined);
      return none;
    }
    let c = cache.get(field);
    if (!c) {
      c = build(field);
      cache.set(field, c);
    }
    return c;
  };
}

function base(field: ComposedField | undefined) {
  return {
    label: field?.layer.label ?? "<unspecified>",
    source: field?.layer.source ?? "",
    layerId: field?.layer.layerId ?? "system.requirements",
  };
}

/** An allow-list of names that falls back to its first entry: approval policies, reviewers. */
const firstEntryConstraint = (name: string, normalize: (v: string) => string) =>
  perField((field: ComposedField | undefined): Constraint => {
    const allowed = field ? strings(field.value).map(normalize) : null;
    return {
      field: name,
      detailField: name,
      allowed,
      display: (allowed ?? []).map(debugName),
      ...base(field),
      fallback: (a) => a[0]!,
      fallbackDebug: debugName,
    };
  });

const APPROVAL_CONSTRAINTS = [false, true].map((onFailureAsOnRequest) =>
  firstEntryConstraint("approval_policy", (v) => normalizeApproval(v, { onFailureAsOnRequest })),
);

export const approvalConstraint = (
  field: ComposedField | undefined,
  release: { onFailureAsOnRequest: boolean },
): Constraint => APPROVAL_CONSTRAINTS[release.onFailureAsOnRequest ? 1 : 0]!(field);

export const reviewerConstraint = firstEntryConstraint("approvals_reviewer", normalizeReviewer);

export const sandboxConstraint = perField((field: ComposedField | undefined): Constraint => {
  const allowed = field ? strings(field.value) : null;
  return {
    field: "permission_profile",
    detailField: "sandbox_mode",
    allowed,
    display: (allowed ?? []).map(debugName),
    ...base(field),
    fallback: () => "read-only",
    fallbackDebug: (_, release) => readOnlyProfileDebug(release.profileEntryMissingPath),
    older: { field: "sandbox_mode", fallbackDebug: () => READ_ONLY_POLICY_DEBUG },
  };
});

/** Full access is off the table once requirements set `[permissions.filesystem] deny_read`. */
const DENY_READ_ALLOWED = ["read-only", "workspace-write"];
export function sandboxConstraintWith(
  field: ComposedField | undefined,
  denyRead: ComposedField | undefined,
): Constraint {
  const plain = sandboxConstraint(field);
  if (!denyRead) return plain;
  if (plain.allowed) return { ...plain, allowed: plain.allowed.filter((m) => m !== "danger-full-access") };
  // Codex prints this set in config spelling, not as Debug names.
  return { ...plain, allowed: DENY_READ_ALLOWED, display: DENY_READ_ALLOWED, ...base(denyRead) };
}

export const webSearchConstraint = perField((field: ComposedField | undefined): Constraint => {
  const listed = field ? strings(field.value) : null;
  const allowed = listed ? [...new Set([...listed, "disabled"])] : null;
  return {
    field: "web_search_mode",
    detailField: "web_search_mode",
    allowed,
    display: WEB_SEARCH_PRINT_ORDER.filter((m) => allowed?.includes(m)).map(debugName),
    ...base(field),
    fallback: (a) => WEB_SEARCH_FALLBACK_ORDER.find((m) => a.includes(m))!,
    fallbackDebug: debugName,
    alwaysWarn: true,
  };
});

/** Defaults that depend on project trust (0.120–0.124 drop an untrusted project's to on-request). */
export function trustDefaults(
  trust: Scenario["project"]["trust"],
  untrustedLeaks = false,
): { approval: string; sandbox: string } {
  if (trust === "trusted") return { approval: "on-request", sandbox: "workspace-write" };
  if (trust === "untrusted")
    return { approval: untrustedLeaks ? "on-request" : "untrusted", sandbox: "workspace-write" };
  return { approval: "on-request", sandbox: "read-only" };
}

/** Codex picks the elevated Windows sandbox whenever requirements allow it. */
const WINDOWS_FALLBACK_ORDER = ["elevated", "unelevated"];

/**
 * `[windows] allowed_sandbox_implementations` constrains `[windows] sandbox`. Codex checks it on
 * every OS, and an unset sandbox (`None`) is never allowed, so a Linux user always sees a warning.
 */
export const windowsSandboxConstraint = perField((field: ComposedField | undefined): Constraint => {
  const t = field?.value;
  const allowed = isTable(t) ? strings(t.allowed_sandbox_implementations) : null;
  return {
    field: "windows.sandbox",
    detailField: "windows.sandbox",
    allowed: allowed && allowed.length > 0 ? allowed : null,
    display: (allowed ?? []).map(debugName),
    ...base(field),
    fallback: (a) => WINDOWS_FALLBACK_ORDER.find((m) => a.includes(m))!,
    fallbackDebug: (v) => `Some(${debugName(v)})`,
  };
});
