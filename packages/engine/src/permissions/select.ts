import { configured } from "../config/stack.js";
import type { EditionSpec } from "../editions.js";
import {
  applyConstraint,
  type Candidate,
  type ConstraintBehaviour,
  type Resolved,
  reportFallback,
} from "../effective/constrained.js";
import { sandboxConstraintWith } from "../effective/settings.js";
import {
  permissionProfileFallback,
  permissionProfileWithoutFilesystem,
  unknownSpecialPath,
} from "../messages.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { profilePartNotModelled } from "../not-modelled.js";
import { isTable } from "../toml.js";
import { configuredDefault, managedDefault } from "./definitions.js";
import { denyReadField } from "./deny-read.js";
import { type ProfileShape, profileShape, SANDBOX_PROFILE } from "./profile-shape.js";

export interface PermissionsEffective {
  sandbox: Resolved;
  /** The sandbox mode asked for, before requirements had their say. */
  requested: Candidate;
  /** The active permission profile; null when the legacy `sandbox_mode` settings decide. */
  profile: { value: string | null; origin: string };
  network: { value: boolean; origin: string };
}

/** The profile (or legacy sandbox mode) chosen before requirements check it. */
export interface PermissionChoice {
  profile: { value: string | null; origin: string };
  requested: Candidate;
}

export interface PermissionInputs {
  layers: ConfigLayer[];
  fields: Record<string, ComposedField>;
  threadSandbox: string | undefined;
  /** The sandbox mode Codex picks when nothing is configured (from project trust). */
  sandboxDefault: Candidate;
  sandboxModeBeatsProfile: EditionSpec["sandboxModeBeatsProfile"];
  release: ConstraintBehaviour &
    Pick<EditionSpec, "specialPaths" | "profileExtends" | "rootWriteNarrowed" | "emptyProfile">;
}

/**
 * The sandbox, the permission profile and network access, as Codex 0.169 picks them:
 * - a managed `allowed_permission_profiles` puts Codex in profile mode: a configured
 *   `default_permissions` is kept when the list allows it, else the managed default takes over (with
 *   a warning); `sandbox_mode` is ignored;
 * - otherwise a configured `default_permissions` wins unless `sandbox_mode` is set in a higher layer
 *   (or by the thread; anywhere, say the docs), which brings back the legacy settings and no active
 *   profile;
 * - with neither, the trust default applies and is reported as the matching built-in profile.
 * Codex picks the profile while it loads the configuration, so the profile-mode fallback warning
 * comes before the approval and reviewer warnings (binary). `checkPermissions` then checks the
 * profile's sandbox mode against `allowed_sandbox_modes` like any other; a fallback leaves no active
 * profile.
 */
export function choosePermissions(input: PermissionInputs, diag: Diagnostics): PermissionChoice {
  const { layers, fields } = input;
  const allowed = isTable(fields.allowed_permission_profiles?.value)
    ? fields.allowed_permission_profiles.value
    : null;
  const chosen = configuredDefault(layers);
  const sandboxSetting = sandboxModeSetting(layers, input.threadSandbox);

  let profile: { value: string | null; origin: string };
  let requested: Candidate;
  if (allowed) {
    const managed = managedDefault(fields);
    if (chosen && allowed[chosen.name] === true) {
      profile = { value: chosen.name, origin: chosen.layer.kind };
    } else {
      profile = { value: managed, origin: "requirements" };
      if (chosen) warnProfileFallback(chosen.name, managed, fields, diag);
    }
    requested = { value: "", explicit: true, origin: profile.origin };
  } else if (
    chosen &&
    !sandboxModeWins(layers, chosen.layer, input.threadSandbox, input.sandboxModeBeatsProfile)
  ) {
    profile = { value: chosen.name, origin: chosen.layer.kind };
    requested = { value: "", explicit: true, origin: profile.origin };
  } else if (sandboxSetting) {
    profile = { value: null, origin: sandboxSetting.candidate.origin };
    requested = sandboxSetting.candidate;
  } else {
    requested = input.sandboxDefault;
    profile = { value: SANDBOX_PROFILE[requested.value] ?? null, origin: requested.origin };
  }
  return { profile, requested };
}

/** Checks the chosen profile's sandbox mode against the requirements and derives network access. */
export function checkPermissions(
  choice: PermissionChoice,
  input: PermissionInputs,
  diag: Diagnostics,
): PermissionsEffective | null {
  const { layers, fields } = input;
  let { profile, requested } = choice;
  const shape: ProfileShape | null =
    profile.value !== null ? profileShape(profile.value, fields, layers, input.release) : null;
  if (shape) requested = { ...requested, value: shape.sandbox };
  for (const p of shape?.unknownPaths ?? [])
    diag.warn("filesystem-path-unknown", unknownSpecialPath(p.path, p.nested));
  const sandbox = applyConstraint(
    requested,
    sandboxConstraintWith(fields.allowed_sandbox_modes, denyReadField(fields)),
    diag,
    input.release,
  );
  if (!sandbox) return null;
  if (sandbox.fellBack) profile = { value: null, origin: "requirements" };
  else if (shape && profile.value !== null) {
    if (shape.noFilesystem && input.release.emptyProfile === "warn")
      diag.warn("permission-profile-empty", permissionProfileWithoutFilesystem(profile.value));
    for (const key of shape.unmodelled) profilePartNotModelled(key, diag);
  }
  const network =
    profile.value !== null && shape
      ? { value: shape.network, origin: shape.networkOrigin ?? "default" }
      : legacyNetwork(sandbox.value, layers);
  return { sandbox, requested, profile, network };
}

/**
 * Whether a `sandbox_mode` set above the layer of the configured `default_permissions` (a higher
 * layer or the thread; any layer, say the docs) brings back the legacy settings. The profile is then
 * never loaded: nothing in it is checked (binary 0.115.0 to 0.169.0).
 */
export function sandboxModeWins(
  layers: ConfigLayer[],
  profileLayer: ConfigLayer,
  thread: string | undefined,
  mode: EditionSpec["sandboxModeBeatsProfile"],
): boolean {
  const s = sandboxModeSetting(layers, thread);
  return s !== null && (mode === "any-layer" || s.rank > layers.indexOf(profileLayer));
}

/** The `sandbox_mode` setting with its rank: the layer index, above every layer for the thread's. */
function sandboxModeSetting(
  layers: ConfigLayer[],
  thread: string | undefined,
): { candidate: Candidate; rank: number } | null {
  if (thread !== undefined)
    return { candidate: { value: thread, explicit: true, origin: "thread" }, rank: layers.length };
  const c = configured(layers, "sandbox_mode");
  if (!c || typeof c.value !== "string") return null;
  return {
    candidate: { value: c.value, explicit: true, origin: c.layer.kind },
    rank: layers.indexOf(c.layer),
  };
}

/** Outside profiles, only workspace-write reads `[sandbox_workspace_write] network_access`. */
function legacyNetwork(sandbox: string, layers: ConfigLayer[]): { value: boolean; origin: string } {
  if (sandbox === "danger-full-access") return { value: true, origin: "default" };
  if (sandbox !== "workspace-write") return { value: false, origin: "default" };
  const c = configured(layers, "sandbox_workspace_write.network_access");
  return typeof c?.value === "boolean"
    ? { value: c.value, origin: c.layer.kind }
    : { value: false, origin: "default" };
}

function warnProfileFallback(
  configuredName: string,
  managed: string,
  fields: Record<string, ComposedField>,
  diag: Diagnostics,
): void {
  reportFallback(diag, {
    field: "permission_profile",
    configured: configuredName,
    effective: managed,
    source: fields.allowed_permission_profiles?.layer.source ?? null,
    message: permissionProfileFallback(configuredName, managed),
  });
}
