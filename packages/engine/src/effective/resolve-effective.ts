import type { Scenario } from "@codex-policy/spec";
import { configured } from "../config/stack.js";
import type { EditionSpec } from "../editions.js";
import { NEVER_WITH_FULL_ACCESS } from "../messages.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { checkPermissions, choosePermissions, type PermissionsEffective } from "../permissions/select.js";
import { applyConstraint, type Candidate, type Resolved } from "./constrained.js";
import {
  approvalConstraint,
  normalizeApproval,
  normalizeReviewer,
  reviewerConstraint,
  trustDefaults,
  webSearchConstraint,
  windowsSandboxConstraint,
} from "./settings.js";

export interface CoreEffective {
  approval: Resolved;
  reviewer: Resolved;
  sandbox: Resolved;
  profile: PermissionsEffective["profile"];
  network: PermissionsEffective["network"];
}

function candidate(
  layers: ConfigLayer[],
  key: string,
  thread: string | undefined,
  dflt: Candidate,
): Candidate {
  if (thread !== undefined) return { value: thread, explicit: true, origin: "thread" };
  const c = configured(layers, key);
  if (c && typeof c.value === "string") return { value: c.value, explicit: true, origin: c.layer.kind };
  return dflt;
}

/** Approval, reviewer and sandbox, in the order Codex applies them, then the never + full-access check. */
export function resolveCore(
  scenario: Scenario,
  layers: ConfigLayer[],
  fields: Record<string, ComposedField>,
  diag: Diagnostics,
  edition: EditionSpec,
  /** The thread-start pass in which 0.120-0.124 treat an untrusted project as loaded. */
  leakedProject = false,
): CoreEffective | null {
  const thread = scenario.session.thread ?? {};
  const defaults = trustDefaults(scenario.project.trust, edition.untrustedProjectLeaks && leakedProject);
  const approvalDefault: Candidate = {
    value: defaults.approval,
    explicit: false,
    origin: scenario.project.trust === "untrusted" ? "trust-default" : "default",
  };
  // A trust-derived sandbox default is checked like a configured value (it warns on fallback).
  const sandboxDefault: Candidate = {
    value: defaults.sandbox,
    explicit: defaults.sandbox !== "read-only",
    origin: defaults.sandbox === "read-only" ? "default" : "trust-default",
  };
  const permissionInputs = {
    layers,
    fields,
    threadSandbox: thread.sandbox,
    sandboxDefault,
    sandboxModeBeatsProfile: edition.sandboxModeBeatsProfile,
    release: edition,
  };
  const choice = choosePermissions(permissionInputs, diag);
  // From 0.143 Codex reads a configured `on-failure` as `on-request` before checking it.
  const ac = candidate(layers, "approval_policy", thread.approval_policy, approvalDefault);
  const approval = applyConstraint(
    { ...ac, value: normalizeApproval(ac.value, edition) },
    approvalConstraint(fields.allowed_approval_policies, edition),
    diag,
    edition,
  );
  if (!approval) return null;
  const rc = candidate(layers, "approvals_reviewer", thread.approvals_reviewer, {
    value: "user",
    explicit: false,
    origin: "default",
  });
  const reviewer = applyConstraint(
    { ...rc, value: normalizeReviewer(rc.value) },
    reviewerConstraint(fields.allowed_approvals_reviewers),
    diag,
    edition,
  );
  if (!reviewer) return null;
  const ws = configured(layers, "windows.sandbox");
  applyConstraint(
    typeof ws?.value === "string"
      ? { value: ws.value, explicit: true, origin: ws.layer.kind }
      : { value: "none", explicit: true, origin: "default" },
    windowsSandboxConstraint(fields.windows),
    diag,
    edition,
  );
  const permissions = checkPermissions(choice, permissionInputs, diag);
  if (!permissions) return null;
  const sandbox = permissions.sandbox;
  if (
    edition.neverWithFullAccess === "refuse" &&
    sandbox.fellBack &&
    permissions.requested.value === "danger-full-access" &&
    approval.value === "never"
  ) {
    diag.fail({
      code: "never-with-disallowed-full-access",
      layer: fields.allowed_sandbox_modes?.layer.layerId ?? "system.requirements",
      message: NEVER_WITH_FULL_ACCESS,
    });
    return null;
  }
  return { approval, reviewer, sandbox, profile: permissions.profile, network: permissions.network };
}

/**
 * Web search: the configured mode (or the release's default) is checked against the allowed set,
 * with a warning even for the default. Under full access a mode other than `disabled` becomes
 * `live` whenever `live` is allowed (a02, a08, a13, a18; binary checks on `["live","cached"]`,
 * `["cached","indexed"]` and `["indexed"]`); from 0.93 to 0.98 only the default does.
 */
export function resolveWebSearch(
  layers: ConfigLayer[],
  fields: Record<string, ComposedField>,
  sandbox: string,
  featureMode: string | null,
  diag: Diagnostics,
  edition: EditionSpec,
): Resolved | null {
  const constraint = webSearchConstraint(fields.allowed_web_search_modes);
  const c = configured(layers, "web_search");
  const cand: Candidate =
    c && typeof c.value === "string"
      ? { value: c.value, explicit: true, origin: c.layer.kind }
      : featureMode
        ? { value: featureMode, explicit: true, origin: "features" }
        : { value: edition.webSearchDefault, explicit: false, origin: "default" };
  const startup = applyConstraint(cand, constraint, diag, edition);
  if (!startup) return null;
  const liveAllowed = !constraint.allowed || constraint.allowed.includes("live");
  const goesLive =
    edition.fullAccessLiveWebSearch === "any" ||
    (edition.fullAccessLiveWebSearch === "default" && !cand.explicit);
  if (!goesLive || sandbox !== "danger-full-access" || startup.value === "disabled" || !liveAllowed)
    return startup;
  return startup.value === "live"
    ? startup
    : { value: "live", origin: "full-access", fellBack: startup.fellBack };
}
