import type { LayerId } from "@codex-policy/spec";
import type { ComposedField, ConfigLayer } from "../model.js";
import type { Behaviour } from "../releases/behaviour.js";
import { isTable, type TomlTable } from "../toml.js";
import { configProfiles, isBuiltinProfile, requirementProfiles } from "./definitions.js";

/** The legacy sandbox mode each built-in profile stands for. */
const BUILTIN_SANDBOX: Record<string, string> = {
  ":read-only": "read-only",
  ":workspace": "workspace-write",
  ":danger-full-access": "danger-full-access",
};
/** The permission profile Codex reports for a sandbox mode it chose by default. */
export const SANDBOX_PROFILE: Record<string, string> = Object.fromEntries(
  Object.entries(BUILTIN_SANDBOX).map(([profile, mode]) => [mode, profile]),
);

/** What a release reads of a profile definition. */
export type ShapeBehaviour = Pick<Behaviour, "specialPaths" | "profileExtends" | "rootWriteNarrowed">;

export interface ProfileShape {
  /** The sandbox mode Codex reports for the profile. */
  sandbox: string;
  network: boolean;
  /** Where the network setting came from: the defining layer, or null for the built-in default. */
  networkOrigin: string | null;
  /** No profile in the chain has a `[filesystem]` table, and it ends in no built-in. */
  noFilesystem: boolean;
  /** Some entry in the chain grants less than write, so full access is only workspace-write. */
  narrowed: boolean;
  /** Parts of the definition the engine does not simulate. */
  unmodelled: string[];
  /** `:name` filesystem paths the release does not recognize, which Codex warns about and ignores. */
  unknownPaths: UnknownPath[];
}

export interface UnknownPath {
  path: string;
  /** The entry below it, for a path that holds a table of entries. */
  nested?: string;
}

export interface Definition {
  body: TomlTable;
  /** The kind of layer that defines it (`requirements`, `user`, …) and that layer's id. */
  origin: string;
  layerId: LayerId;
}

/** Where a defined profile comes from: requirements first, else the highest config layer. */
export function definition(
  name: string,
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
): Definition | null {
  const managed = requirementProfiles(fields)[name];
  const field = fields.permissions;
  if (isTable(managed) && field)
    return { body: managed, origin: "requirements", layerId: field.layer.layerId };
  const layer = configProfiles(config).get(name);
  const body = layer && isTable(layer.doc.permissions) ? layer.doc.permissions[name] : undefined;
  return layer && isTable(body) ? { body, origin: layer.kind, layerId: layer.layerId } : null;
}

const SANDBOX_RANK = ["read-only", "workspace-write", "danger-full-access"];
/** A parent's external sandbox is its full write access without the network. */
const fullWrite = (mode: string | undefined): string | undefined =>
  mode === "external-sandbox" ? "danger-full-access" : mode;
const wider = (a: string, b: string): string => (SANDBOX_RANK.indexOf(a) >= SANDBOX_RANK.indexOf(b) ? a : b);

/** Whether an entry grants less than write: a read or none entry, or one below a path. */
export const narrowerThanWrite = (access: unknown): boolean =>
  isTable(access) ? Object.values(access).some((a) => a !== "write") : access !== "write";

/**
 * A `[filesystem]` table's entries the release acts on, and the `:name` paths it does not know (which
 * Codex warns about and ignores). `:minimal` is only ever read: a write to it grants nothing.
 */
export function filesystemEntries(
  fs: unknown,
  specialPaths: readonly string[],
): { counted: [string, unknown][]; unknown: UnknownPath[] } {
  const counted: [string, unknown][] = [];
  const unknown: UnknownPath[] = [];
  if (!isTable(fs)) return { counted, unknown };
  for (const [path, access] of Object.entries(fs)) {
    if (path.startsWith(":") && !specialPaths.includes(path)) {
      if (isTable(access)) for (const nested of Object.keys(access)) unknown.push({ path, nested });
      else unknown.push({ path });
    } else if (path !== ":minimal") counted.push([path, access]);
  }
  return { counted, unknown };
}

/**
 * The sandbox mode a profile's own `[filesystem]` entries grant: write access to `:root` is full
 * access, write access anywhere else is workspace-write (binary: `":project_roots" = "write"`, and
 * `"/" = "write"`, which is a plain path), read entries alone are read-only. A path may hold a table
 * of entries below it (`[filesystem.":workspace_roots"] "Working" = "write"`); a write among them is
 * workspace-write (binary 0.169.0). `narrows`: some entry grants less than write, which from 0.123
 * turns full access anywhere in the chain into workspace-write (binary 0.128.0 to 0.169.0).
 */
function filesystemSandbox(
  fs: unknown,
  specialPaths: readonly string[],
): { mode: string; narrows: boolean; unknown: UnknownPath[] } {
  const { counted, unknown } = filesystemEntries(fs, specialPaths);
  let mode = "read-only";
  for (const [path, access] of counted) {
    if (isTable(access) && Object.values(access).includes("write")) mode = wider(mode, "workspace-write");
    if (access !== "write") continue;
    mode = wider(mode, path === ":root" ? "danger-full-access" : "workspace-write");
  }
  return { mode, narrows: counted.some(([, access]) => narrowerThanWrite(access)), unknown };
}

/**
 * What a profile amounts to: a built-in one, or a defined one through its `extends` chain (which may
 * pass through other defined profiles) widened by its own filesystem entries.
 */
export function profileShape(
  name: string,
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
  release: ShapeBehaviour,
  seen: ReadonlySet<string> = new Set(),
): ProfileShape {
  if (isBuiltinProfile(name)) {
    const sandbox = BUILTIN_SANDBOX[name]!;
    return {
      sandbox,
      network: sandbox === "danger-full-access",
      networkOrigin: null,
      noFilesystem: false,
      narrowed: false,
      unmodelled: [],
      unknownPaths: [],
    };
  }
  const def = definition(name, fields, config);
  const body = def?.body ?? {};
  const parent =
    release.profileExtends && typeof body.extends === "string" && !seen.has(body.extends)
      ? body.extends
      : null;
  const inherited = parent ? profileShape(parent, fields, config, release, new Set([...seen, name])) : null;
  const unmodelled = [...(inherited?.unmodelled ?? [])];
  for (const key of ["filesystem", "workspace_roots"])
    if (body[key] !== undefined) unmodelled.push(`permissions.${name}.${key}`);
  const net = isTable(body.network) ? body.network.enabled : undefined;
  const own = filesystemSandbox(body.filesystem, release.specialPaths);
  const network = typeof net === "boolean" ? net : (inherited?.network ?? false);
  const narrowed = release.rootWriteNarrowed && (own.narrows || (inherited?.narrowed ?? false));
  const widest = wider(fullWrite(inherited?.sandbox) ?? "read-only", own.mode);
  const sandbox = narrowed && widest === "danger-full-access" ? "workspace-write" : widest;
  return {
    // Writes everywhere without the network is no legacy mode: Codex reports an external sandbox.
    sandbox: sandbox === "danger-full-access" && !network ? "external-sandbox" : sandbox,
    network,
    networkOrigin: typeof net === "boolean" ? (def?.origin ?? null) : (inherited?.networkOrigin ?? null),
    // A chain of defined profiles none of which has `[filesystem]` grants nothing either (binary 0.169.0).
    noFilesystem: body.filesystem === undefined && (inherited?.noFilesystem ?? true),
    narrowed,
    unmodelled,
    unknownPaths: [...(inherited?.unknownPaths ?? []), ...own.unknown],
  };
}
