import {
  DEFAULT_EDITION,
  type Edition,
  type Outcome,
  type OutcomeError,
  type OutcomeWarning,
  type Scenario,
} from "@codex-policy/spec";
import { ADMIN_CONFIG_LAYERS } from "./config/stack.js";
import { type EditionSpec, findEdition } from "./editions.js";
import { INVALID_CONFIGURATION } from "./messages.js";
import { resolvePass, threadParamFailure } from "./pass.js";

/** Resolves one scenario in one edition (any form `parseEdition` reads). Never throws. */
export function resolve(scenario: Scenario, edition?: Edition): Outcome {
  const asked = edition ?? scenario.edition ?? DEFAULT_EDITION;
  const spec = findEdition(asked);
  if ("message" in spec) return failed(asked, spec.code, spec.message);
  return resolveUnder(scenario, spec);
}

/** Resolves one scenario under an edition spec given as data (a toggled edition, for instance). */
export function resolveUnder(scenario: Scenario, spec: EditionSpec): Outcome {
  try {
    const out = resolveScenario(scenario, spec);
    if (!spec.caveat) return out;
    const caveat = { kind: "edition-caveat", field: null, source: null, message: spec.caveat };
    return { ...out, notices: [caveat, ...out.notices] };
  } catch (e) {
    return failed(spec.id, "internal", `engine error: ${(e as Error)?.message ?? String(e)}`);
  }
}

function failed(id: string, code: string, message: string): Outcome {
  return {
    edition: id,
    status: "refused",
    requirements: {},
    effective: null,
    notices: [],
    warnings: [],
    errors: [{ code, layer: "scenario", message }],
  };
}

const WRITABLE = new Set(["workspace-write", "danger-full-access"]);

/**
 * Codex resolves the configuration at startup, without thread parameters or an unknown-trust
 * project, and again when the thread starts: with the thread parameters, and with that project
 * once the thread's effective sandbox is writable (spec §6.3, §6.5). The user sees the warnings of
 * both, identical texts once, then the thread's deprecation notices. A startup failure that leaves Codex
 * running on defaults shows the warnings of the defaults instead, and those of a thread that starts on them (§3.3).
 */
function resolveScenario(scenario: Scenario, id: EditionSpec): Outcome {
  const hasThread = scenario.session.thread !== undefined;
  const startup = resolvePass(hasThread ? withoutThread(scenario) : scenario, id, false);
  if (startup.status === "refused") return onDefaults(startup, scenario, id);
  return withThread(startup, scenario, id);
}

/**
 * The thread's pass on top of a startup that loaded (or of the defaults Codex fell back to), and the
 * unknown-trust project loaded late, with or without thread parameters.
 */
function withThread(startup: Outcome, scenario: Scenario, id: EditionSpec): Outcome {
  let thread = scenario.session.thread !== undefined ? resolvePass(scenario, id, false) : startup;
  const trust = scenario.project.trust;
  // 0.120-0.124 treat an untrusted project as loaded at thread start when the sandbox they start it
  // in is writable, config or none: its config applies and the approval default drops to on-request.
  // A read-only sandbox (requested, or forced by requirements) leaves it untrusted (binary 0.120.0, 0.124.0).
  const leak =
    id.projectConfig === "trusted" &&
    thread.effective !== null &&
    trust === "untrusted" &&
    id.untrustedProjectLeaks &&
    WRITABLE.has(thread.effective.sandbox_mode);
  const late =
    leak ||
    (id.projectConfig === "trusted" &&
      thread.effective !== null &&
      trust === "unknown" &&
      id.lateProjectLoad &&
      scenario.project.config !== undefined &&
      WRITABLE.has(
        (id.lateProjectOnRequestedSandbox ? scenario.session.thread?.sandbox : undefined) ??
          thread.effective.sandbox_mode,
      ));
  // What the leaked project changes falls back without a word: the user sees the warnings of the
  // thread without it (binary 0.120.0, 0.124.0: a leaked never, full access or live search), and the
  // deprecation notices of the thread with it.
  const shown = thread;
  if (late) thread = resolvePass(scenario, id, true);
  if (leak && thread.status === "ok")
    thread = {
      ...thread,
      // Its deprecation notices still come with the thread (0.120.0: a project web_search_request).
      warnings: [...shown.warnings.filter((w) => !isNotice(w)), ...thread.warnings.filter(isNotice)],
      notices: silenced(thread.notices, shown),
    };
  if (thread === startup) return startup;
  // A thread that fails to start shows only the startup warnings, without the deprecation notices
  // that come with a started thread (binary).
  if (thread.status === "refused")
    return { ...thread, notices: startup.notices, warnings: startup.warnings.filter((w) => !isNotice(w)) };
  // Before 0.156 the thread adds no warning of its own: what only its configuration falls back on (a
  // thread parameter, the project loaded late, the user config after a startup failure) is silent.
  const added = id.threadFallbackWarnings
    ? thread.warnings.filter((w) => !STARTUP_ONLY.has(w.code) && !isNotice(w))
    : [];
  const warnings = unique([...startup.warnings.filter((w) => !isNotice(w)), ...added]);
  const notices = unique([...startup.notices, ...thread.notices]);
  return {
    ...thread,
    notices: id.threadFallbackWarnings ? notices : silenced(notices, { ...thread, warnings }),
    // Deprecation notices come once, from the thread's configuration. The untrusted-project warning
    // is Codex's at startup only: after a startup failure, a thread does not add it (binary 0.169.0).
    warnings: [...warnings, ...thread.warnings.filter(isNotice)],
  };
}

/** Warnings Codex shows when it starts, never for a thread. */
const STARTUP_ONLY: ReadonlySet<string> = new Set(["project-config-disabled"]);

/** Fallback notices whose warning the user was not shown become silent fallbacks. */
function silenced(notices: Outcome["notices"], shown: Outcome): Outcome["notices"] {
  return notices.map((n) =>
    n.kind === "fallback" && !shown.warnings.some((w) => w.message === n.message)
      ? { ...n, kind: "silent-fallback" }
      : n,
  );
}

/** Failures after which Codex keeps running with default config (binary: `Invalid configuration; using defaults.`). */
const DEFAULTS_AFTER_CONFIG_ERROR = new Set([
  "toml-syntax",
  "invalid-utf8",
  "invalid-type",
  "unknown-variant",
  "config-invalid",
  "model-provider-unknown",
  "config-legacy-profile",
  "never-with-disallowed-full-access",
]);
// A failure in the system config (`/etc/codex/config.toml`) stops Codex outright (binary).
const CONFIG_FILES = new Set(["user.config", "project.config", "session", "scenario"]);
const REQUIREMENT_FILES = new Set(["system.requirements", "mdm.requirements"]);

/** A serde error inside requirements' `application` table (its path line). */
const APPLICATION_ERROR = /\nin `application(\.[^`]*)?`\n?$/;

/** Failures of the thread itself: the configuration loaded, and its warnings were shown. */
const THREAD_START_FAILURES = new Set(["deny-read-unsafe-glob"]);

/**
 * Failures after which the app-server stays up on defaults by themselves. Before 0.147 a failure in a
 * requirements or managed config file (binary 0.140.0); a bad `[application]` table in every release
 * (0.164.0-0.169.0); a disallowed configured value in the releases that refuse one (0.87.0-0.95.0).
 */
function staysUpAfter(e: OutcomeError, id: EditionSpec): boolean {
  return (
    e.code === "requirement-disallowed" ||
    (!id.validationStopsCodex && (REQUIREMENT_FILES.has(e.layer) || ADMIN_CONFIG_LAYERS.has(e.layer))) ||
    (REQUIREMENT_FILES.has(e.layer) && APPLICATION_ERROR.test(e.message))
  );
}

/**
 * Codex stopped on a failure, before it showed any warning. Before 0.164 the failure is only the
 * `Error: ` text the process prints as it exits, where a final newline does not show.
 */
function stopped(refused: Outcome, id: EditionSpec): Outcome {
  if (id.startupFailureReported) return { ...refused, warnings: [] };
  const errors = refused.errors.map((x) => ({ ...x, message: x.message.trimEnd() }));
  return { ...refused, warnings: [], errors };
}

function onDefaults(refused: Outcome, scenario: Scenario, id: EditionSpec): Outcome {
  const e = refused.errors[0];
  if (!e) return refused;
  // Before 0.87 the app-server never comes up on a failure.
  if (!id.configErrorServerUp) return stopped(refused, id);
  if (THREAD_START_FAILURES.has(e.code))
    return { ...refused, warnings: refused.warnings.filter((w) => !isNotice(w)) };
  // A system config error counts too: the defaults keep that file, so they fail on a fault of its
  // own, but not on a profile it defines that only the user config chose (binary 0.150.0, 0.169.0).
  const configError =
    DEFAULTS_AFTER_CONFIG_ERROR.has(e.code) &&
    (CONFIG_FILES.has(e.layer) ||
      e.layer === "system.config" ||
      e.code === "never-with-disallowed-full-access");
  const requirementsSyntax =
    REQUIREMENT_FILES.has(e.layer) &&
    (e.code === "toml-syntax" || e.code === "invalid-utf8") &&
    !id.requirementsSyntaxStopsCodex;
  const invalid: OutcomeWarning = { code: "invalid-configuration", message: INVALID_CONFIGURATION };
  const staysUp = staysUpAfter(e, id);
  if (requirementsSyntax || (staysUp && REQUIREMENT_FILES.has(e.layer))) {
    // The defaults Codex falls back to can fail on their own. From 0.157 they are the files without the
    // broken requirements, the user config or the thread: a system config or `-c` `approval_policy =
    // "untrusted"` stops Codex on that error (binary 0.169.0, 0.170.0). Before 0.147 they are the
    // command line alone: a bad `-c` value stops Codex, even one managed config sets over, while a bad
    // system config value does not; on the requirements error up to 0.116 (0.99.0, 0.100.0, 0.115.0),
    // on that value's own from 0.117 (0.117.0, 0.130.0, 0.133.0).
    const defaults = id.validationStopsCodex
      ? resolvePass(defaultsOf(withoutRequirementsLayer(scenario, e.layer)), id, false)
      : resolvePass(commandLineOnly(scenario), id, false);
    const ownError = id.validationStopsCodex || id.overrideCheck === "before-requirements";
    if (defaults.status === "refused") return stopped(ownError ? defaults : refused, id);
  }
  if (requirementsSyntax || staysUp)
    return threadOnDefaults({ ...refused, warnings: [invalid] }, scenario, id);
  // Any other failure stops Codex before it shows a warning (binary).
  if (!configError) return stopped(refused, id);
  // Until `-c` values are checked with the config files (0.147), the defaults check them as if no
  // managed config set anything: a bad value it masks stops Codex, on that value's error from 0.117
  // (binary 0.133.0 to 0.146.0), on the first error before (0.115.0).
  if (id.overrideCheck !== "with-config") {
    const cli = resolvePass(commandLineOnly(scenario), id, false);
    if (cli.status === "refused")
      return stopped(id.overrideCheck === "before-requirements" ? cli : refused, id);
  }
  // The defaults at startup: without the user config, so without its trust decision and the
  // project config, but with the system and managed config and the command line's `-c` and flags.
  const defaults = resolvePass(defaultsOf(scenario), id, false);
  // When the defaults fail too (the failure does not come from the user config), Codex stops; but
  // not on a failure that leaves it up by itself (binary 0.95.0: a disallowed `-c` value; 0.120.0: a
  // requirements pin naming no feature).
  const again = defaults.errors[0];
  if (defaults.status === "refused" && !(again && staysUpAfter(again, id))) return stopped(refused, id);
  // Before 0.147 the defaults' own warnings are not shown.
  const shown = id.defaultsWarningsShown ? defaults.warnings.filter((w) => !isNotice(w)) : [];
  return threadOnDefaults({ ...refused, warnings: [invalid, ...shown] }, scenario, id);
}

/**
 * Codex up on defaults after a startup failure (`up` carries that failure and the warnings shown). A thread
 * reads the whole configuration again with its parameters, which can cure the failure (a thread sandbox in
 * place of a disallowed danger-full-access under `never`): then it starts, and its warnings follow.
 */
function threadOnDefaults(up: Outcome, scenario: Scenario, id: EditionSpec): Outcome {
  if (scenario.session.thread === undefined) return up;
  const started = withThread(up, scenario, id);
  if (started.status === "refused") {
    if (id.startupFailureReported) return up;
    // Before 0.164 the thread is the only witness: parameters it cannot read fail it first (0.120.0).
    const bad = threadParamFailure(scenario, id);
    return bad ? { ...up, errors: [bad] } : up;
  }
  // From 0.164 the startup failure is reported on its own (`--print-startup-config`), with the started
  // thread's warnings; before, the thread was the only witness.
  return id.startupFailureReported ? { ...up, warnings: started.warnings } : started;
}

function withoutRequirementsLayer(scenario: Scenario, layer: string): Scenario {
  if (layer === "system.requirements" && scenario.system) {
    const { requirements: _r, ...system } = scenario.system;
    return { ...scenario, system };
  }
  if (layer === "mdm.requirements" && scenario.mdm) {
    const { requirements_toml_base64: _m, ...mdm } = scenario.mdm;
    return { ...scenario, mdm };
  }
  return scenario;
}

function defaultsOf(scenario: Scenario): Scenario {
  const { config: _u, ...user } = scenario.user ?? {};
  return {
    ...scenario,
    user,
    project: { trust: "unknown" },
    session: withoutThread(scenario).session,
  };
}

/** Built-in defaults with the command line's `-c` values and flags: no file is read. */
function commandLineOnly(scenario: Scenario): Scenario {
  const { system: _s, user: _u, mdm: _m, cloud: _c, ...rest } = scenario;
  return { ...rest, project: { trust: "unknown" }, session: withoutThread(scenario).session };
}

function withoutThread(scenario: Scenario): Scenario {
  const { thread: _t, ...session } = scenario.session;
  return { ...scenario, session };
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const isNotice = (w: OutcomeWarning): boolean => w.code === "deprecated-feature";
