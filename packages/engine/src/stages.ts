import type { Outcome, Scenario } from "@codex-policy/spec";
import {
  applyMcpAllowlist,
  checkMcpAllowlist,
  commandRelease,
  decodeMdm,
  evaluateCommands,
  type ManagedRule,
  parseUserRules,
  resolveFeatures,
  resolveHooks,
  selectCloud,
  validateComposedRules,
} from "./areas.js";
import type { EditionSpec } from "./editions.js";
import { CONFIG_SWITCHES, checkConfigLayers } from "./effective/config-checks.js";
import { catalogueFor } from "./features/catalogue.js";
import { keyOf, StageCache } from "./memo.js";
import { type ComposedField, type ConfigLayer, Diagnostics, type RequirementLayer } from "./model.js";
import { checkPermissionRequirements } from "./permissions/definitions.js";
import { checkConfigProfiles, type ProfileLoadBehaviour } from "./permissions/profile-load.js";
import { checkComposed } from "./requirements/checks.js";
import { requirementKeySet } from "./requirements/collect.js";
import { type Composition, composeRequirements } from "./requirements/compose.js";
import { requirementsReport } from "./requirements/report.js";
import { VALIDATION_SWITCHES, validateRequirementLayer } from "./requirements/validate.js";
import { warnIgnoredKeys } from "./unknown-keys.js";

/*
 * Memoized stages of `resolve`. Each is a pure function of frozen parsed documents and a few
 * primitives; the key names exactly those inputs, and diagnostics are replayed on a hit.
 */

type AnyLayer = { kind: string; label: string; layerId: string; doc: object; source?: string };
const layersKey = (ls: readonly AnyLayer[]): string =>
  ls.map((l) => keyOf(l.kind, l.source ?? "", l.label, l.layerId, l.doc)).join(";");

/** Releases with the same vocabulary validate alike, so they share memo entries. */
const VOCABULARY_SWITCHES = [...new Set([...VALIDATION_SWITCHES, ...CONFIG_SWITCHES])];
const vocabularyKeys = new WeakMap<EditionSpec, string>();
const specKeys = new WeakMap<EditionSpec, string>();
/** One key per edition object: a spec with a change toggled shares its release's id, not its results. */
let nextSpec = 0;
function specKey(e: EditionSpec): string {
  let k = specKeys.get(e);
  if (k === undefined) {
    k = `${e.id}~${nextSpec++}`;
    specKeys.set(e, k);
  }
  return k;
}
function vocabularyKey(e: EditionSpec): string {
  let k = vocabularyKeys.get(e);
  if (k === undefined) {
    k = `${VOCABULARY_SWITCHES.map((s) => String(e[s])).join("|")}#`;
    vocabularyKeys.set(e, k);
  }
  return k;
}

const validation = new StageCache<null>(1024);
/** The first validation error of a requirements layer, as a diagnostic. */
export function validateLayer(layer: RequirementLayer, diag: Diagnostics, release: EditionSpec): void {
  // The text is part of the key: the error's line and column come from it.
  validation.run(`${vocabularyKey(release)}${layersKey([layer])}/${layer.text ?? ""}`, diag, (d) => {
    const err = validateRequirementLayer(layer, release);
    if (err?.hint) d.notice({ kind: "hint", field: err.path, source: layer.source, message: err.hint });
    if (err) d.fail(err.error);
    return null;
  });
}

const ignored = new StageCache<null>();
/** The unrecognized-settings warning (from 0.156; earlier releases ignore such keys silently). */
export function ignoredKeys(
  req: RequirementLayer[],
  config: ConfigLayer[],
  diag: Diagnostics,
  release: Pick<EditionSpec, "unknownKeyWarnings" | "requirementKeys">,
): void {
  const warn = release.unknownKeyWarnings;
  const known = requirementKeySet(release.requirementKeys);
  ignored.run(`${warn}${known.size}${layersKey(req)}/${layersKey(config)}`, diag, (d) => {
    const all = new Diagnostics();
    warnIgnoredKeys(req, config, all, known);
    for (const n of all.notices) d.notice(n);
    if (warn) for (const w of all.warnings) d.warn(w.code, w.message);
    return null;
  });
}

export interface RequirementsStage {
  composed: Composition;
  requirements: Outcome["requirements"];
  managedRules: ManagedRule[];
}

const composition = new StageCache<RequirementsStage>();
/** Composition, the requirements report, post-composition checks and managed rule validation. */
export function composeStage(
  layers: RequirementLayer[],
  edition: EditionSpec,
  host: string,
  os: Scenario["host"]["os"],
  diag: Diagnostics,
): RequirementsStage {
  return composition.run(keyOf(specKey(edition), host, os) + layersKey(layers), diag, (d) => {
    const composed = composeRequirements(layers, edition, host, os);
    for (const r of composed.remote) {
      if (r.applied === null) continue;
      d.notice({
        kind: "remote-sandbox-match",
        field: "allowed_sandbox_modes",
        effective: r.entries[r.applied]?.modes,
        source: r.source,
        message: `remote_sandbox_config entry ${r.applied} of ${r.source} matched host \`${r.host}\` and replaced that layer's allowed_sandbox_modes.`,
      });
    }
    const requirements = requirementsReport(composed.fields, composed.rules !== null, edition);
    if (composed.error) d.fail(composed.error);
    const checked = d.failed
      ? null
      : (checkComposed(composed.fields) ?? checkMcpAllowlist(composed.fields.mcp_servers));
    if (checked) d.fail(checked);
    let managedRules: ManagedRule[] = [];
    if (!d.failed && composed.rules) {
      const empty = composed.emptyRulesLayer;
      const r = validateComposedRules(
        composed.rules,
        empty ? { label: empty.label, layerId: empty.layerId } : undefined,
        edition.ruleDecisions,
      );
      if ("error" in r) d.fail(r.error);
      else managedRules = r.rules;
    }
    return { composed, requirements, managedRules };
  });
}

const configChecks = new StageCache<null>();
export function checkConfig(layers: ConfigLayer[], diag: Diagnostics, release: EditionSpec): void {
  configChecks.run(vocabularyKey(release) + layersKey(layers), diag, (d) => {
    checkConfigLayers(layers, d, release);
    return null;
  });
}

const features = new StageCache<ReturnType<typeof resolveFeatures>>();
export function featuresStage(
  pins: ComposedField | undefined,
  layers: ConfigLayer[],
  enable: string[],
  disable: string[],
  diag: Diagnostics,
  release: Pick<EditionSpec, "unknownFeaturePin" | "featureRelease">,
): ReturnType<typeof resolveFeatures> {
  const unknownPin = release.unknownFeaturePin;
  const catalogue = catalogueFor(release.featureRelease);
  const key =
    keyOf(
      pins?.value,
      pins?.layer.label,
      enable.join(","),
      disable.join(","),
      unknownPin,
      catalogue.release,
    ) + layersKey(layers);
  return features.run(key, diag, (d) =>
    resolveFeatures({ pins, configLayers: layers, enable, disable, unknownPin, catalogue }, d),
  );
}

const mcp = new StageCache<ReturnType<typeof applyMcpAllowlist>>();
export function mcpStage(layers: ConfigLayer[], allowlist: ComposedField | undefined, diag: Diagnostics) {
  const key = keyOf(allowlist?.value, allowlist?.layer.label) + layersKey(layers);
  return mcp.run(key, diag, (d) => applyMcpAllowlist({ configLayers: layers, allowlist }, d));
}

const hooks = new StageCache<ReturnType<typeof resolveHooks>>();
export function hooksStage(input: Parameters<typeof resolveHooks>[0], diag: Diagnostics) {
  const key =
    keyOf(input.composed?.value, input.allowManagedOnly, input.hooksJson ?? null, input.hooksFeatureEnabled) +
    layersKey(input.configLayers);
  return hooks.run(key, diag, (d) => resolveHooks(input, d));
}

const userRules = new Map<string, ReturnType<typeof parseUserRules>>();
export function userRulesStage(text: string): ReturnType<typeof parseUserRules> {
  let r = userRules.get(text);
  if (!r) {
    r = parseUserRules(text);
    if (userRules.size >= 64) userRules.delete(userRules.keys().next().value as string);
    userRules.set(text, r);
  }
  return r;
}

const commands = new StageCache<ReturnType<typeof evaluateCommands>>();
export function commandsStage(
  list: string[],
  ctx: Parameters<typeof evaluateCommands>[1],
  diag: Diagnostics,
) {
  const key = keyOf(
    list.join("\u0000"),
    ctx.managed,
    ctx.user,
    ctx.approval,
    ctx.reviewer,
    ctx.sandbox,
    ctx.reviewerForced,
    ctx.loginShell,
    ctx.shellTool,
    ...Object.values(commandRelease(ctx.release)),
  );
  return commands.run(key, diag, () => evaluateCommands(list, ctx));
}

const mdmPayloads = new StageCache<ReturnType<typeof decodeMdm>>(64);
/** MDM payloads decoded once per distinct payload and host OS. */
export function mdmStage(scenario: Scenario, diag: Diagnostics): ReturnType<typeof decodeMdm> {
  const m = scenario.mdm;
  const key = keyOf(scenario.host.os, m?.requirements_toml_base64 ?? null, m?.config_toml_base64 ?? null);
  return mdmPayloads.run(key, diag, (d) => decodeMdm(scenario, d));
}

const clouds = new StageCache<ReturnType<typeof selectCloud>>(64);
/** Cloud selection, once per cloud policy object, identity and edition. */
export function cloudStage(
  scenario: Scenario,
  edition: EditionSpec,
  diag: Diagnostics,
): ReturnType<typeof selectCloud> {
  const id = scenario.identity;
  const key = keyOf(
    specKey(edition),
    scenario.cloud ?? null,
    id.auth,
    id.plan ?? "",
    id.user ?? "",
    id.account ?? "",
    id.groups.join("\u0001"),
  );
  return clouds.run(key, diag, (d) => selectCloud(scenario, edition, d));
}

/** The managed profile allow-list, then the config's own profiles against it (permission profiles). */
export function permissionsStage(
  fields: Record<string, ComposedField>,
  config: ConfigLayer[],
  diag: Diagnostics,
  release: ProfileLoadBehaviour,
  threadSandbox?: string,
): void {
  const err =
    checkPermissionRequirements(fields, config) ??
    checkConfigProfiles(fields, config, release, threadSandbox);
  if (err) diag.fail(err);
}
