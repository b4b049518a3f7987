/**
 * TUI latency benchmark: keystroke → re-resolved, re-rendered frame, for a scenario with 50 cloud group
 * rules and 200 MCP servers; and cold start of `codex-policy tui` to its first frame in tmux.
 * Run directly: `pnpm exec tsx scripts/bench-tui.ts`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let runs = 0;

/**
 * Spawns `codex-policy tui` (the CLI bin, as users run it) in tmux and times it to the first frame that
 * shows the result pane. `env` is added to the command's environment (e.g. an empty bundle cache).
 */
export async function coldStartMs(file: string, env: Record<string, string> = {}): Promise<number> {
  if (spawnSync("tmux", ["-V"]).status !== 0) return Number.NaN;
  const socket = `codex-policy-bench-${process.pid}-${runs++}`;
  const vars = Object.entries({ CI: "false", NO_COLOR: "1", ...env })
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const tmux = (...a: string[]) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  try {
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "warm", "-c", ROOT, "sleep 30");
    const t0 = performance.now();
    tmux(
      "new-window",
      "-t",
      "warm",
      "-n",
      "tui",
      "-c",
      ROOT,
      `env ${vars} node apps/cli/bin/codex-policy.mjs tui ${file}`,
    );
    for (;;) {
      const screen = tmux("capture-pane", "-p", "-t", "warm:tui");
      if (screen.includes("Result ·")) return performance.now() - t0;
      if (performance.now() - t0 > 20_000) throw new Error(`no first frame after 20 s:\n${screen}`);
      await sleep(2);
    }
  } finally {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
  }
}

export async function benchTui(): Promise<{
  p50: number;
  p95: number;
  /** Median of 3 starts with a warm bundle cache. */
  coldStartMs: number;
  /** The first-ever start: an empty bundle cache, so it includes bundling the CLI. */
  firstRunMs: number;
}> {
  // Measure what users run: React's production build (the tui command sets the same default).
  process.env.NODE_ENV ??= "production";
  const { largeScenario, measureKeystrokes, percentile, serializeScenario } = await import(
    "../apps/tui/src/index.js"
  );
  const scenario = largeScenario();
  const times = await measureKeystrokes(scenario, { samples: 200 });
  const dir = mkdtempSync(join(tmpdir(), "bench-tui-"));
  const file = join(dir, "large.toml");
  writeFileSync(file, serializeScenario(scenario));
  // First-ever run: a fresh cache directory, so the launcher bundles the CLI before starting.
  const firstRunMs = await coldStartMs(file, { CODEX_POLICY_CACHE_DIR: join(dir, "cache") });
  // Warm: make sure the shared cache holds the current bundle, then time three starts.
  execFileSync(process.execPath, [join(ROOT, "apps/cli/bin/codex-policy.mjs"), "--help"], {
    stdio: "ignore",
  });
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await coldStartMs(file));
  warm.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    coldStartMs: warm[1] ?? Number.NaN,
    firstRunMs,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchTui();
  const f = (n: number) => (Number.isNaN(n) ? "n/a" : `${n.toFixed(2)} ms`);
  process.stdout.write(
    `tui keystroke→frame (50 rules, 200 MCP servers): p50 ${f(r.p50)}  p95 ${f(r.p95)}  (target p95 < 16 ms)\n` +
      `tui cold start to first frame: ${f(r.coldStartMs)}  (target < 700 ms; warm bundle cache, median of 3)\n` +
      `tui first-ever start (empty bundle cache, includes bundling): ${f(r.firstRunMs)}\n`,
  );
}
