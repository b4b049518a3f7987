#!/usr/bin/env node
// The GitHub Action's first step: installs codex-policy from its publish-ready tarball into a directory
// of its own, with plain npm, and prints the launcher's path as the step output `bin`. The tarball is the
// one in the action's dist/ when there is one; otherwise it is packed from the action's checkout.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ACTION = process.env.GITHUB_ACTION_PATH || resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

function tarball() {
  const dist = join(ACTION, "dist");
  const found = () =>
    existsSync(dist) ? readdirSync(dist).find((f) => /^codex-policy-.*\.tgz$/.test(f)) : undefined;
  if (!found()) {
    const pnpm = `pnpm@${JSON.parse(readFileSync(join(ACTION, "package.json"), "utf8")).packageManager.split("@")[1]}`;
    for (const args of [["install", "--frozen-lockfile"], ["pack:cli"]])
      execFileSync("npx", ["-y", pnpm, ...args], { cwd: ACTION, stdio: ["ignore", "inherit", "inherit"] });
  }
  const file = found();
  if (!file) throw new Error(`no codex-policy tarball in ${dist} after packing`);
  return join(dist, file);
}

/** The optional Codex binary is needed only when the real binary runs without a release of its own. */
export function needsBundledBinary(env) {
  return (env.INPUT_IMPL ?? "").trim() === "codex-cli" && (env.INPUT_CODEX_RELEASES ?? "").trim() === "";
}

function main() {
  const prefix = join(process.env.RUNNER_TEMP || tmpdir(), "codex-policy-tool");
  mkdirSync(prefix, { recursive: true });
  const args = ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save"];
  if (!needsBundledBinary(process.env)) args.push("--omit=optional");
  execFileSync("npm", [...args, tarball()], { stdio: ["ignore", "inherit", "inherit"] });
  const bin = join(prefix, "node_modules", ".bin", "codex-policy");
  if (!existsSync(bin)) throw new Error(`npm did not install ${bin}`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `bin=${bin}\n`);
  process.stdout.write(`codex-policy installed: ${bin}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`codex-policy action: ${e?.message ?? e}\n`);
    process.exit(1);
  }
}
