import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { barePath } from "./bare-path.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const PROMPT = "$ npx codex-policy ";

/** Each `$ npx codex-policy …` line of the README's console blocks, with the output shown under it. */
function transcripts(markdown: string): { args: string[]; shown: string[] }[] {
  const out: { args: string[]; shown: string[] }[] = [];
  let inConsole = false;
  let current: { args: string[]; shown: string[] } | null = null;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) {
      inConsole = !inConsole && line === "```console";
      current = null;
      continue;
    }
    if (!inConsole) continue;
    if (line.startsWith(PROMPT)) {
      current = { args: line.slice(PROMPT.length).split(" "), shown: [] };
      out.push(current);
    } else current?.shown.push(line);
  }
  return out;
}

// `init my-policies` and what follows it run in a scratch directory, as a new user's would.
const scratch = mkdtempSync(join(tmpdir(), "codex-policy-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: args.includes("my-policies") ? scratch : root,
    encoding: "utf8",
    timeout: 240_000,
  });

describe("README console transcripts are real output", () => {
  const all = transcripts(readFileSync(join(root, "README.md"), "utf8"));
  it("has the edition comparison and the change list", () => {
    expect(all.map((t) => t.args.join(" "))).toEqual(
      expect.arrayContaining([
        "resolve examples/legacy-managed-config.toml --edition codex-0.136",
        "resolve examples/legacy-managed-config.toml --edition codex-0.137",
        "editions",
        "drift --from 0.136 --to 0.137 examples/legacy-managed-config.toml",
        "lint examples/lint/requirements.toml",
        "init my-policies",
        "test my-policies",
        "impact --before examples/impact/before --after examples/impact/after --roster examples/impact/roster.toml",
      ]),
    );
  });
  for (const t of all) {
    it(t.args.join(" "), () => {
      const r = run(t.args);
      // drift and impact exit 1 when something changes, lint when it finds errors: what the transcripts show.
      expect(r.status).toBe(["drift", "lint", "impact"].includes(t.args[0]!) ? 1 : 0);
      const shown = t.shown.join("\n").trimEnd();
      const excerpt = shown.split("\n…\n");
      // A transcript with `…` lines is an excerpt: its pieces appear in order.
      if (excerpt.length === 1) expect(r.stdout.trimEnd()).toBe(shown);
      else {
        let from = 0;
        for (const piece of excerpt.map((p) => p.trim()).filter(Boolean)) {
          const at = r.stdout.indexOf(piece, from);
          expect(at, piece.slice(0, 80)).toBeGreaterThanOrEqual(0);
          from = at + piece.length;
        }
      }
    });
  }
});

describe("README everyday commands need no global pnpm", () => {
  // The .bin shim pnpm writes is a sh script that also calls dirname, sed and uname.
  it("`npx codex-policy` runs the workspace's launcher with node, npm, npx and a shell on the PATH, and no pnpm", () => {
    const bin = mkdtempSync(join(tmpdir(), "codex-policy-nopnpm-"));
    try {
      barePath(bin, ["sh", "dirname", "sed", "uname"]);
      const r = spawnSync(
        join(bin, "npx"),
        ["--no-install", "codex-policy", "resolve", "examples/contractor-devbox.toml"],
        {
          cwd: root,
          env: { HOME: process.env.HOME ?? bin, PATH: bin },
          encoding: "utf8",
          timeout: 240_000,
        },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^edition: codex-0\.169\n/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
