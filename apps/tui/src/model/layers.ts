/** The configuration layers the simulator shows, in display order (highest requirement sources first). */
export type LayerKind =
  | "cloud.rule"
  | "cloud.default"
  | "cloud.config"
  | "mdm.requirements"
  | "mdm.config"
  | "system.requirements"
  | "system.managed_config"
  | "system.config"
  | "user.config"
  | "user.rules"
  | "user.hooks"
  | "project.config"
  | "session";

export interface Layer {
  /** Stable key inside the UI: the kind for fixed layers, `cloud.rule#<n>` for group rules. */
  key: string;
  kind: LayerKind;
  enabled: boolean;
  /** The document as the author edits it (TOML, or .rules / hooks.json text). Kept while switched off. */
  text: string;
  /** Group rules only. */
  name?: string;
  groups?: string[];
  /** MDM payloads that are not clean base64 of UTF-8 are kept (and edited) as the raw base64 string. */
  rawBase64?: boolean;
}

/** Fixed layers in display order; group rules are listed before them. */
export const FIXED_LAYER_KINDS: readonly Exclude<LayerKind, "cloud.rule">[] = [
  "cloud.default",
  "cloud.config",
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
];

const LABELS: Record<LayerKind, string> = {
  "cloud.rule": "cloud rule",
  "cloud.default": "cloud default policy",
  "cloud.config": "cloud managed config",
  "mdm.requirements": "MDM requirements_toml_base64",
  "mdm.config": "MDM config_toml_base64",
  "system.requirements": "/etc/codex/requirements.toml",
  "system.managed_config": "managed_config.toml (legacy)",
  "system.config": "/etc/codex/config.toml",
  "user.config": "~/.codex/config.toml",
  "user.rules": "~/.codex/rules/*.rules",
  "user.hooks": "~/.codex/hooks.json",
  "project.config": ".codex/config.toml (project)",
  session: "session overrides (-c, --enable)",
};

export function layerLabel(layer: Layer): string {
  if (layer.kind === "cloud.rule") {
    const groups = layer.groups?.length ? layer.groups.join(", ") : "no groups";
    return `cloud rule "${layer.name ?? "?"}" [${groups}]`;
  }
  return LABELS[layer.kind];
}

/** Whether the layer text is a TOML document (others are Starlark or JSON). */
export function isTomlLayer(layer: Layer): boolean {
  return layer.kind !== "user.rules" && layer.kind !== "user.hooks" && !layer.rawBase64;
}
