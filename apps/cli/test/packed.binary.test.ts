import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binaryProblem } from "../../../packages/codex-cli-adapter/test/needs-binary.js";
// @ts-expect-error: a plain ESM script without type declarations
import { packCli } from "../../../scripts/pack-cli.mjs";
import { barePath } from "./bare-path.js";

// The publish-ready tarball, installed with plain npm into an empty directory and run with only node, npm and
// npx on the PATH (and sh): no pnpm, no tsx, no dev dependencies, nothing from the monorepo.
const work = mkdtempSync(join(tmpdir(), "codex-policy-packed-"));
const project = join(work, "project");
const bin = join(work, "bin");
const inCi = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

// npm's own cache is kept between runs, so the optional Codex binary downloads once per machine.
const env = () => ({ HOME: work, PATH: bin, npm_config_cache: NPM_CACHE, CI: "false", NO_COLOR: "1" });
const NPM_CACHE = process.env.npm_config_cache ?? join(homedir(), ".npm");

function npx(...args: string[]) {
  return npxWith({}, ...args);
}

function npxWith(extra: Record<string, string>, ...args: string[]) {
  const r = spawnSync(join(bin, "npx"), ["--no-install", "codex-policy", ...args], {
    cwd: project,
    env: { ...env(), ...extra },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const shipped = (p: string) => join(project, "node_modules", "codex-policy", p);

describe("the packed CLI, installed with npm", () => {
  beforeAll(async () => {
    barePath(bin); // and sh, which npx runs bins through
    const tarball: string = await packCli({ outDir: join(work, "dist"), log: () => {} });
    mkdirSync(project);
    execFileSync(join(bin, "npm"), ["init", "-y"], { cwd: project, env: env(), stdio: "ignore" });
    execFileSync(join(bin, "npm"), ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
      cwd: project,
      env: env(),
      stdio: "pipe",
      timeout: 300_000,
    });
  }, 600_000);
  afterAll(() => {
    spawnSync("tmux", ["-L", `codex-policy-packed-${process.pid}`, "kill-server"]);
    rmSync(work, { recursive: true, force: true });
  });

  it("installs with no dependencies but the optional Codex binary", () => {
    const installed = readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed.filter((n) => n !== "@openai")).toEqual(["codex-policy"]);
  });

  it("--version names the tool and the Codex releases it models", () => {
    const r = npx("--version");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^codex-policy \d+\.\d+\.\d+\n/);
    expect(r.stdout).toMatch(/models Codex CLI 0\.77 to 0\.\d+/);
  });

  it("no arguments or an unknown command print usage and exit 2", () => {
    const none = npx();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("usage: codex-policy <command>");
    const bad = npx("frobnicate");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown command 'frobnicate'");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("resolves the shipped example", () => {
    const r = npx("resolve", shipped("examples/contractor-devbox.toml"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/approval_policy\s+on-request\s+from requirements/);
  });

  it("runs the shipped corpus against the engine, and the corpus lints clean", () => {
    const run = npx("conformance", "run", "--impl", "engine");
    expect(run.code).toBe(0);
    const last = run.stdout.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(/^(\d+) passed, 0 failed, 0 skipped/);
    expect(Number(/^(\d+)/.exec(last)?.[1])).toBeGreaterThan(1000);
    const check = npx("corpus", "check");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/; 0 lint errors/);
  });

  it("opens the TUI on a gallery policy and quits on q", async () => {
    if (!hasTmux) {
      if (inCi) throw new Error("tmux is missing; CI installs it (.ci/run)");
      return;
    }
    const tmux = (...a: string[]) =>
      execFileSync("tmux", ["-L", `codex-policy-packed-${process.pid}`, ...a], { encoding: "utf8" });
    const launch = `env -i HOME=${work} PATH=${bin} TERM=xterm-256color NO_COLOR=1 npx --no-install codex-policy tui ${shipped("examples/gallery/devbox.toml")}; echo EXIT=$?; sleep 30`;
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "tui", "-c", project, launch);
    const until = async (pred: (s: string) => boolean, what: string) => {
      const end = Date.now() + 120_000;
      let screen = "";
      while (Date.now() < end) {
        screen = tmux("capture-pane", "-p", "-t", "tui");
        if (pred(screen)) return screen;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    };
    const first = await until((s) => s.includes("Result") && /sandbox\s+read-only/.test(s), "first frame");
    expect(first).toContain("codex-0.169");
    tmux("send-keys", "-t", "tui", "q");
    await until((s) => s.includes("EXIT="), "exit");
    expect(tmux("capture-pane", "-p", "-t", "tui")).toContain("EXIT=0");
  }, 300_000);

  it("compares with the real binary the install brought (--impl codex-cli)", () => {
    const problem = binaryProblem();
    if (problem !== null) {
      if (inCi) throw new Error(problem);
      return;
    }
    // The adapter isolates the binary with the system's unshare and friends.
    const system = { PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin` };
    const r = npxWith(system, "diff", shipped("examples/legacy-managed-config.toml"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 differing path\(s\)/m);
  }, 300_000);

  it("without the optional binary, --impl codex-cli gives a one-line hint", () => {
    rmSync(join(project, "node_modules", "@openai"), { recursive: true, force: true });
    const r = npx("resolve", "--impl", "codex-cli", shipped("examples/legacy-managed-config.toml"));
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("npm install @openai/codex@");
  });
});
