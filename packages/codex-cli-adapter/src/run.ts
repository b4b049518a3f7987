import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import type { Channel } from "./channels.js";
import { AdapterError } from "./errors.js";
import { atExit } from "./exit-hooks.js";
import type { RunPaths } from "./map/paths.js";
import { type ProbePlan, prepareWorkspace, type RequirementsVia, TEMPLATE_DIR_PREFIX } from "./plan.js";
import { NAMESPACE_FLAGS, preflightFlags } from "./preflight.js";

export const DRIVER_PATH = fileURLToPath(new URL("./driver/probe-driver.mjs", import.meta.url));
const ISOLATE_PATH = fileURLToPath(new URL("./driver/isolate.sh", import.meta.url));

/** Raw observations printed by the driver; see driver/probe-driver.mjs. */
export interface RawObservations {
  /** Driver milestones, `at` in ms since the driver started. */
  steps: { name: string; at?: number }[];
  /** Phases whose safety-net timeout fired; any entry fails the run. */
  timeouts?: string[];
  startup: ExecResult | null;
  features: ExecResult | null;
  mcp: ExecResult | null;
  appServer: AppServerRaw | null;
  model: { requests: number } | null;
  fatal?: string;
}

export interface ExecResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  started?: number;
  ended?: number;
}

export interface RpcReply {
  id?: number;
  result?: unknown;
  error?: { code: number | string; message: string; data?: unknown };
}

export interface AppServerRaw {
  initialize: RpcReply | null;
  /** Only when requirements come over JSON-RPC (builds before --print-startup-config). */
  configRequirements?: RpcReply | null;
  threadStart: RpcReply | null;
  hooks: RpcReply | null;
  turns: TurnRaw[];
  rec: {
    messages: { method?: string; params?: unknown; unparsed?: string }[];
    stderr: string;
    exit: { code: number | null; signal: string | null } | null;
    serverRequests: { method: string; params: unknown }[];
    rpc?: { method: string; sent: number; replied: number | null }[];
    spawnedAt?: number;
  };
}

export interface TurnRaw {
  /** `tool`: the shell tool the call named (`exec_command`, or `shell`/`shell_command` on older releases). */
  script: { kind: "exec" | "message"; command: string | null; issued: boolean; tool?: string | null };
  started: { ok: true } | { error: unknown };
  completed: string | null;
  toolOutput: string | null;
  approvals: { method: string; params: unknown }[];
  /** Notification methods seen during the turn. */
  methods?: string[];
  startedAt?: number;
  endedAt?: number;
  requests: {
    method: string;
    url: string;
    model: string | null;
    tools: ToolSummary[] | null;
    outputs: unknown[];
  }[];
}

export interface ToolSummary {
  type: string | null;
  name: string | null;
  external_web_access?: boolean;
}

export interface ProbeOptions {
  codexBin: string;
  channels: Channel[];
  requirementsVia: RequirementsVia;
  timeoutMs: number;
  stepTimeoutMs?: number;
}

/**
 * Removes a run directory. A process killed a moment ago may still finish a write in it, so a
 * directory that is not yet empty is tried again a few times.
 */
function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * One run directory per binary and process, set up once by the binary itself (system skills, state
 * databases) and copied for every run: every run starts from the same CODEX_HOME, without paying
 * for that set-up each time. Removed when the process exits.
 */
const templates = new Map<string, Promise<string>>();

/** Setting up the template starts the app-server once; generous, since it is a safety net only. */
const TEMPLATE_TIMEOUT_MS = 120_000;

function templateFor(codexBin: string): Promise<string> {
  let t = templates.get(codexBin);
  if (!t) {
    t = makeTemplate(codexBin, TEMPLATE_TIMEOUT_MS);
    templates.set(codexBin, t);
    // A failed set-up is not remembered: the next run tries again and reports its own error.
    t.catch(() => templates.delete(codexBin));
  }
  return t;
}

async function makeTemplate(codexBin: string, timeoutMs: number): Promise<string> {
  const plan = prepareWorkspace(ScenarioSchema.parse({}), {
    codexBin,
    channels: [],
    requirementsVia: "print",
    stepTimeoutMs: Math.max(2_000, Math.floor(timeoutMs / 3)),
    turnTimeoutMs: 0,
    prefix: TEMPLATE_DIR_PREFIX,
  });
  plan.warmOnly = true;
  writeFileSync(join(plan.root, "plan.json"), JSON.stringify(plan));
  const remove = () => {
    removeDir(plan.root);
    templates.delete(codexBin);
  };
  try {
    await runDriver(plan, timeoutMs);
  } catch (e) {
    remove();
    throw e;
  }
  // The overlay's scratch directories belong to the namespace that set the template up.
  for (const d of ["etc-upper", "etc-work", "stub-bin"])
    rmSync(join(plan.root, d), { recursive: true, force: true });
  atExit("remove", remove);
  return plan.root;
}

async function runDriver(plan: ProbePlan, timeoutMs: number): Promise<RawObservations> {
  const upper = join(plan.root, "etc-upper");
  const work = join(plan.root, "etc-work");
  mkdirSync(upper);
  mkdirSync(work);
  const stdout = await runIsolated(
    [
      ...preflightFlags(),
      ...NAMESPACE_FLAGS,
      "sh",
      ISOLATE_PATH,
      upper,
      work,
      process.execPath,
      DRIVER_PATH,
      join(plan.root, "plan.json"),
    ],
    timeoutMs,
  );
  const line = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as RawObservations;
  } catch {
    throw new AdapterError(
      "probe-failed",
      `the namespace driver printed no observations (${stdout.slice(0, 200) || "no output"})`,
    );
  }
}

/** Runs one scenario's probe inside fresh namespaces and returns the driver's raw observations. */
export async function probe(
  scenario: Scenario,
  opts: ProbeOptions,
): Promise<{ raw: RawObservations; paths: RunPaths }> {
  preflightFlags();
  const template = await templateFor(opts.codexBin);
  const stepTimeoutMs = opts.stepTimeoutMs ?? Math.max(2_000, Math.floor(opts.timeoutMs / 3));
  const plan = prepareWorkspace(scenario, {
    codexBin: opts.codexBin,
    channels: opts.channels,
    requirementsVia: opts.requirementsVia,
    stepTimeoutMs,
    turnTimeoutMs: stepTimeoutMs,
    template,
  });
  // If this process exits mid-run (process.exit, a killed test worker), still remove the workspace;
  // the namespace itself dies with `unshare` (killed by runIsolated's exit handler).
  const cleanup = () => removeDir(plan.root);
  const forget = atExit("remove", cleanup);
  try {
    const raw = await runDriver(plan, opts.timeoutMs);
    const paths: RunPaths = {
      root: plan.root,
      home: plan.home,
      codexHome: plan.codexHome,
      project: plan.project,
    };
    return { raw, paths };
  } finally {
    forget();
    cleanup();
  }
}

/**
 * Spawns `unshare` in its own process group. On timeout the whole group is killed; `--kill-child`
 * and the pid namespace take every process inside down with it.
 */
function runIsolated(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d.toString("utf8");
    });
    child.stderr.on("data", (d) => {
      if (err.length < 20_000) err += d.toString("utf8");
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const forget = atExit("kill", killGroup);
    child.on("error", (e) => {
      clearTimeout(timer);
      forget();
      reject(new AdapterError("unshare-missing", `cannot start unshare (${e.message}): install util-linux`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      forget();
      if (timedOut) {
        reject(
          new AdapterError(
            "probe-timeout",
            `the probe did not finish within ${timeoutMs} ms and was killed; raise timeoutMs`,
          ),
        );
      } else if (code !== 0) {
        reject(
          new AdapterError(
            "probe-failed",
            `the namespace driver exited ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`,
          ),
        );
      } else {
        resolve(out);
      }
    });
  });
}
