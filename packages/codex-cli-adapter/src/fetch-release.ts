import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { AdapterError } from "./errors.js";

/** The Linux x64 package of a release, then the plain package (older releases bundled every platform). */
const PACKAGES = (version: string) => [`@openai/codex@${version}-linux-x64`, `@openai/codex@${version}`];

/** Packs a release from npm into `dir` and returns the tarball's path. */
export function packRelease(version: string, dir: string): string {
  let why = "";
  for (const spec of PACKAGES(version)) {
    const r = spawnSync("npm", ["pack", spec, "--silent", "--pack-destination", dir], {
      encoding: "utf8",
      timeout: 300_000,
    });
    const file = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (r.status === 0 && file) return join(dir, file);
    why = (r.stderr || r.error?.message || "").trim().split("\n").at(-1) ?? why;
  }
  throw new AdapterError(
    "binary-missing",
    `cannot fetch @openai/codex@${version} from npm${why ? `: ${why}` : ""}`,
  );
}

/**
 * Unpacks the Linux x86_64 part of a Codex package tarball (the binary and what ships beside it)
 * into `dir` and returns the binary's path. Older releases keep it under `codex/`, newer ones `bin/`.
 */
export function unpackBinary(tarball: string, dir: string): string {
  let entries: string[];
  try {
    entries = execFileSync("tar", ["-tf", tarball], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "pipe"],
    }).split("\n");
  } catch (e) {
    const why = ((e as { stderr?: string }).stderr ?? "").trim().split("\n")[0] || "unreadable";
    throw new AdapterError("binary-missing", `${tarball} is not a tar archive (${why})`);
  }
  const binary = entries.find((e) => /(^|\/)vendor\/x86_64-unknown-linux-musl\/(bin|codex)\/codex$/.test(e));
  if (!binary) throw new AdapterError("binary-missing", `${tarball} holds no Linux x86_64 Codex binary`);
  const root = binary.replace(/(bin|codex)\/codex$/, "");
  execFileSync("tar", ["-xf", tarball, "-C", dir, root], { stdio: ["ignore", "ignore", "pipe"] });
  return join(dir, binary);
}
