/**
 * Published releases as temporary binaries, for the scripts that read one fact from each release
 * (release-features.ts, release-requirement-fields.ts). A release is packed from npm into a
 * temporary directory, only its Linux binary is extracted, and the directory is deleted after use:
 * each one is about 400 MB unpacked, so none is kept.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editionRelease, PUBLISHED_MINORS } from "@codex-policy/spec";

export function fail(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

function pack(version: string, dir: string): string | null {
  for (const spec of [`@openai/codex@${version}-linux-x64`, `@openai/codex@${version}`]) {
    const r = spawnSync("npm", ["pack", spec, "--silent", "--pack-destination", dir], {
      encoding: "utf8",
      timeout: 300_000,
    });
    const file = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (r.status === 0 && file) return join(dir, file);
  }
  return null;
}

function extractBinary(tgz: string, dir: string): string | null {
  const entries = execFileSync("tar", ["-tzf", tgz], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\n");
  const entry = entries.find((e) => /x86_64-unknown-linux-musl\/(bin\/)?codex(\/codex)?$/.test(e));
  if (!entry) return null;
  execFileSync("tar", ["-xzf", tgz, "-C", dir, entry]);
  rmSync(tgz);
  return join(dir, entry);
}

/** The first release of each published minor from `from` to `to` (`0.128`), inclusive. */
export function releasesInRange(script: string, from: string | undefined, to: string | undefined): string[] {
  const minorOf = (s: string | undefined) => (s && /^0\.\d+$/.test(s) ? Number(s.split(".")[1]) : NaN);
  const lo = minorOf(from);
  const hi = minorOf(to ?? from);
  if (Number.isNaN(lo) || Number.isNaN(hi))
    fail(script, `usage: ${script}.ts FROM_MINOR [TO_MINOR]  (e.g. 0.128 0.140)`);
  return PUBLISHED_MINORS.filter((m) => m >= lo && m <= hi).map((m) => editionRelease(`codex-0.${m}`)!);
}

/** Runs `use` on the release's Linux binary in a temporary directory, removed afterwards. */
export async function withReleaseBinary<T>(
  script: string,
  version: string,
  use: (bin: string, dir: string) => Promise<T> | T,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "codex-release-"));
  try {
    const tgz = pack(version, dir);
    if (!tgz) fail(script, `cannot fetch @openai/codex@${version} from npm`);
    const bin = extractBinary(tgz, dir);
    if (!bin) fail(script, `no Linux x86_64 binary in @openai/codex@${version}`);
    return await use(bin, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
