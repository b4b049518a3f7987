// The binary-verified corpus through the real Codex binary: scenarios per second, where the time goes
// (per phase), how idle the CPU was, and whether any instance's result changed between rounds.
import { readFileSync } from "node:fs";
import {
  AdapterError,
  channelsFor,
  type RawObservations,
  runWithCodex,
  underPrefix,
  unsupportedReason,
} from "@codex-policy/codex-cli-adapter";
import { checkExpectations, expandTests, loadCorpus, mapOrdered, waitBoundJobs } from "@codex-policy/harness";

type Instance = ReturnType<typeof expandTests>[number];

/** Every codex-0.169 corpus instance the binary can express (what CI checks). */
export async function binaryInstances(): Promise<Instance[]> {
  const out: Instance[] = [];
  for (const c of await loadCorpus())
    for (const t of expandTests(c))
      if (t.edition === "codex-0.169" && unsupportedReason(t.scenario) === null) out.push(t);
  return out;
}

interface RunResult {
  id: string;
  /** "pass", the failing paths, or the adapter error code. */
  verdict: string;
  wallMs: number;
  raw: RawObservations | null;
}

async function runInstance(t: Instance): Promise<RunResult> {
  const id = `${t.caseId}:${t.testId}`;
  const started = performance.now();
  try {
    const run = await runWithCodex(t.scenario, { channels: channelsFor(Object.keys(t.expect)) });
    const wallMs = performance.now() - started;
    if (run.kind === "unsupported") return { id, verdict: `unsupported`, wallMs, raw: null };
    const unobserved = run.outcome.unobserved ?? [];
    const failing = checkExpectations(run.outcome, t.expect)
      .filter((c) => !c.ok && !unobserved.some((p) => underPrefix(c.path.replace(/\.\$\w+$/, ""), p)))
      .map((c) => c.path);
    return {
      id,
      verdict: failing.length === 0 ? "pass" : `fail ${failing.join(",")}`,
      wallMs,
      raw: run.raw as RawObservations,
    };
  } catch (e) {
    const wallMs = performance.now() - started;
    return { id, verdict: `error ${e instanceof AdapterError ? e.code : String(e)}`, wallMs, raw: null };
  }
}

/** Busy and total CPU time of the machine so far, in jiffies (/proc/stat). */
function cpuTimes(): { busy: number; total: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = f[3]! + f[4]!;
  return { busy: total - idle, total };
}

/** Milliseconds per phase of one run, from the driver's timestamps. */
function phases(r: RunResult): Record<string, number> {
  const out: Record<string, number> = { "whole run (outside view)": r.wallMs };
  const raw = r.raw;
  if (!raw) return out;
  const at = (name: string) => raw.steps.find((s) => s.name === name)?.at;
  const isolated = at("isolated");
  const done = at("done");
  if (isolated !== undefined) out["namespace set-up (inside the driver)"] = isolated;
  if (done !== undefined) out["outside the driver (node start, unshare, copy, clean-up)"] = r.wallMs - done;
  const exec = (label: string, e: { started?: number; ended?: number } | null) => {
    if (e?.started !== undefined && e.ended !== undefined) out[label] = e.ended - e.started;
  };
  exec("codex app-server --print-startup-config", raw.startup);
  exec("codex features list", raw.features);
  exec("codex mcp list", raw.mcp);
  const app = raw.appServer;
  if (app) {
    const rpc = (m: string) => app.rec.rpc?.find((x) => x.method === m);
    const init = rpc("initialize");
    if (init?.replied != null && app.rec.spawnedAt !== undefined)
      out["app-server start to initialize reply"] = init.replied - app.rec.spawnedAt;
    for (const [m, label] of [
      ["thread/start", "RPC thread/start"],
      ["thread/name/set", "thread start-up events drained"],
      ["hooks/list", "RPC hooks/list"],
    ] as const) {
      const x = rpc(m);
      if (x?.replied != null) out[label] = x.replied - x.sent;
    }
    for (const t of app.turns)
      if (t.startedAt !== undefined && t.endedAt !== undefined)
        out[t.script.kind === "exec" ? "model turn (command)" : "model turn (plain message)"] =
          (out[t.script.kind === "exec" ? "model turn (command)" : "model turn (plain message)"] ?? 0) +
          t.endedAt -
          t.startedAt;
  }
  return out;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export interface CorpusBench {
  instances: number;
  jobs: number;
  rounds: { seconds: number; perSecond: number; idleShare: number; failing: number }[];
  /** Phase → [median ms, p95 ms, runs that had it], over every round. */
  phases: [string, number, number, number][];
  /** Instances whose verdict differed between rounds, with each round's verdict. */
  changed: { id: string; verdicts: string[] }[];
}

export async function benchBinaryCorpus(opts: { rounds?: number; jobs?: number } = {}): Promise<CorpusBench> {
  const instances = await binaryInstances();
  const jobs = opts.jobs ?? waitBoundJobs();
  const rounds: CorpusBench["rounds"] = [];
  const verdicts = new Map<string, string[]>();
  const byPhase = new Map<string, number[]>();
  for (let k = 0; k < (opts.rounds ?? 3); k++) {
    const cpu0 = cpuTimes();
    const t0 = performance.now();
    const results = await mapOrdered(instances, jobs, runInstance);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuTimes();
    const total = cpu1.total - cpu0.total;
    rounds.push({
      seconds,
      perSecond: instances.length / seconds,
      idleShare: total > 0 ? 1 - (cpu1.busy - cpu0.busy) / total : 0,
      failing: results.filter((r) => r.verdict !== "pass").length,
    });
    for (const r of results) {
      verdicts.set(r.id, [...(verdicts.get(r.id) ?? []), r.verdict]);
      for (const [p, ms] of Object.entries(phases(r))) byPhase.set(p, [...(byPhase.get(p) ?? []), ms]);
    }
  }
  return {
    instances: instances.length,
    jobs,
    rounds,
    phases: [...byPhase].map(([p, xs]) => [p, quantile(xs, 0.5), quantile(xs, 0.95), xs.length]),
    changed: [...verdicts].filter(([, v]) => new Set(v).size > 1).map(([id, v]) => ({ id, verdicts: v })),
  };
}
