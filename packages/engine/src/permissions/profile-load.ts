import type { OutcomeError } from "@codex-policy/spec";
import { configured } from "../config/stack.js";
import {
  PERMISSIONS_TABLE_REQUIRED,
  PROFILE_WRITES_OUTSIDE_WORKSPACE,
  PROFILES_WITHOUT_DEFAULT,
  permissionBuiltinUnknown,
  permissionConflictsWithConfig,
  permissionDefaultUndefined,
  profileExtendsUndefined,
  profileExtendsUnsupported,
  profileInheritanceCycle,
  profilePathNotAbsolute,
  profileWithoutFilesystemTable,
} from "../messages.js";
import type { ComposedField, ConfigLayer } from "../model.js";
import type { Behaviour } from "../releases/behaviour.js";
import { byBytes, isTable } from "../toml.js";
import { activeProfile, configProfiles, configuredDefault, requirementProfiles } from "./definitions.js";
import { type Definition, definition, filesystemEntries, narrowerThanWrite } from "./profile-shape.js";
import { sandboxModeWins } from "./select.js";

export type ProfileLoadBehaviour = Pick<
  Behaviour,
  | "builtinProfiles"
  | "profileWritesAnywhere"
  | "specialPaths"
  | "emptyProfile"
  | "rootWriteNarrowed"
  | "profileExtends"
  | "sandboxModeBeatsProfile"
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
 * name a defined (or, from 0.128, built-in) profile; the profile that applies must have a sound
 * `extends` chain and usable paths of its own. A thread's sandbox counts as a `sandbox_mode` set above
 * every layer (binary 0.169.0).
 */
export function checkConfigProfiles(
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
  release: ProfileLoadBehaviour,
  threadSandbox?: string,
): OutcomeError | null {
  const fromConfig = configProfiles(config);
  const clash = Object.keys(requirementProfiles(fields))
    .sort(byBytes)
    .find((n) => fromConfig.has(n));
  if (clash !== undefined)
    return invalid(fromConfig.get(clash)!.layerId, permissionConflictsWithConfig(clash));
  const configuredName = configuredDefault(config);
  const managedList = isTable(fields.allowed_permission_profiles?.value);
  const chosen =
    configuredName &&
    !managedList &&
    sandboxModeWins(config, configuredName.layer, threadSandbox, release.sandboxModeBeatsProfile)
      ? null
      : configuredName;
  if (!chosen) {
    const none = threadSandbox === undefined ? nothingChooses(fields, config) : null;
    if (none) return none;
  } else if (release.builtinProfiles.length > 0 && chosen.name.startsWith(":")) {
    if (!release.builtinProfiles.includes(chosen.name))
      return invalid(chosen.layer.layerId, permissionBuiltinUnknown(chosen.name));
  } else if (!definition(chosen.name, fields, config)) {
    const anyTable = config.some((l) => isTable(l.doc.permissions));
    return invalid(
      chosen.layer.layerId,
      anyTable ? permissionDefaultUndefined(chosen.name) : PERMISSIONS_TABLE_REQUIRED,
    );
  }
  const active = activeProfile(fields, chosen?.name ?? null);
  const def =
    active === null || release.builtinProfiles.includes(active) ? null : definition(active, fields, config);
  if (active === null || !def) return null;
  const chain = release.profileExtends ? extendsChain(active, fields, config) : [def];
  if (!Array.isArray(chain)) return chain;
  for (const d of chain) {
    const fs = d.body.filesystem;
    const relative = isTable(fs) ? Object.keys(fs).sort(byBytes).find(isRelative) : undefined;
    if (relative !== undefined) return invalid(d.layerId, profilePathNotAbsolute(relative));
  }
  return ownEntriesProblem(active, def, release);
}

const isRelative = (path: string): boolean =>
  !path.startsWith("/") && !path.startsWith("~/") && !path.startsWith(":");

/** The built-in profiles a defined profile may extend. */
const EXTENDABLE: ReadonlySet<string> = new Set([":read-only", ":workspace"]);

/**
 * The definitions along the `extends` chain of the profile Codex compiles, itself first, or what is
 * wrong with the chain: each parent must be `:read-only`, `:workspace` or a defined profile, and no
 * profile may come back (binary 0.133.0 to 0.169.0).
 */
function extendsChain(
  name: string,
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
): Definition[] | OutcomeError {
  const path: string[] = [];
  const chain: Definition[] = [];
  let current = name;
  let def = definition(current, fields, config);
  while (def) {
    path.push(current);
    chain.push(def);
    const parent = def.body.extends;
    if (typeof parent !== "string") return chain;
    if (parent.startsWith(":"))
      return EXTENDABLE.has(parent)
        ? chain
        : invalid(def.layerId, profileExtendsUnsupported(current, parent));
    const next = definition(parent, fields, config);
    if (!next) return invalid(def.layerId, profileExtendsUndefined(current, parent));
    const seen = path.indexOf(parent);
    if (seen >= 0) return invalid(def.layerId, profileInheritanceCycle([...path.slice(seen), parent]));
    current = parent;
    def = next;
  }
  return chain;
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
 * The chosen profile's own `[filesystem]`: 0.113 wants the table; before 0.128 its writes must stay in
 * the workspace (binary 0.125.0, checked entry by entry).
 */
function ownEntriesProblem(
  name: string,
  def: Definition,
  release: ProfileLoadBehaviour,
): OutcomeError | null {
  const fs = def.body.filesystem;
  if (fs === undefined && release.emptyProfile === "refuse")
    return invalid(def.layerId, profileWithoutFilesystemTable(name));
  if (!isTable(fs) || release.profileWritesAnywhere) return null;
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
