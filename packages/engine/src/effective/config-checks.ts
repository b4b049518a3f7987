import type { OutcomeError } from "@codex-policy/spec";
import { configFeature } from "../areas.js";
import { locateValue } from "../config/locate.js";
import { mcpTransportProblem } from "../config/mcp-transport.js";
import { configured } from "../config/stack.js";
import type { Behaviour } from "../editions.js";
import { checkFeatureValue } from "../features/tables.js";
import {
  CONFIG_UNTRUSTED_APPROVAL,
  invalidType,
  legacyProfileError,
  serdeFieldError,
  unknownVariant,
} from "../messages.js";
import type { ConfigLayer, Diagnostics } from "../model.js";
import { APPROVAL_SPELLINGS, approvalSpellingProblem } from "../requirements/fields.js";
import { isTable, serdeType } from "../toml.js";

/** What a release accepts in config files, and which bad value it reports first. */
export const CONFIG_SWITCHES = [
  "configUntrustedFatal",
  "configErrorOrder",
  "approvalModes",
  "webSearchModes",
  "reviewers",
  "configErrorFormat",
  "onFailureAsOnRequest",
] as const satisfies readonly (keyof Behaviour)[];
export type ConfigBehaviour = Pick<Behaviour, (typeof CONFIG_SWITCHES)[number]>;

const ALL_VARIANTS: Record<string, readonly string[]> = {
  approval_policy: ["untrusted", "on-failure", "on-request", "never"],
  sandbox_mode: ["read-only", "workspace-write", "danger-full-access"],
  web_search: ["disabled", "cached", "indexed", "live"],
  approvals_reviewer: ["user", "auto_review", "guardian_subagent"],
};

const variantsCache = new WeakMap<ConfigBehaviour, Record<string, readonly string[]>>();
/** The config enum spellings a release accepts, in the order its errors list them. */
export function configVariants(release: ConfigBehaviour): Record<string, readonly string[]> {
  let v = variantsCache.get(release);
  if (!v) {
    v = {
      ...ALL_VARIANTS,
      approval_policy: APPROVAL_SPELLINGS.filter((m) => release.approvalModes.includes(m)),
      web_search: ALL_VARIANTS.web_search!.filter((m) => release.webSearchModes.includes(m)),
      approvals_reviewer: ALL_VARIANTS.approvals_reviewer!.filter((r) => release.reviewers.includes(r)),
    };
    variantsCache.set(release, v);
  }
  return v;
}

/**
 * A config value Codex cannot deserialize: from 0.90 as `<file>:<line>:<col>: <message>`; before, as
 * serde's message and the key path of the merged config, which names no file. A `-c` value never
 * names a file.
 */
function failAt(
  layer: ConfigLayer,
  path: string[],
  code: string,
  message: string,
  diag: Diagnostics,
  release: ConfigBehaviour,
): void {
  if (layer.kind === "session" || release.configErrorFormat === "field-path") {
    diag.fail({
      code,
      layer: layer.layerId,
      message: serdeFieldError(message, path.join(".")),
    });
    return;
  }
  const at = locateValue(layer.text, path);
  diag.fail({
    code,
    layer: layer.layerId,
    message: `${layer.label}${at ? `:${at.line}:${at.column}` : ""}: ${message}`,
    ...(at ?? {}),
  });
}

/** The first `[features]` value of the wrong type, if any (also inside profiles). */
function badFeature(layer: ConfigLayer): { path: string[]; message: string } | null {
  const tables: [string[], unknown][] = [[["features"], layer.doc.features]];
  if (isTable(layer.doc.profiles)) {
    for (const [p, body] of Object.entries(layer.doc.profiles)) {
      if (isTable(body)) tables.push([["profiles", p, "features"], body.features]);
    }
  }
  for (const [prefix, table] of tables) {
    if (!isTable(table)) continue;
    for (const [k, v] of Object.entries(table)) {
      const spec = configFeature(k);
      if (!spec) continue;
      const check = checkFeatureValue(spec.key, v);
      if (check.kind !== "refused") continue;
      return {
        path: [...prefix, k],
        message: check.tableFeature
          ? "data did not match any variant of untagged enum FeatureToml"
          : invalidType(serdeType(v), "a boolean"),
      };
    }
  }
  return null;
}

/** The highest layer that sets `path` (layers are merged before Codex reads them). */
const owner = (layers: ConfigLayer[], path: string[]): ConfigLayer | undefined =>
  configured(layers, path.join("."))?.layer;

/**
 * Config-level refusals: removed settings and values Codex cannot read. Codex merges the config
 * layers before reading them, so only the value that wins is checked, against the layer it came from
 * (a user `approval_policy = "untrusted"` under a legacy `never` is fine: fuzz seed 7002).
 */
export function checkConfigLayers(layers: ConfigLayer[], diag: Diagnostics, release: ConfigBehaviour): void {
  const profileOwner = owner(
    layers.filter((l) => l.kind !== "session" && l.kind !== "profile"),
    ["profile"],
  );
  const profile = profileOwner?.doc.profile;
  if (profileOwner && typeof profile === "string") {
    diag.fail({
      code: "config-legacy-profile",
      layer: profileOwner.layerId,
      message: legacyProfileError(profile),
    });
    return;
  }
  const first = firstProblem(layers, release);
  if (!first) return;
  if (first.code === "config-approval-untrusted") {
    diag.fail({ code: first.code, layer: first.layer.layerId, message: first.message });
    return;
  }
  // From 0.90 Codex locates a failure of the merged config by reading its layers again one at a
  // time, lowest first: the first that fails alone is reported, even for a value a higher layer
  // replaces (binary 0.100.0-0.169.0: a system approval_policy under a user one that also fails).
  const alone =
    release.configErrorFormat === "located"
      ? layers
          .map((l) => firstProblem([l], release))
          .find((p): p is Problem => p !== null && p.code !== "config-approval-untrusted")
      : undefined;
  const shown = alone ?? first;
  if (shown.failure) {
    diag.fail(shown.failure);
    return;
  }
  failAt(shown.layer, shown.path, shown.code, shown.message, diag, release);
}

/** The value Codex reports first when it reads `layers` merged, if any fails. */
function firstProblem(layers: ConfigLayer[], release: ConfigBehaviour): Problem | null {
  const problems: Problem[] = [];
  for (const [key, variants] of Object.entries(configVariants(release))) {
    const p = variantProblem(layers, key, variants, release);
    if (p) problems.push(p);
  }
  for (const layer of [...layers].reverse()) {
    const feature = badFeature(layer);
    if (feature && owner(layers, feature.path) === layer) {
      problems.push({ layer, path: feature.path, code: "invalid-type", message: feature.message });
      break;
    }
  }
  const mcp = mcpTransportProblem(layers);
  if (mcp) problems.push({ ...mcp, path: ["mcp_servers", mcp.name], code: "config-invalid", message: "" });
  // A removed setting is noticed only once the whole config has been read (0.150.0, 0.169.0).
  const rank = keyRank(layers, release.configErrorOrder);
  const late = (p: Problem): number => (p.code === "config-approval-untrusted" ? 1 : 0);
  return problems.sort((a, b) => late(a) - late(b) || rank(a.path[0]!) - rank(b.path[0]!))[0] ?? null;
}

interface Problem {
  layer: ConfigLayer;
  path: string[];
  code: string;
  message: string;
  /** The whole failure, where the problem reports itself in its own way. */
  failure?: OutcomeError;
}

function variantProblem(
  layers: ConfigLayer[],
  key: string,
  variants: readonly string[],
  release: ConfigBehaviour,
): Problem | null {
  const layer = owner(layers, [key]);
  if (!layer) return null;
  const v = layer.doc[key];
  const at = { layer, path: [key] };
  if (key === "approval_policy" && isTable(v)) return null; // granular form
  if (key === "approval_policy" && v === "untrusted" && release.configUntrustedFatal)
    return { ...at, code: "config-approval-untrusted", message: CONFIG_UNTRUSTED_APPROVAL };
  if (typeof v !== "string") return { ...at, code: "invalid-type", message: "wanted string or table" };
  if (key === "approval_policy") {
    const p = approvalSpellingProblem(v, variants);
    return p ? { ...at, ...p } : null;
  }
  if (!variants.includes(v)) return { ...at, code: "unknown-variant", message: unknownVariant(v, variants) };
  return null;
}

/**
 * Which failing top-level key Codex reports first. Up to 0.132 it reads the merged config with its
 * keys sorted (binary 0.100.0-0.132.0: `features` before `sandbox_mode`); from 0.133 in the order
 * the files write them, lowest layer first (0.133.0, 0.150.0, 0.169.0).
 */
function keyRank(layers: ConfigLayer[], order: ConfigBehaviour["configErrorOrder"]): (key: string) => number {
  if (order === "sorted") {
    const keys = [...new Set(layers.flatMap((l) => Object.keys(l.doc)))].sort(byBytes);
    return (key) => keys.indexOf(key);
  }
  const seen: string[] = [];
  for (const l of layers) for (const k of Object.keys(l.doc)) if (!seen.includes(k)) seen.push(k);
  return (key) => seen.indexOf(key);
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Thread parameters a client passes to thread/start; the server rejects invalid ones as an invalid
 * request. From 0.143 its approval variants no longer list on-failure, read as on-request there.
 */
export function checkThreadParams(
  thread: {
    approval_policy?: string | undefined;
    approvals_reviewer?: string | undefined;
    sandbox?: string | undefined;
  },
  diag: Diagnostics,
  release: ConfigBehaviour,
): void {
  const variants = configVariants(release);
  const approval = release.onFailureAsOnRequest
    ? variants.approval_policy!.filter((m) => m !== "on-failure")
    : variants.approval_policy!;
  const pairs: [string | undefined, readonly string[]][] = [
    [thread.approval_policy, approval],
    [thread.approvals_reviewer, variants.approvals_reviewer!],
    [thread.sandbox, variants.sandbox_mode!],
  ];
  for (const [v, variants] of pairs) {
    if (v !== undefined && !variants.includes(v)) {
      diag.fail({
        code: "unknown-variant",
        layer: "thread",
        message: `Invalid request: ${unknownVariant(v, variants)}`,
      });
      return;
    }
  }
}
