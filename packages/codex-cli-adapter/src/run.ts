import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "@codex-policy/spec";
import type { Channel } from "./channels.js";
import { AdapterError } from "./errors.js";
import type { RunPaths } from "./map/paths.js";
import { prepareWorkspace } from "./plan.js";
import { NAMESPACE_FLAGS, preflightFlags } from "./preflight.js";

export const DRIVER_PATH = fileURLToPath(new URL("./driver/probe-driver.mjs", import.meta.url));

/** Raw observations printed by the driver; see driver/probe-driver.mjs. */
export interface RawObservations {
  steps: { name: string }[];
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
}

export interface RpcReply {
  id?: number;
  result?: unknown;
  error?: { code: number | string; message: string; data?: unknown };
}

export interface AppServerRaw {
  initialize: RpcReply | null;
  threadStart: RpcReply | null;
  hooks: RpcReply | null;
  turns: TurnRaw[];
  rec: {
    messages: { method?: string; params?: unknown; unparsed?: string }[];
    stderr: string;
    exit: { code: number | null; signal: string | null } | null;
    serverRequests: { method: string; params: unknown }[];
  };
}

export interface TurnRaw {
  script: { kind: "exec" | "message"; command: string | null; issued: boolean };
  started: { ok: true } | { error: unknown };
  completed: string | null;
  toolOutput: string | null;
  approvals: { method: string; params: unknown }[];
  /** Notification methods seen during the turn. */
  methods?: string[];
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
  timeoutMs: number;
}

/** Work to do if this process exits mid-run; one `exit` listener serves every concurrent run. */
const onProcessExit = new Set<() => void>();
function atExit(fn: () => void): () => void {
  if (onProcessExit.size === 0) process.once("exit", runExitHooks);
  onProcessExit.add(fn);
  return () => {
    onProcessExit.delete(fn);
    if (onProcessExit.size === 0) process.removeListener("exit", runExitHooks);
  };
}
function runExitHooks(): void {
  for (const fn of onProcessExit) fn();
}

/** Runs one scenario's probe inside fresh namespaces and returns the driver's raw observations. */
export async function probe(
  scenario: Scenario,
  opts: ProbeOptions,
): Promise<{ raw: RawObservations; paths: RunPaths }> {
  const extraFlags = preflightFlags();
  const stepTimeoutMs = Math.max(2_000, Math.floor(opts.timeoutMs / 3));
  const plan = prepareWorkspace(scenario, {
    codexBin: opts.codexBin,
    channels: opts.channels,
    stepTimeoutMs,
    turnTimeoutMs: stepTimeoutMs,
  });
  // If this process exits mid-run (process.exit, a killed test worker), still remove the workspace;
  // the namespace itself dies with `unshare` (killed by runIsolated's exit handler).
  const cleanup = () => rmSync(plan.root, { recursive: true, force: true });
  const forget = atExit(cleanup);
  try {
    const stdout = await runIsolated(
      [...extraFlags, ...NAMESPACE_FLAGS, process.execPath, DRIVER_PATH, join(plan.root, "plan.json")],
      opts.timeoutMs,
    );
    const line = stdout.trim().split("\n").pop() ?? "";
    const paths: RunPaths = {
      root: plan.root,
      home: plan.home,
      codexHome: plan.codexHome,
      project: plan.project,
    };
    try {
      return { raw: JSON.parse(line) as RawObservations, paths };
    } catch {
      throw new AdapterError(
        "probe-failed",
        `the namespace driver printed no observations (${stdout.slice(0, 200) || "no output"})`,
      );
    }
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
    const forget = atExit(killGroup);
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
