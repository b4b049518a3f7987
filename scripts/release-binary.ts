/**
 * Published releases as temporary binaries, for the scripts that read one fact from each release
 * (release-features.ts, release-requirement-fields.ts). A release is packed from npm into a
 * temporary directory, only its Linux x86_64 part is extracted, and the directory is deleted after use:
 * each one is about 400 MB unpacked, so none is kept.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packRelease, unpackBinary } from "@codex-policy/codex-cli-adapter";
import { editionRelease, PUBLISHED_MINORS } from "@codex-policy/spec";

export function fail(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(2);
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
    let bin: string;
    try {
      const tgz = packRelease(version, dir);
      bin = unpackBinary(tgz, dir);
      rmSync(tgz);
    } catch (e) {
      fail(script, (e as Error).message);
    }
    return await use(bin, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
