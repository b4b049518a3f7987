import type { Effective, Outcome, OutcomeError, Scenario } from "@codex-policy/spec";
import type { Channel } from "../channels.js";
import { unobservedFor } from "../channels.js";
import { AdapterError } from "../errors.js";
import type { ExecResult, RawObservations } from "../run.js";
import { mapFeaturesOrThrow, mapMcpOrThrow } from "./lists.js";
import { mapHooksList } from "./observed-lists.js";
import { normalizePaths, type RunPaths } from "./paths.js";
import { mapRefusal, type ReportedLocation } from "./refusal.js";
import { mapRequirements } from "./requirements.js";
import { mapCommandTurn, webSearchFromTools, webSearchMode } from "./turns.js";
import {
  approvalFromWire,
  networkFromWire,
  profileFromWire,
  reviewerFromWire,
  sandboxFromWire,
} from "./values.js";
import { mapWarnings } from "./warnings.js";

/** Effective values a channel did not observe carry this marker (and their path is in `unobserved`). */
export const UNOBSERVED = "(unobserved)";

/**
 * Per-entry fields no channel reports. Listed per entry (not with `*`) because consumers match
 * `unobserved` by plain prefix.
 */
function entryFieldsUnobserved(e: Effective, scenario: Scenario): string[] {
  // Only a user rule can allow; with one, a command that runs looks the same whether it approved it
  // or no rule matched.
  const allowPossible = scenario.user?.rules?.includes("allow") === true;
  return [
    ...Object.keys(e.features).flatMap((k) => [
      `effective.features.${k}.pinned_by`,
      `effective.features.${k}.source`,
    ]),
    ...Object.keys(e.mcp_servers).map((k) => `effective.mcp_servers.${k}.origin`),
    ...e.hooks.map((_, i) => `effective.hooks.${i}.layer`),
    ...e.commands.map((_, i) => `effective.commands.${i}.rule`),
    // An automatic review looks the same whether a prompt rule or Codex's own check asked for it,
    // and the probe's stub model cannot answer it, so its verdict text says nothing about Codex.
    ...e.commands.flatMap((c, i) =>
      c.outcome === "ask-reviewer"
        ? [`effective.commands.${i}.decision`, `effective.commands.${i}.message`]
        : [],
    ),
    ...e.commands.flatMap((c, i) =>
      allowPossible && c.outcome === "run" ? [`effective.commands.${i}.decision`] : [],
    ),
  ];
}

interface StartupReport {
  error?: { message?: string; data?: { detail?: string } & ReportedLocation };
  configRequirements?: { requirements?: Record<string, unknown> | null };
}

function parseStartup(r: ExecResult): StartupReport {
  const text = r.stdout.trim();
  try {
    return JSON.parse(text) as StartupReport;
  } catch {
    // A command line Codex rejects (an unknown `--enable` feature) fails before any report is printed.
    const line = r.code !== 0 ? r.stderr.split("\n").find((l) => l.startsWith("Error: ")) : undefined;
    if (line) return { error: { message: line.slice("Error: ".length) } };
    throw new AdapterError(
      "probe-failed",
      `--print-startup-config printed no JSON (exit ${r.code}): ${r.stderr.trim().split("\n")[0] ?? ""}`,
    );
  }
}

/**
 * Wrappers around the load failure: the app-server's, (before 0.164) the retry on defaults, and
 * (0.87 to 0.99) the thread that derives its config from a failing one.
 */
const stripPrefix = (m: string): string =>
  m
    .replace(/^failed to load configuration: /, "")
    .replace(/^error loading config: /, "")
    .replace(/^error loading default config after config error: /, "")
    .replace(/^error deriving config: /, "");

/**
 * The failure a command prints before it exits: the `Error: ` line and the lines after it up to the
 * first blank one (serde puts the key path on a line of its own), without the `Error: `.
 */
export function errorBlock(stderr: string): string | null {
  const lines = stderr.split("\n");
  const at = lines.findIndex((l) => l.startsWith("Error: "));
  if (at < 0) return null;
  const end = lines.findIndex((l, i) => i > at && l.trim() === "");
  return lines
    .slice(at, end < 0 ? undefined : end)
    .join("\n")
    .slice("Error: ".length)
    .trimEnd();
}

/**
 * Before 0.87 an app-server whose configuration fails to load exits before it answers `initialize`,
 * or is still starting when `initialize` times out. The `features list` run of the same
 * configuration then names the failure, in the same words as the app-server's exit.
 */
function hungOnConfigError(raw: RawObservations): string | null {
  if (raw.timeouts?.length !== 1 || raw.timeouts[0] !== "initialize") return null;
  const f = raw.features;
  if (!f || f.code === 0 || f.timedOut || !f.stderr.startsWith("Error: ")) return null;
  return errorBlock(f.stderr);
}

/** The load-failure text (and reported location), from the first channel that reported one. */
function refusalText(
  raw: RawObservations,
  startup: StartupReport | null,
): { text: string; loc: ReportedLocation } | null {
  const hung = hungOnConfigError(raw);
  if (hung !== null) return { text: hung, loc: {} };
  if (startup?.error) {
    const data = startup.error.data ?? {};
    return { text: data.detail ?? stripPrefix(startup.error.message ?? ""), loc: data };
  }
  const app = raw.appServer;
  if (!app) return null;
  const ts = app.threadStart?.error;
  if (ts && typeof ts.code === "number") return { text: stripPrefix(ts.message), loc: {} };
  if (app.rec.exit && app.rec.exit.code !== 0 && app.rec.exit.code !== null && !app.threadStart?.result) {
    const text = errorBlock(app.rec.stderr);
    if (text !== null) return { text: stripPrefix(text), loc: {} };
  }
  return null;
}

/**
 * Merged requirements as `--print-startup-config` or, on older builds, `configRequirements/read`
 * reported them; null when the release has no way to report them (0.77.0).
 */
function reportedRequirements(
  raw: RawObservations,
  startup: StartupReport | null,
): Record<string, unknown> | null {
  if (startup) return startup.configRequirements?.requirements ?? {};
  const rpc = raw.appServer?.configRequirements;
  if (rpc === undefined || rpc === null) return {};
  if (rpc.error && /unknown variant `configRequirements\/read`/.test(rpc.error.message)) return null;
  if (rpc.error)
    throw new AdapterError("probe-failed", `configRequirements/read failed: ${rpc.error.message}`);
  return (rpc.result as StartupReport["configRequirements"])?.requirements ?? {};
}

/** Maps the driver's raw observations to the engine's Outcome shape. Pure. */
export function mapOutcome(
  raw: RawObservations,
  scenario: Scenario,
  channels: readonly Channel[],
  paths: RunPaths | null,
  /** The binary's own edition (`editionForVersion` of its version). */
  edition = "codex-0.169",
): Outcome {
  if (raw.fatal)
    throw new AdapterError("probe-failed", `the namespace driver failed: ${raw.fatal.split("\n")[0]}`);
  if (raw.timeouts && raw.timeouts.length > 0 && hungOnConfigError(raw) === null)
    throw new AdapterError(
      "probe-timeout",
      `the binary did not get past ${raw.timeouts.map((p) => `"${p}"`).join(", ")} before the safety-net timeout; rerun with a larger timeout if the machine is very busy`,
    );
  const norm = (t: string) => normalizePaths(t, paths);
  const unobserved = unobservedFor(channels);
  const startup = raw.startup ? parseStartup(raw.startup) : null;
  const messages = raw.appServer?.rec.messages ?? [];
  const summaries = messages
    .filter((m) => m.method === "configWarning")
    .map((m) => norm(String((m.params as { summary?: unknown })?.summary ?? "")));
  const deprecations = messages
    .filter((m) => m.method === "deprecationNotice")
    .map((m) => {
      const p = m.params as { summary?: unknown; details?: unknown };
      return norm(typeof p?.details === "string" ? `${p.summary}\n${p.details}` : String(p?.summary ?? ""));
    });
  const warnings = mapWarnings(summaries, deprecations);
  const base = { edition, notices: [], warnings };

  const refusal = refusalText(raw, startup);
  if (refusal !== null) {
    const loc = { ...refusal.loc, filePath: refusal.loc.filePath ? norm(refusal.loc.filePath) : null };
    const error: OutcomeError = mapRefusal(norm(refusal.text), loc);
    if (error.layer === "unknown") unobserved.push("errors.0.layer");
    return { ...base, status: "refused", requirements: {}, effective: null, errors: [error], unobserved };
  }

  const reported = reportedRequirements(raw, startup);
  const req = mapRequirements(reported ?? {}, {
    requirements: scenario.system?.requirements,
    managed_config: scenario.system?.managed_config,
  });
  unobserved.push(...(reported === null ? ["requirements"] : req.unobserved));
  // An unknown-trust project may load when the thread starts (spec §6.3); a startup fallback warning
  // then says nothing about the thread's web search mode.
  const lateProject = scenario.project.trust === "unknown" && scenario.project.config !== undefined;
  const effective = mapEffective(
    raw,
    channels,
    req.requirements.allowed_web_search_modes?.value,
    lateProject ? [] : summaries,
    norm,
    unobserved,
  );
  unobserved.push(...entryFieldsUnobserved(effective, scenario));
  return { ...base, status: "ok", requirements: req.requirements, effective, errors: [], unobserved };
}

function mapEffective(
  raw: RawObservations,
  channels: readonly Channel[],
  allowedWebSearch: unknown,
  /** Warnings that may settle indexed against live (§7.6). */
  warningTexts: string[],
  norm: (t: string) => string,
  unobserved: string[],
): Effective {
  const app = raw.appServer;
  const ts = app?.threadStart?.result as Record<string, unknown> | undefined;
  /**
   * A list command reads the configuration without the thread's parameters, so it refuses one they
   * cure (a disallowed `-c` approval policy under a thread's allowed one, 0.89.0): that list is not
   * observable in this run.
   */
  const refusedAlone = (r: ExecResult, path: string): boolean => {
    const refused = ts !== undefined && r.code !== 0 && !r.timedOut && r.stderr.startsWith("Error: ");
    if (refused) unobserved.push(path);
    return refused;
  };
  if (channels.includes("session") && !ts) {
    throw new AdapterError(
      "probe-failed",
      `thread/start gave no result: ${JSON.stringify(app?.threadStart ?? null).slice(0, 200)}`,
    );
  }
  const effective: Effective = {
    approval_policy: ts ? approvalFromWire(ts.approvalPolicy) : UNOBSERVED,
    // Releases before the reviewer setting (0.100.0) report none: not observable there.
    approvals_reviewer:
      ts && ts.approvalsReviewer !== undefined ? reviewerFromWire(ts.approvalsReviewer) : UNOBSERVED,
    sandbox_mode: ts ? sandboxFromWire(ts.sandbox) : UNOBSERVED,
    ...(ts ? { permission_profile: profileFromWire(ts.activePermissionProfile) } : {}),
    ...(ts ? { network_access: networkFromWire(ts.sandbox) } : {}),
    web_search: UNOBSERVED,
    features:
      channels.includes("features") && raw.features && !refusedAlone(raw.features, "effective.features")
        ? mapFeaturesOrThrow(raw.features)
        : {},
    mcp_servers:
      channels.includes("mcp") && raw.mcp && !refusedAlone(raw.mcp, "effective.mcp_servers")
        ? mapMcpOrThrow(raw.mcp)
        : {},
    hooks: [],
    commands: [],
  };
  if (ts && ts.approvalsReviewer === undefined) unobserved.push("effective.approvals_reviewer");
  // Releases before permission profiles report no active one: not observable there.
  if (ts && ts.activePermissionProfile === undefined) unobserved.push("effective.permission_profile");
  // Releases without `hooks/list` cannot show the hook list: not observable there.
  const noHookList = /unknown variant `hooks\/list`/.test(app?.hooks?.error?.message ?? "");
  if (noHookList) unobserved.push("effective.hooks");
  if (channels.includes("hooks") && app?.hooks && !noHookList) {
    if (app.hooks.error)
      throw new AdapterError("probe-failed", `hooks/list failed: ${app.hooks.error.message}`);
    effective.hooks = mapHooksList(app.hooks.result).map((h) => ({ ...h, command: norm(h.command) }));
  }
  const turns = app?.turns ?? [];
  if (channels.includes("web_search") || channels.includes("commands")) {
    const first = turns[0]?.requests[0];
    if (!first)
      throw new AdapterError("probe-failed", "the stand-in model received no request; the turn probe failed");
    const obs = webSearchFromTools(first.tools);
    if (obs && channels.includes("web_search")) {
      const ws = webSearchMode(
        obs,
        allowedWebSearch,
        warningTexts,
        effective.sandbox_mode === "danger-full-access",
      );
      effective.web_search = ws.mode;
      effective.web_search_access = obs === "disabled" ? "none" : obs;
      if (ws.ambiguous) unobserved.push("effective.web_search");
    }
  }
  if (channels.includes("commands")) {
    effective.commands = turns
      .filter((t) => t.script.kind === "exec")
      .map((t) => {
        const c = mapCommandTurn(t);
        return { ...c, message: c.message === null ? null : norm(c.message) };
      });
  }
  return effective;
}
