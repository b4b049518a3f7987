import type { OutcomeError } from "@codex-policy/spec";
import { configured } from "../config/stack.js";
import {
  invalidType,
  PERMISSION_DEFAULT_NEEDS_ALLOWLIST,
  PERMISSION_DEFAULT_REQUIRED,
  PERMISSIONS_FILESYSTEM_RESERVED,
  permissionDefaultNotAllowed,
  permissionUndefinedInAllowlist,
} from "../messages.js";
import type { ComposedField, ConfigLayer } from "../model.js";
import { byBytes, isTable, serdeType } from "../toml.js";

/** The profiles every Codex with permission profiles knows. */
export const BUILTIN_PROFILES = [":read-only", ":workspace", ":danger-full-access"] as const;
export const isBuiltinProfile = (name: string): boolean =>
  (BUILTIN_PROFILES as readonly string[]).includes(name);

/** In requirements, `[permissions.filesystem]` holds constraints (deny_read), never a profile. */
export const REQUIREMENTS_FILESYSTEM_KEY = "filesystem";
const PROFILE_KEYS = new Set(["description", "extends", "workspace_roots", "filesystem", "network"]);

/** A profile key inside requirements' `[permissions.filesystem]`: Codex refuses the layer. */
export function reservedFilesystemKey(permissions: unknown): boolean {
  if (!isTable(permissions)) return false;
  const fs = permissions[REQUIREMENTS_FILESYSTEM_KEY];
  return isTable(fs) && Object.keys(fs).some((k) => PROFILE_KEYS.has(k));
}
export { PERMISSIONS_FILESYSTEM_RESERVED };

/**
 * The first problem of requirements' `permissions` as Codex reads it (0.169.0 binary): a struct of
 * profiles, each one a table, besides `filesystem`, which holds constraints only.
 */
export function permissionsRequirementProblem(
  permissions: unknown,
): { code: string; message: string; path: string } | null {
  const wrong = (v: unknown, expected: string, path: string) => ({
    code: "invalid-type",
    message: invalidType(serdeType(v), `struct ${expected}`),
    path,
  });
  if (!isTable(permissions)) return wrong(permissions, "PermissionsRequirementsToml", "permissions");
  const fs = permissions[REQUIREMENTS_FILESYSTEM_KEY];
  if (fs !== undefined && !isTable(fs))
    return wrong(fs, "RawFilesystemRequirementsToml", `permissions.${REQUIREMENTS_FILESYSTEM_KEY}`);
  if (reservedFilesystemKey(permissions))
    return {
      code: "permission-profiles-invalid",
      message: PERMISSIONS_FILESYSTEM_RESERVED,
      path: `permissions.${REQUIREMENTS_FILESYSTEM_KEY}`,
    };
  const bad = Object.entries(permissions).find(([k, v]) => k !== REQUIREMENTS_FILESYSTEM_KEY && !isTable(v));
  return bad ? wrong(bad[1], "PermissionProfileToml", "permissions") : null;
}

/** Keys of requirements' `[permissions.filesystem]` that Codex ignores (with a warning). */
export function ignoredFilesystemKeys(permissions: unknown): string[] {
  if (!isTable(permissions)) return [];
  const fs = permissions[REQUIREMENTS_FILESYSTEM_KEY];
  if (!isTable(fs)) return [];
  return Object.keys(fs)
    .filter((k) => k !== "deny_read" && !PROFILE_KEYS.has(k))
    .map((k) => `permissions.${REQUIREMENTS_FILESYSTEM_KEY}.${k}`);
}

/** Profiles defined by the composed requirements' `[permissions.<name>]` tables. */
export function requirementProfiles(fields: Record<string, ComposedField>): Record<string, unknown> {
  const t = fields.permissions?.value;
  if (!isTable(t)) return {};
  const { [REQUIREMENTS_FILESYSTEM_KEY]: _fs, ...profiles } = t;
  return profiles;
}

/** Profiles the config layers define, with the highest layer that defines each. */
export function configProfiles(layers: ConfigLayer[]): Map<string, ConfigLayer> {
  const out = new Map<string, ConfigLayer>();
  for (const l of layers) {
    const t = l.doc.permissions;
    if (isTable(t)) for (const name of Object.keys(t)) out.set(name, l);
  }
  return out;
}

/** Rust's BTreeMap order: by UTF-8 bytes. */

/**
 * The managed profile allow-list checks, in Codex's order: every listed name is defined, then
 * `default_permissions` is allowed, or the list allows both `:workspace` and `:read-only`.
 */
export function checkPermissionRequirements(
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
): OutcomeError | null {
  const allowField = fields.allowed_permission_profiles;
  const defField = fields.default_permissions;
  const fail = (f: ComposedField, message: string): OutcomeError => ({
    code: "permission-profiles-invalid",
    layer: f.layer.layerId,
    message,
  });
  const allowed = isTable(allowField?.value) ? allowField.value : null;
  const defined = new Set([
    ...BUILTIN_PROFILES,
    ...Object.keys(requirementProfiles(fields)),
    ...configProfiles(config).keys(),
  ]);
  if (allowField && allowed) {
    const undefinedName = Object.keys(allowed)
      .sort(byBytes)
      .find((n) => !defined.has(n));
    if (undefinedName !== undefined) return fail(allowField, permissionUndefinedInAllowlist(undefinedName));
  }
  const def = typeof defField?.value === "string" ? defField.value : null;
  if (defField && def !== null) {
    if (!allowed) return fail(defField, PERMISSION_DEFAULT_NEEDS_ALLOWLIST);
    if (allowed[def] !== true) return fail(defField, permissionDefaultNotAllowed(def));
  } else if (allowField && allowed && !(allowed[":workspace"] === true && allowed[":read-only"] === true)) {
    return fail(allowField, PERMISSION_DEFAULT_REQUIRED);
  }
  return null;
}

/** The highest config layer's `default_permissions`. */
export function configuredDefault(config: ConfigLayer[]): { name: string; layer: ConfigLayer } | null {
  const c = configured(config, "default_permissions");
  return typeof c?.value === "string" ? { name: c.value, layer: c.layer } : null;
}

/**
 * The profile that applies when the configuration loads: under a managed allow-list the configured
 * one if the list allows it, else the managed default (`:workspace` when none is set); otherwise the
 * configured one.
 */
export function activeProfile(
  fields: Record<string, ComposedField>,
  configuredName: string | null,
): string | null {
  const allowed = fields.allowed_permission_profiles?.value;
  if (!isTable(allowed)) return configuredName;
  if (configuredName !== null && allowed[configuredName] === true) return configuredName;
  return managedDefault(fields);
}

/** The profile a managed allow-list falls back to. */
export function managedDefault(fields: Record<string, ComposedField>): string {
  const v = fields.default_permissions?.value;
  return typeof v === "string" ? v : ":workspace";
}
