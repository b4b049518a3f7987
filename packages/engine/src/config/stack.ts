import type { LayerId, Scenario } from "@codex-policy/spec";
import type { Behaviour } from "../editions.js";
import { perDocument } from "../memo.js";
import { projectParseError, tomlSyntaxDetail } from "../messages.js";
import type { ConfigLayer, ConfigLayerKind, Diagnostics } from "../model.js";
import { managedPaths } from "../paths.js";
import { deepFreeze, isTable, parseToml, syntaxErrorAt, type TomlTable } from "../toml.js";
import { overridesToDoc } from "./overrides.js";

const sessionDocs = new Map<string, ReturnType<typeof overridesToDoc>>();
/** The `-c` layer, built once per distinct list of overrides so its document keeps one identity. */
function sessionDoc(overrides: string[]): ReturnType<typeof overridesToDoc> {
  const key = overrides.join("\u0000");
  let r = sessionDocs.get(key);
  if (!r) {
    r = deepFreeze(overridesToDoc(overrides));
    if (sessionDocs.size >= 256) sessionDocs.delete(sessionDocs.keys().next().value as string);
    sessionDocs.set(key, r);
  }
  return r;
}

interface Source {
  kind: ConfigLayerKind;
  label: string;
  layerId: LayerId;
  text: string | undefined;
}

function parseLayer(
  src: Source,
  diag: Diagnostics,
  release: { tomlErrorAtEnd: boolean },
): ConfigLayer | null {
  if (src.text === undefined) return null;
  const r = parseToml(src.text);
  if (!r.ok) {
    const loc = syntaxErrorAt(r, release);
    diag.fail({ code: r.code, layer: src.layerId, message: syntaxMessage(src, loc, r), ...loc });
    return null;
  }
  return { kind: src.kind, label: src.label, layerId: src.layerId, doc: r.doc, text: src.text };
}

/**
 * A config file that does not parse is reported at `file:line:col`, except the project config, which
 * Codex loads on its own and reports with a code frame (binary 0.87.0-0.171.0).
 */
function syntaxMessage(
  src: Source,
  loc: { line?: number; column?: number },
  r: { code: string; message: string },
): string {
  if (src.kind === "project" && r.code === "toml-syntax")
    return projectParseError(src.label, tomlSyntaxDetail(loc.line, loc.column, r.message, src.text));
  const at = loc.line !== undefined ? `:${loc.line}:${loc.column ?? 1}` : "";
  return `${src.label}${at}: ${r.message}`;
}

/** Config layers an administrator manages: they apply above user, project and `-c` values. */
export const MANAGED_CONFIG_KINDS: ReadonlySet<ConfigLayerKind> = new Set([
  "cloud-config",
  "legacy",
  "mdm-config",
]);

/**
 * Config files an administrator writes on the machine (not requirements): the system config.toml,
 * managed_config.toml and the MDM config payload.
 */
export const ADMIN_CONFIG_LAYERS: ReadonlySet<string> = new Set([
  "system.config",
  "system.managed_config",
  "mdm.config",
]);

/** How a release treats config files: project trust and the config keys it does not read yet. */
export type StackBehaviour = Pick<
  Behaviour,
  "projectConfig" | "untrustedProjectLeaks" | "ignoredConfigKeys" | "tomlErrorAtEnd"
>;

const withoutKeys = perDocument((doc, key) => {
  const drop = key.split(",");
  return deepFreeze(Object.fromEntries(Object.entries(doc).filter(([k]) => !drop.includes(k)))) as TomlTable;
});

/** Drops the keys a release does not read from a config layer. */
function unread(layer: ConfigLayer, keys: readonly string[]): ConfigLayer {
  if (!keys.some((k) => layer.doc[k] !== undefined)) return layer;
  return { ...layer, doc: withoutKeys(layer.doc, keys.join(",")) };
}

export interface ConfigStack {
  /** Lowest precedence first. */
  layers: ConfigLayer[];
  /** Whether project config exists and the project is not trusted (Codex warns about it). */
  projectSkipped: boolean;
}

/**
 * Builds the config layers, lowest first: system, user, project, profile, -c, cloud config, legacy,
 * MDM defaults. `loadUnknownProject` adds an unknown-trust project as a thread-only layer without
 * its `[features]` (the second pass of `resolve`, spec §6.3).
 */
export function buildConfigStack(
  scenario: Scenario,
  managed: { cloudConfig?: string | undefined; mdmConfig?: string | undefined },
  diag: Diagnostics,
  opts: { loadUnknownProject: boolean; release: StackBehaviour },
): ConfigStack {
  const stack = buildLayers(scenario, managed, diag, opts);
  const keys = opts.release.ignoredConfigKeys;
  return keys.length === 0 ? stack : { ...stack, layers: stack.layers.map((l) => unread(l, keys)) };
}

function buildLayers(
  scenario: Scenario,
  managed: { cloudConfig?: string | undefined; mdmConfig?: string | undefined },
  diag: Diagnostics,
  opts: { loadUnknownProject: boolean; release: StackBehaviour },
): ConfigStack {
  const paths = managedPaths(scenario.host.os);
  const { projectConfig, untrustedProjectLeaks } = opts.release;
  const trust = scenario.project.trust;
  // Before 0.89 a project applies whatever its trust.
  const loaded = projectConfig === "always" || (projectConfig === "trusted" && trust === "trusted");
  const low: Source[] = [
    { kind: "system", label: paths.systemConfig, layerId: "system.config", text: scenario.system?.config },
    { kind: "user", label: paths.userConfig, layerId: "user.config", text: scenario.user?.config },
    {
      kind: "project",
      label: paths.projectConfig,
      layerId: "project.config",
      text: loaded ? scenario.project.config : undefined,
    },
  ];
  const layers = low
    .map((s) => parseLayer(s, diag, opts.release))
    .filter((l): l is ConfigLayer => l !== null);

  const profileName = scenario.session.profile;
  if (profileName !== undefined) {
    const profiles = layers.map((l) => l.doc.profiles).filter(isTable);
    const found = profiles.reverse().find((p) => isTable(p[profileName]));
    if (!found) {
      diag.fail({
        code: "profile-missing",
        layer: "session",
        message: `config profile \`${profileName}\` not found`,
      });
    } else {
      layers.push({
        kind: "profile",
        label: `profile ${profileName}`,
        layerId: "session",
        doc: found[profileName] as TomlTable,
      });
    }
  }

  const session = sessionDoc(scenario.session.overrides);
  if (session.error) diag.fail({ code: "override-invalid", layer: "session", message: session.error });
  if (Object.keys(session.doc).length > 0) {
    layers.push({ kind: "session", label: "-c overrides", layerId: "session", doc: session.doc });
  }

  const high: Source[] = [
    { kind: "cloud-config", label: "enterprise-managed config", layerId: "cloud", text: managed.cloudConfig },
    {
      kind: "legacy",
      label: paths.managedConfig,
      layerId: "system.managed_config",
      text: scenario.system?.managed_config,
    },
    { kind: "mdm-config", label: paths.mdmLegacy, layerId: "mdm.config", text: managed.mdmConfig },
  ];
  for (const s of high) {
    const l = parseLayer(s, diag, opts.release);
    if (l) layers.push(l);
  }
  const skipped = projectConfig === "trusted" && trust !== "trusted" && scenario.project.config !== undefined;
  // 0.120-0.124 leak an untrusted project at thread start, as they load one of unknown trust.
  const late = trust === "unknown" || (untrustedProjectLeaks && trust === "untrusted");
  if (skipped && !loaded && opts.loadUnknownProject && late && !diag.failed) {
    const project = parseLayer(
      {
        kind: "project",
        label: paths.projectConfig,
        layerId: "project.config",
        text: scenario.project.config,
      },
      diag,
      opts.release,
    );
    if (project) layers.splice(projectIndex(layers), 0, withoutFeatures(project));
  }
  return { layers, projectSkipped: skipped };
}

/** The project layer sits above system and user config, below profiles, `-c` and managed config. */
function projectIndex(layers: ConfigLayer[]): number {
  const i = layers.findIndex((l) => l.kind !== "system" && l.kind !== "user");
  return i < 0 ? layers.length : i;
}

const withoutFeaturesCache = new WeakMap<object, TomlTable>();
function withoutFeatures(layer: ConfigLayer): ConfigLayer {
  let doc = withoutFeaturesCache.get(layer.doc);
  if (!doc) {
    const { features: _ignored, ...rest } = layer.doc;
    doc = deepFreeze(rest);
    withoutFeaturesCache.set(layer.doc, doc);
  }
  const features = layer.doc.features;
  return { ...layer, doc, threadOnly: true, ...(isTable(features) ? { ignoredFeatures: features } : {}) };
}

/** The highest layer that sets a key, top-level or dotted (`sandbox_workspace_write.network_access`). */
export function configured(
  layers: readonly ConfigLayer[],
  key: string,
): { value: unknown; layer: ConfigLayer } | null {
  const path = key.split(".");
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    let v: unknown = l.doc;
    for (const seg of path) v = isTable(v) ? v[seg] : undefined;
    if (v !== undefined) return { value: v, layer: l };
  }
  return null;
}
