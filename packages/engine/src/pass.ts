import {
  type Edition,
  type Outcome,
  type OutcomeError,
  type Scenario,
  webSearchAccess,
} from "@codex-policy/spec";
import {
  credentialMaskingInactive,
  featureDeprecationNotices,
  featureEnabled,
  multiAgentDeprecated,
} from "./areas.js";
import { buildConfigStack, MANAGED_CONFIG_KINDS } from "./config/stack.js";
import { decidedEntries } from "./decided.js";
import type { EditionSpec } from "./editions.js";
import { requireAutoReview } from "./effective/auto-review-required.js";
import { checkThreadParams } from "./effective/config-checks.js";
import { checkModelProvider } from "./effective/model-provider.js";
import { pinnedSettings } from "./effective/pinned-settings.js";
import { resolveCore, resolveWebSearch } from "./effective/resolve-effective.js";
import { reviewerConstraint } from "./effective/settings.js";
import { checkFeatureFlags } from "./features/flags.js";
import { listedMcpServers } from "./mcp/listed.js";
import {
  CREDENTIAL_MASKING_INACTIVE,
  MULTI_AGENT_DEPRECATED,
  projectDisabledWarning,
  USER_RULES_INVALID,
} from "./messages.js";
import { type ConfigLayer, Diagnostics, type RequirementLayer } from "./model.js";
import { commandHooksNotice, notModelledNotices } from "./not-modelled.js";
import { checkDenyReadGlobs, denyReadPatterns } from "./permissions/deny-read.js";
import {
  legacyLayers,
  orderLayers,
  parseRequirementText,
  readableLayer,
  requirementTexts,
} from "./requirements/collect.js";
import { matchHostname } from "./requirements/hostname.js";
import { unreportedFields } from "./requirements/report.js";
import {
  checkConfig,
  cloudStage,
  commandsStage,
  composeStage,
  featuresStage,
  hooksStage,
  ignoredKeys,
  mdmStage,
  permissionsStage,
  userRulesStage,
  validateLayer,
} from "./stages.js";
import { isTable } from "./toml.js";
import { buildTrace } from "./trace.js";

/** The ordinary config files, in the order Codex loads them. */
const FILE_ORDER = ["system.config", "user.config", "project.config"];

/** Config errors Codex meets before it loads requirements: `-c` and the managed config files. */
const EARLY_CONFIG_LAYERS = new Set(["system.managed_config", "mdm.config", "cloud"]);
function readBeforeRequirements(e: { code: string; layer: string }): boolean {
  return EARLY_CONFIG_LAYERS.has(e.layer) || e.code === "override-invalid";
}

/**
 * The `-c` values checked on their own against their variants. From 0.110 a value managed config
 * sets over one never reaches the check, unless the managed value cannot load either (binary 0.125.0).
 */
function checkOverrides(layers: ConfigLayer[], diag: Diagnostics, edition: EditionSpec): void {
  const at = layers.findIndex((l) => l.kind === "session");
  const session = layers[at];
  if (!session) return;
  const above = edition.configReadMerged ? layers.slice(at + 1).map((l) => l.doc) : [];
  const loads = (key: string, value: unknown) => {
    const alone = new Diagnostics();
    checkConfig([{ ...session, doc: { [key]: value } }], alone, edition);
    return !alone.failed;
  };
  checkConfig([{ ...session, doc: notOverridden(session.doc, above, loads) }], diag, edition);
}

/**
 * The config values, as merged. From 0.89 to 0.107 the system and user config with the `-c` values
 * are read before the project and managed config apply, so a bad value there stops Codex even where
 * a project or managed config sets the key (binary 0.89.0, 0.99.0, 0.100.0, 0.107.0).
 */
function checkConfigStack(layers: ConfigLayer[], diag: Diagnostics, edition: EditionSpec): void {
  if (!edition.configReadMerged) checkConfig(readAlone(layers), diag, edition);
  if (!diag.failed) checkConfig(layers, diag, edition);
}

/** The layers Codex has read when it meets a config file that does not parse: the files before it, `-c` and managed config. */
function readBefore(layers: ConfigLayer[], broken: string): ConfigLayer[] {
  const at = FILE_ORDER.indexOf(broken);
  return layers.filter((l) => {
    const i = FILE_ORDER.indexOf(l.layerId);
    return i < 0 ? l.kind !== "project" : i < at;
  });
}

/** The layers read on their own, before project and managed config apply, from 0.89 to 0.107. */
function readAlone(layers: ConfigLayer[]): ConfigLayer[] {
  return layers.filter((l) => !MANAGED_CONFIG_KINDS.has(l.kind) && l.kind !== "project");
}

/**
 * What Codex reads before it meets the config file that does not parse. From 0.147 the system config
 * is read as soon as it loads. The project config loads only after the base config is read: system,
 * user and `-c` from 0.89 to 0.107, the `-c` values alone from 0.147 (binary 0.100.0, 0.147.0,
 * 0.150.0; 0.87.0, 0.110.0-0.146.0 report the project syntax error over them).
 */
function checkBeforeBrokenFile(
  layers: ConfigLayer[],
  broken: string,
  diag: Diagnostics,
  edition: EditionSpec,
): void {
  if (edition.systemConfigReadFirst && broken !== "system.config")
    checkConfig(
      layers.filter((l) => l.layerId === "system.config"),
      diag,
      edition,
    );
  if (diag.failed || broken !== "project.config") return;
  if (!edition.configReadMerged) checkConfig(readAlone(layers), diag, edition);
  else if (edition.overrideCheck === "with-config") checkOverrides(layers, diag, edition);
}

/**
 * One resolution of the configuration, as Codex does it once at startup and again when a thread
 * starts (`resolve.ts` combines the passes). Never emits the `invalid-configuration` warning.
 */
export function resolvePass(given: Scenario, edition: EditionSpec, loadUnknownProject: boolean): Outcome {
  const scenario = withoutUnknownThreadParams(given, edition);
  const id: Edition = edition.id;
  const diag = new Diagnostics();
  const host = matchHostname(scenario.host);
  let reqLayers: RequirementLayer[] = [];

  checkFeatureFlags(scenario.session, edition.featureRelease, diag);
  if (diag.failed) {
    const [error] = diag.errors;
    return {
      edition: id,
      status: "refused",
      requirements: {},
      effective: null,
      notices: [],
      warnings: [],
      errors: [error!],
    };
  }
  const cloud = cloudStage(scenario, edition, diag);
  const mdm = mdmStage(scenario, diag);
  // Codex that refuses to run reports no requirements; the trace keeps the layers.
  const refuse = (): Outcome => {
    return {
      edition: id,
      status: "refused",
      requirements: {},
      effective: null,
      cloud: cloud.report,
      notices: diag.notices,
      warnings: diag.warnings,
      errors: diag.errors.slice(0, 1),
      trace: buildTrace(cloud.groupRules, reqLayers, host, cloud.report),
    };
  };
  if (diag.failed) return refuse();

  // Codex reads `-c` and the managed config files before requirements, and the other config files
  // after requirements are validated (binary: a managed_config syntax error beats a requirements one,
  // which beats a user or system config error).
  const cloudActive = cloud.report.path === "cache" || cloud.report.path === "fetched";
  const cloudConfig = cloudActive ? scenario.cloud?.config : undefined;
  const stackDiag = new Diagnostics();
  const stack = buildConfigStack(scenario, { cloudConfig, mdmConfig: mdm.config }, stackDiag, {
    loadUnknownProject,
    release: edition,
  });
  const early = stackDiag.errors.filter(readBeforeRequirements);
  // Before 0.137 a broken managed config file is only reported once requirements load cleanly.
  const managedLate = (e: OutcomeError) => !edition.managedConfigErrorsFirst && e.code !== "override-invalid";
  for (const e of early) if (!managedLate(e)) diag.fail(e);
  if (diag.failed) return refuse();
  // From 0.117 to 0.146 a `-c` value of the wrong variant stops Codex before requirements are read.
  if (edition.overrideCheck === "before-requirements") {
    checkOverrides(stack.layers, diag, edition);
    if (diag.failed) return refuse();
  }

  for (const t of requirementTexts(scenario, cloud.layer, mdm.requirements)) {
    const layer = parseRequirementText(t, diag, edition);
    if (layer) reqLayers.push(layer);
  }
  if (diag.failed) return refuse();
  const asWritten = orderLayers([...reqLayers, ...legacyLayers(stack.layers, edition, diag)], edition);
  if (diag.failed) return refuse();
  reqLayers = asWritten.map((l) => readableLayer(l, edition.requirementKeys));
  for (const layer of reqLayers) {
    validateLayer(layer, diag, edition);
    if (diag.failed) return refuse();
  }
  for (const e of early) if (managedLate(e)) diag.fail(e);
  if (diag.failed) return refuse();
  const late = stackDiag.errors.filter((e) => !readBeforeRequirements(e));
  if (late.length > 0) {
    // Requirements are composed and checked before those files are read (binary: an empty allowed
    // list beats a user config syntax error).
    const composing = new Diagnostics();
    const composition = composeStage(reqLayers, edition, host, scenario.host.os, composing);
    // The config files load in order and stop at the first that does not parse; what Codex reads
    // before it gets there is checked first.
    const broken = late[0]!.layer;
    const checking = new Diagnostics();
    if (FILE_ORDER.includes(broken)) checkBeforeBrokenFile(stack.layers, broken, checking, edition);
    // The command line alone is resolved first: its `never` with a refused full access fails
    // before any file is read (binary).
    const cliOnly = new Diagnostics();
    if (!composing.failed) {
      const cli = stack.layers.filter((l) => l.kind === "session");
      resolveCore(
        { ...scenario, session: { ...scenario.session, thread: undefined } },
        cli,
        composition.composed.fields,
        cliOnly,
        edition,
      );
    }
    // Only a `never` the command line sets counts: one that requirements force (a legacy managed config
    // allowing nothing else) is checked with the files (binary 0.145.0, 0.169.0: a project syntax error
    // wins). Under legacy requirements even a `-c` never loses to that syntax error (0.169.0): not modelled.
    const cliNever = stack.layers.some((l) => l.kind === "session" && l.doc.approval_policy === "never");
    const cliError = cliNever
      ? cliOnly.errors.find((e) => e.code === "never-with-disallowed-full-access")
      : undefined;
    // From 0.147 the permission profiles are checked against what has been read: the requirements'
    // allow-list and default, and the profiles of the files read before the broken one.
    const profiling = new Diagnostics();
    if (edition.profilesCheckedBeforeBrokenFile && !composing.failed && FILE_ORDER.includes(broken))
      permissionsStage(composition.composed.fields, readBefore(stack.layers, broken), profiling, edition);
    diag.fail(composing.errors[0] ?? profiling.errors[0] ?? cliError ?? checking.errors[0] ?? late[0]!);
    return refuse();
  }
  // Before 0.117 the same check comes once requirements and the config files have loaded (binary
  // 0.115.0: a requirements error wins; 0.100.0: a user config syntax error wins).
  if (edition.overrideCheck === "after-requirements") {
    checkOverrides(stack.layers, diag, edition);
    if (diag.failed) return refuse();
  }
  // Codex reports the untrusted project folder before the ignored keys.
  if (stack.projectSkipped && edition.projectDisabledWarning)
    diag.warn(
      "project-config-disabled",
      projectDisabledWarning(
        scenario.project.trust,
        edition.untrustedProjectSource,
        edition.projectWarningWording,
      ),
    );
  if (multiAgentDeprecated(stack.layers, edition))
    diag.warn("multi-agent-deprecated", MULTI_AGENT_DEPRECATED);
  ignoredKeys(asWritten, stack.layers, diag, edition);

  const { composed, requirements, managedRules } = composeStage(
    reqLayers,
    edition,
    host,
    scenario.host.os,
    diag,
  );
  const pinned = pinnedSettings(composed.fields, stack.layers, diag);
  if (!diag.failed)
    permissionsStage(composed.fields, stack.layers, diag, edition, scenario.session.thread?.sandbox);
  if (!diag.failed) checkModelProvider(composed.fields, stack.layers, diag);
  if (!diag.failed) notModelledNotices(composed.fields, stack.layers, diag);
  if (!diag.failed) checkConfigStack(stack.layers, diag, edition);
  if (!diag.failed && scenario.session.thread) checkThreadParams(scenario.session.thread, diag, edition);
  if (diag.failed) return refuse();

  const s = scenario.session;
  const pins = composed.fields.features;
  const features = featuresStage(pins, stack.layers, s.enable, s.disable, diag, edition);
  if (diag.failed) return refuse();
  if (credentialMaskingInactive(features, composed.fields.experimental_network))
    diag.warn("credential-masking-inactive", CREDENTIAL_MASKING_INACTIVE);
  const core = resolveCore(scenario, stack.layers, composed.fields, diag, edition, loadUnknownProject);
  if (!core || diag.failed) return refuse();
  if (edition.autoReviewRequiredOnModels) {
    const guardianOn = featureEnabled(features, "guardian_approval");
    core.reviewer = requireAutoReview(
      stack.layers,
      composed.fields,
      core.reviewer,
      guardianOn,
      diag,
      edition,
    );
    if (diag.failed) return refuse();
  }
  const unsafeGlob = checkDenyReadGlobs(
    composed.fields.permissions,
    denyReadPatterns(composed.fields),
    edition,
  );
  if (unsafeGlob) {
    diag.fail(unsafeGlob);
    return refuse();
  }
  // Deprecated feature flags still choose a mode when `web_search` is not set; cached wins (binary).
  const featureMode = featureEnabled(features, "web_search_cached")
    ? "cached"
    : featureEnabled(features, "web_search_request")
      ? "live"
      : null;
  const web = resolveWebSearch(stack.layers, composed.fields, core.sandbox.value, featureMode, diag, edition);
  if (!web) return refuse();

  const mcp = listedMcpServers(
    {
      layers: stack.layers,
      allowlist: composed.fields.mcp_servers,
      features,
      leakedProject: edition.untrustedProjectLeaks && scenario.project.trust === "untrusted",
      appsServerListed: edition.appsServerListed,
    },
    diag,
  );
  // A thread-only project layer's hooks stay disabled, as the trust warning says.
  const listed = stack.layers.filter((l) => !l.threadOnly);
  const hooks = hooksStage(
    {
      composed: composed.fields.hooks,
      allowManagedOnly: composed.fields.allow_managed_hooks_only?.value === true,
      configLayers: listed,
      ...(scenario.user?.hooks_json !== undefined ? { hooksJson: scenario.user.hooks_json } : {}),
      hooksFeatureEnabled: features.hooks?.enabled !== false,
    },
    diag,
  );
  // A user rules file Codex cannot parse is dropped whole, with a warning ahead of all others.
  const parsedRules =
    scenario.user?.rules !== undefined ? userRulesStage(scenario.user.rules) : { rules: [], errors: [] };
  const userRules = parsedRules.errors.length > 0 ? { rules: [] } : parsedRules;
  if (parsedRules.errors.length > 0)
    diag.warnings.unshift({ code: "user-rules-invalid", message: USER_RULES_INVALID });
  if (diag.failed) return refuse();
  const commands = commandsStage(
    scenario.probe.commands,
    {
      managed: managedRules,
      user: userRules.rules,
      approval: core.approval.value,
      reviewer: core.reviewer.value,
      sandbox: core.sandbox.value,
      // Before 0.154 the untrusted policy asks the user even when requirements only allow auto_review.
      reviewerForced:
        edition.untrustedHonoursRequiredReviewer &&
        reviewerConstraint(composed.fields.allowed_approvals_reviewers).allowed?.includes("user") === false,
      loginShell: pinned.allow_login_shell,
      shellTool: features.shell_tool?.enabled !== false,
      release: edition,
    },
    diag,
  );
  commandHooksNotice(hooks, scenario.probe.commands, diag);
  const sources = {
    approval_policy: core.approval.origin,
    approvals_reviewer: core.reviewer.origin,
    sandbox_mode: core.sandbox.origin,
    permission_profile: core.profile.origin,
    network_access: core.network.origin,
    web_search: web.origin,
  };

  return {
    edition: id,
    status: "ok",
    requirements: reviewerNamed(requirements, edition),
    effective: {
      approval_policy: core.approval.value,
      approvals_reviewer: reviewerName(core.reviewer.value, edition),
      sandbox_mode: core.sandbox.value,
      permission_profile: core.profile.value,
      network_access: core.network.value,
      web_search: web.value,
      web_search_access: webSearchAccess(web.value),
      features,
      mcp_servers: mcp,
      hooks,
      commands,
      sources,
    },
    cloud: cloud.report,
    notices: diag.notices,
    // Deprecation notices reach the user after the config warnings.
    warnings: [
      ...diag.warnings,
      ...featureDeprecationNotices(stack.layers, s.enable, s.disable, edition).map((message) => ({
        code: "deprecated-feature",
        message,
      })),
    ],
    errors: [],
    trace: buildTrace(
      cloud.groupRules,
      reqLayers,
      host,
      cloud.report,
      composed.remote,
      unreportedFields(composed.fields),
      decidedEntries({
        fields: composed.fields,
        remote: composed.remote,
        managedRules,
        commands,
        features,
        mcp,
        hooks,
        groupRules: cloud.groupRules,
        sources,
        cloudRule: cloudActive ? cloud.report.rule : null,
      }),
    ),
  };
}

/** Releases before 0.139 report the automatic reviewer as `guardian_subagent`. */
function reviewerName(r: string, edition: EditionSpec): string {
  return r === "auto_review" && edition.autoReviewerName === "guardian_subagent" ? "guardian_subagent" : r;
}

function reviewerNamed(req: Outcome["requirements"], edition: EditionSpec): Outcome["requirements"] {
  const entry = req.allowed_approvals_reviewers;
  if (edition.autoReviewerName === "auto_review" || !entry || !Array.isArray(entry.value)) return req;
  const value = entry.value.map((r) => (typeof r === "string" ? reviewerName(r, edition) : r));
  return { ...req, allowed_approvals_reviewers: { ...entry, value } };
}

/**
 * A release that does not read the approvals reviewer (before 0.115) has no such thread/start
 * parameter either: it ignores one (binary 0.80.0, 0.100.0).
 */
function withoutUnknownThreadParams(scenario: Scenario, edition: EditionSpec): Scenario {
  const thread = scenario.session.thread;
  if (thread?.approvals_reviewer === undefined || !edition.ignoredConfigKeys.includes("approvals_reviewer"))
    return scenario;
  const { approvals_reviewer: _r, ...rest } = thread;
  return { ...scenario, session: { ...scenario.session, thread: rest } };
}

/**
 * The parts of a config table that no later table replaces (tables merge key by key). A later value
 * that cannot load itself replaces nothing (`loads`).
 */
function notOverridden(
  doc: Record<string, unknown>,
  later: Record<string, unknown>[],
  loads: (key: string, value: unknown) => boolean = () => true,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const above = later.filter((d) => key in d && loads(key, d[key])).map((d) => d[key]);
    if (above.length === 0) out[key] = value;
    else if (isTable(value) && above.every(isTable)) out[key] = notOverridden(value, above);
  }
  return out;
}

/**
 * The thread/start parameters' own failure (an unknown variant), which the server reports before it
 * loads any configuration; null when the parameters are fine.
 */
export function threadParamFailure(scenario: Scenario, edition: EditionSpec): OutcomeError | null {
  const thread = withoutUnknownThreadParams(scenario, edition).session.thread;
  if (!thread) return null;
  const diag = new Diagnostics();
  checkThreadParams(thread, diag, edition);
  return diag.errors[0] ?? null;
}
