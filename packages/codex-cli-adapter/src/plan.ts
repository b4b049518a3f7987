import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareVersions, type Scenario } from "@codex-policy/spec";
import type { Channel } from "./channels.js";

/** Model pinned for the turn probe: the default model sends no plain `web_search` tool. */
export const PROBE_MODEL = "gpt-5.5";

/** What the in-namespace driver needs; written as JSON next to the workspace. */
export interface ProbePlan {
  root: string;
  codexBin: string;
  /** File name in /etc/codex → contents. Empty object: no /etc/codex directory at all. */
  etcCodex: Record<string, string>;
  hostname: string;
  hostsLine: string | null;
  codexHome: string;
  home: string;
  project: string;
  tmp: string;
  /** Flags placed before the subcommand: `-c`, `--enable`, `--disable`, `--profile`. */
  globalArgs: string[];
  /** `thread/start` params in the app-server's spelling. */
  threadParams: Record<string, string>;
  channels: Channel[];
  /** How the binary reports merged requirements and load errors (see requirementsChannelFor). */
  requirementsVia: RequirementsVia;
  commands: string[];
  stepTimeoutMs: number;
  turnTimeoutMs: number;
  model: string;
  /** Set only for the run-directory template: start the app-server once, observe nothing. */
  warmOnly?: boolean;
}

/** Files the scenario puts under /etc/codex (Linux paths). */
export function etcCodexFiles(scenario: Scenario): Record<string, string> {
  const files: Record<string, string> = {};
  const sys = scenario.system;
  if (sys?.requirements !== undefined) files["requirements.toml"] = sys.requirements;
  if (sys?.managed_config !== undefined) files["managed_config.toml"] = sys.managed_config;
  if (sys?.config !== undefined) files["config.toml"] = sys.config;
  return files;
}

const tomlString = (s: string): string => JSON.stringify(s);

/** The user's config.toml: the scenario's text verbatim, then the project's trust entry. */
export function userConfigText(scenario: Scenario, projectDir: string): string | null {
  const base = scenario.user?.config;
  const trust = scenario.project.trust;
  if (trust === "unknown") return base ?? null;
  const entry = `[projects.${tomlString(projectDir)}]\ntrust_level = ${tomlString(trust)}\n`;
  if (base === undefined || base === "") return entry;
  return `${base}${base.endsWith("\n") ? "" : "\n"}\n${entry}`;
}

/** CLI flags for the session part of the scenario. */
export function sessionArgs(scenario: Scenario): string[] {
  const s = scenario.session;
  const args: string[] = [];
  for (const o of s.overrides) args.push("-c", o);
  for (const f of s.enable) args.push("--enable", f);
  for (const f of s.disable) args.push("--disable", f);
  if (s.profile !== undefined) args.push("--profile", s.profile);
  return args;
}

/** `thread/start` params from `scenario.session.thread`. */
export function threadParams(scenario: Scenario): Record<string, string> {
  const t = scenario.session.thread;
  const out: Record<string, string> = {};
  if (t?.approval_policy !== undefined) out.approvalPolicy = t.approval_policy;
  if (t?.approvals_reviewer !== undefined) out.approvalsReviewer = t.approvals_reviewer;
  if (t?.sandbox !== undefined) out.sandbox = t.sandbox;
  return out;
}

export function hostsLine(scenario: Scenario): string | null {
  const { fqdn, hostname } = scenario.host;
  if (fqdn === undefined || fqdn === "") return null;
  return fqdn === hostname ? `127.0.0.1 ${fqdn}` : `127.0.0.1 ${fqdn} ${hostname}`;
}

/** `print`: `app-server --print-startup-config`; `rpc`: `configRequirements/read` on a running app-server. */
export type RequirementsVia = "print" | "rpc";

/** The first release with `app-server --print-startup-config`. */
export const PRINT_STARTUP_CONFIG_SINCE = "0.164.0";

export function requirementsChannelFor(version: string): RequirementsVia {
  return compareVersions(version, PRINT_STARTUP_CONFIG_SINCE) >= 0 ? "print" : "rpc";
}

export interface WorkspaceOptions {
  codexBin: string;
  channels: Channel[];
  requirementsVia: RequirementsVia;
  stepTimeoutMs: number;
  turnTimeoutMs: number;
  /**
   * A run directory made earlier by `prepareWorkspace` (see template.ts): its CODEX_HOME already set
   * up by the binary and its project already a git repository. Copied, never shared.
   */
  template?: string;
  /** Name prefix of the run directory under TMPDIR. */
  prefix?: string;
}

/** Name prefixes of what the adapter leaves in TMPDIR while it works: run directories and templates. */
export const RUN_DIR_PREFIX = "codex-policy-run-";
export const TEMPLATE_DIR_PREFIX = "codex-policy-template-";

/**
 * Creates a fresh temp workspace for one run (HOME, CODEX_HOME, a git project) and returns the plan.
 * The caller removes `plan.root`.
 */
export function prepareWorkspace(scenario: Scenario, opts: WorkspaceOptions): ProbePlan {
  const root = realpathSync(mkdtempSync(join(tmpdir(), opts.prefix ?? RUN_DIR_PREFIX)));
  const home = join(root, "home");
  const codexHome = join(root, "codex-home");
  const project = join(root, "project");
  const tmp = join(root, "tmp");
  if (opts.template !== undefined) {
    // Its tmp/ holds the helper links of the process that set it up; each run makes its own.
    const skip = join(opts.template, "codex-home", "tmp");
    cpSync(join(opts.template, "codex-home"), codexHome, {
      recursive: true,
      filter: (src) => src !== skip,
    });
    cpSync(join(opts.template, "project"), project, { recursive: true });
  }
  for (const d of [home, codexHome, project, tmp]) mkdirSync(d, { recursive: true });
  if (opts.template === undefined) {
    execFileSync("git", ["init", "-q", project], {
      stdio: "ignore",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: home },
    });
  }
  if (scenario.project.config !== undefined) {
    mkdirSync(join(project, ".codex"));
    writeFileSync(join(project, ".codex", "config.toml"), scenario.project.config);
  }
  const userConfig = userConfigText(scenario, project);
  if (userConfig !== null) writeFileSync(join(codexHome, "config.toml"), userConfig);
  if (scenario.user?.rules !== undefined) {
    mkdirSync(join(codexHome, "rules"));
    writeFileSync(join(codexHome, "rules", "default.rules"), scenario.user.rules);
  }
  if (scenario.user?.hooks_json !== undefined)
    writeFileSync(join(codexHome, "hooks.json"), scenario.user.hooks_json);
  const plan: ProbePlan = {
    root,
    codexBin: opts.codexBin,
    etcCodex: etcCodexFiles(scenario),
    hostname: scenario.host.hostname,
    hostsLine: hostsLine(scenario),
    codexHome,
    home,
    project,
    tmp,
    globalArgs: sessionArgs(scenario),
    threadParams: threadParams(scenario),
    channels: opts.channels,
    requirementsVia: opts.requirementsVia,
    commands: scenario.probe.commands,
    stepTimeoutMs: opts.stepTimeoutMs,
    turnTimeoutMs: opts.turnTimeoutMs,
    model: PROBE_MODEL,
  };
  writeFileSync(join(root, "plan.json"), JSON.stringify(plan));
  return plan;
}
