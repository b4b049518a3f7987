import type { OutcomeError } from "@codex-policy/spec";
import { configured } from "../config/stack.js";
import {
  PERMISSIONS_TABLE_REQUIRED,
  PROFILE_WRITES_OUTSIDE_WORKSPACE,
  PROFILES_WITHOUT_DEFAULT,
  permissionConflictsWithConfig,
  permissionDefaultUndefined,
  profilePathNotAbsolute,
  profileWithoutFilesystemTable,
} from "../messages.js";
import type { ComposedField, ConfigLayer } from "../model.js";
import type { Behaviour } from "../releases/behaviour.js";
import { byBytes, isTable } from "../toml.js";
import { configProfiles, configuredDefault, isBuiltinProfile, requirementProfiles } from "./definitions.js";
import { type Definition, definition, filesystemEntries, narrowerThanWrite } from "./profile-shape.js";

export type ProfileLoadBehaviour = Pick<
  Behaviour,
  "builtinProfiles" | "profileWritesAnywhere" | "specialPaths" | "emptyProfile" | "rootWriteNarrowed"
>;

const invalid = (layer: string, message: string): OutcomeError => ({
  code: "config-invalid",
  layer,
  message,
});

/**
 * Config-side checks when the configuration loads (Codex then runs on defaults, or stops when the
 * defaults fail the same way): a requirements profile may not share a name with a config one; with
 * profiles defined, something must choose between them; a configured `default_permissions` must
 * name a defined (or, from 0.128, built-in) profile, whose own paths must be usable.
 */
export function checkConfigProfiles(
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
  release: ProfileLoadBehaviour,
): OutcomeError | null {
  const fromConfig = configProfiles(config);
  const clash = Object.keys(requirementProfiles(fields))
    .sort(byBytes)
    .find((n) => fromConfig.has(n));
  if (clash !== undefined)
    return invalid(fromConfig.get(clash)!.layerId, permissionConflictsWithConfig(clash));
  const chosen = configuredDefault(config);
  if (!chosen) return nothingChooses(fields, config);
  if (release.builtinProfiles && isBuiltinProfile(chosen.name)) return null;
  const def = definition(chosen.name, fields, config);
  if (def) return definitionProblem(chosen.name, def, release);
  const anyTable = config.some((l) => isTable(l.doc.permissions));
  return invalid(
    chosen.layer.layerId,
    anyTable ? permissionDefaultUndefined(chosen.name) : PERMISSIONS_TABLE_REQUIRED,
  );
}

/**
 * Profiles defined (in config or requirements) with no `default_permissions`, no `sandbox_mode` and
 * no managed allow-list to pick from: Codex cannot tell which applies (binary 0.113.0 to 0.169.0).
 */
function nothingChooses(fields: Record<string, ComposedField>, config: ConfigLayer[]): OutcomeError | null {
  if (configured(config, "sandbox_mode") || isTable(fields.allowed_permission_profiles?.value)) return null;
  const definers = config.filter(
    (l) => isTable(l.doc.permissions) && Object.keys(l.doc.permissions).length > 0,
  );
  const top = definers.at(-1);
  if (top) return invalid(top.layerId, PROFILES_WITHOUT_DEFAULT);
  const managed = fields.permissions;
  if (managed && Object.keys(requirementProfiles(fields)).length > 0)
    return invalid(managed.layer.layerId, PROFILES_WITHOUT_DEFAULT);
  return null;
}

/**
 * The chosen profile's own `[filesystem]` paths: each must be absolute, `~/…` or a `:name`; before
 * 0.128 its writes must also stay in the workspace (binary 0.125.0, checked entry by entry).
 */
function definitionProblem(
  name: string,
  def: Definition,
  release: ProfileLoadBehaviour,
): OutcomeError | null {
  const fs = def.body.filesystem;
  if (fs === undefined && release.emptyProfile === "refuse")
    return invalid(def.layerId, profileWithoutFilesystemTable(name));
  if (!isTable(fs)) return null;
  const paths = Object.keys(fs).sort(byBytes);
  const relative = paths.find((p) => !p.startsWith("/") && !p.startsWith("~/") && !p.startsWith(":"));
  if (relative !== undefined) return invalid(def.layerId, profilePathNotAbsolute(relative));
  if (release.profileWritesAnywhere) return null;
  const { counted } = filesystemEntries(fs, release.specialPaths);
  const outside =
    fs[":root"] === "write"
      ? release.rootWriteNarrowed && counted.some(([, access]) => narrowerThanWrite(access))
      : counted.some(([path, access]) =>
          isTable(access)
            ? Object.values(access).includes("write")
            : access === "write" && path !== ":project_roots",
        );
  return outside ? invalid(def.layerId, PROFILE_WRITES_OUTSIDE_WORKSPACE) : null;
}
