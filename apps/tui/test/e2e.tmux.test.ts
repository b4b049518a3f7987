import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/** Drives the real program (`codex-policy tui`) in a detached tmux session of fixed size. */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SOCKET = `codex-policy-e2e-${process.pid}`;
const SESSION = "tui";
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const inCi = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const capture = () => tmux("capture-pane", "-p", "-t", SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForScreen(
  pred: (screen: string) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = "";
  while (Date.now() < end) {
    try {
      screen = capture();
    } catch {
      screen = "(no pane)";
    }
    if (pred(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
}

/**
 * Types into the open prompt and waits until the footer shows the text. On a very busy machine a burst of
 * keys can be lost between tmux and the program; then the prompt is cleared (Ctrl+U) and the text sent again.
 */
async function typeIntoPrompt(text: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) tmux("send-keys", "-t", SESSION, "C-u");
    tmux("send-keys", "-t", SESSION, "-l", text);
    try {
      await waitForScreen((s) => s.includes(`${text}█`), `"${text}" in the prompt`, 30_000);
      return;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
}

const sandboxLine = (s: string) => s.split("\n").find((l) => /sandbox\s/.test(l)) ?? "";

// Skipped only on a developer machine without tmux; in CI a missing tmux is a failure.
describe.skipIf(!hasTmux && !inCi)("tui end to end in tmux", () => {
  afterAll(() => {
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  });

  it("switch the hostname to a devbox, see the sandbox change, explain it, quit", async () => {
    tmux(
      "new-session",
      "-d",
      "-x",
      "100",
      "-y",
      "30",
      "-s",
      SESSION,
      "-c",
      ROOT,
      "env CI=false NO_COLOR=1 node apps/cli/bin/codex-policy.mjs tui examples/gallery/devbox.toml; sleep 5",
    );
    // 1. started: the result pane shows the fallback to read-only on this laptop.
    const first = await waitForScreen(
      (s) => s.includes("Result") && sandboxLine(s).includes("read-only"),
      "first frame",
    );
    expect(sandboxLine(first)).not.toContain("workspace-write");

    // 2. Context pane → hostname → type a devbox name.
    tmux("send-keys", "-t", SESSION, "Tab");
    await waitForScreen((s) => s.includes("▶ Context"), "context focus");
    tmux("send-keys", "-t", SESSION, "Down", "Down", "Enter");
    await waitForScreen((s) => s.includes("hostname: laptop-42"), "hostname prompt");
    await typeIntoPrompt("box7.devbox.example.com");
    tmux("send-keys", "-t", SESSION, "Enter");

    // 3. the sandbox line changes.
    await waitForScreen((s) => sandboxLine(s).includes("workspace-write"), "sandbox workspace-write");

    // 4. explain view for the sandbox row.
    tmux("send-keys", "-t", SESSION, "Tab", "Down", "Enter");
    const explain = await waitForScreen(
      (s) => s.includes("Explain") && s.includes("matched"),
      "explain view",
    );
    expect(explain).toContain("*.devbox.example.com");

    // 5. quit.
    tmux("send-keys", "-t", SESSION, "Escape");
    await waitForScreen((s) => s.includes("Layers"), "back to panes");
    tmux("send-keys", "-t", SESSION, "q");
    await waitForScreen((s) => !s.includes("Layers"), "screen restored", 60_000);
    // The program has exited: the pane now runs the trailing `sleep`.
    const end = Date.now() + 60_000;
    let cmd = "";
    while (Date.now() < end) {
      cmd = tmux("display-message", "-p", "-t", SESSION, "#{pane_current_command}").trim();
      if (cmd === "sleep") break;
      await sleep(50);
    }
    expect(cmd).toBe("sleep");
  });

  it("type a release into the edition selector, then read the releases view at 80x24", async () => {
    tmux("kill-session", "-t", SESSION);
    tmux(
      "new-session",
      "-d",
      "-x",
      "80",
      "-y",
      "24",
      "-s",
      SESSION,
      "-c",
      ROOT,
      "env CI=false NO_COLOR=1 node apps/cli/bin/codex-policy.mjs tui examples/legacy-managed-config.toml; sleep 5",
    );
    await waitForScreen(
      (s) => s.includes("Result") && sandboxLine(s).includes("danger-full-access"),
      "first frame",
    );

    // Context pane, edition row: Enter opens the selector; type a release.
    tmux("send-keys", "-t", SESSION, "Tab");
    await waitForScreen((s) => s.includes("▶ Context"), "context focus");
    tmux("send-keys", "-t", SESSION, "Enter");
    await waitForScreen((s) => s.includes("Edition (0.150"), "edition prompt");
    await typeIntoPrompt("0.136");
    tmux("send-keys", "-t", SESSION, "Enter");
    const older = await waitForScreen((s) => s.includes("codex-0.136"), "edition codex-0.136");
    expect(sandboxLine(older)).toContain("read-only");

    // The releases view: the 0.137 flip with its entry below it, and the 0.136 row in force marked.
    tmux("send-keys", "-t", SESSION, "v");
    const view = await waitForScreen(
      (s) => s.includes("Releases ·") && s.includes("legacy-above-requirements"),
      "releases view",
    );
    const lines = view.split("\n");
    const flip = lines.findIndex((l) => /0\.137\s+ok\s+never\s+danger-full-access/.test(l));
    expect(flip).toBeGreaterThan(0);
    expect(lines[flip + 1]).toContain("legacy-above-requirements");
    expect(lines.find((l) => l.includes("▶"))).toMatch(/▶\S*\s*0\.1\d\d\s+ok\s+on-request\s+read-only/);
    tmux("send-keys", "-t", SESSION, "Escape");
    await waitForScreen((s) => s.includes("Layers"), "back to panes");
    tmux("send-keys", "-t", SESSION, "q");
    await waitForScreen((s) => !s.includes("Layers"), "screen restored", 60_000);
  });
});
