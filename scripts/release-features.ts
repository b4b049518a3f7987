/**
 * Reads `codex features list` of published releases into packages/engine/data/features-by-release.json.
 *
 *   pnpm exec tsx scripts/release-features.ts 0.128 0.140      # minors 0.128 to 0.140, inclusive
 *
 * For the first release of each published minor in the range (see release-binary.ts) it runs
 * `codex features list` with a private CODEX_HOME, inside a network namespace with loopback only
 * when `unshare` works.
 * Results merge into the data file, so ranges can be read in separate runs. The file stores each
 * feature as runs of consecutive read releases with the same stage and default, not one copy per
 * release.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareVersions } from "@codex-policy/spec";
import { fail as failWith, releasesInRange, withReleaseBinary } from "./release-binary.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "packages/engine/data/features-by-release.json");

export interface FeatureRow {
  stage: string;
  default: boolean;
}
/** `[first minor, last minor, stage, default]`, over consecutive read releases. */
type Run = [string, string, string, boolean];
interface Data {
  generatedBy: string;
  read: string[];
  features: Record<string, Run[]>;
}

const fail = (message: string): never => failWith("release-features", message);

const sandboxed = spawnSync("unshare", ["-rn", "true"]).status === 0;

function featuresList(bin: string, home: string): Map<string, FeatureRow> {
  const args = sandboxed ? ["-rn", bin, "features", "list"] : ["features", "list"];
  const r = spawnSync(sandboxed ? "unshare" : bin, args, {
    encoding: "utf8",
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, CODEX_HOME: home },
  });
  if (r.status !== 0) fail(`${bin} features list exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  const rows = new Map<string, FeatureRow>();
  for (const line of r.stdout.split("\n")) {
    const m = /^(\S+)\s+(.+?)\s+(true|false)\s*$/.exec(line);
    if (m) rows.set(m[1]!, { stage: m[2]!, default: m[3] === "true" });
  }
  if (rows.size === 0) fail(`${bin} features list printed no features`);
  return rows;
}

/** Expands the stored runs to one map per read release. */
function expand(data: Data): Map<string, Map<string, FeatureRow>> {
  const byRelease = new Map<string, Map<string, FeatureRow>>(data.read.map((v) => [v, new Map()]));
  for (const [name, runs] of Object.entries(data.features))
    for (const [first, last, stage, dflt] of runs)
      for (const v of data.read)
        if (compareVersions(v, first) >= 0 && compareVersions(v, last) <= 0)
          byRelease.get(v)!.set(name, { stage, default: dflt });
  return byRelease;
}

/** Stores each feature as runs of consecutive read releases with equal rows. */
function compact(byRelease: Map<string, Map<string, FeatureRow>>): Data {
  const read = [...byRelease.keys()].sort(compareVersions);
  const names = [...new Set([...byRelease.values()].flatMap((m) => [...m.keys()]))].sort();
  const features: Record<string, Run[]> = {};
  for (const name of names) {
    const runs: Run[] = [];
    let open: Run | null = null;
    for (const v of read) {
      const row = byRelease.get(v)!.get(name);
      if (row && open && open[2] === row.stage && open[3] === row.default) open[1] = v;
      else {
        open = row ? [v, v, row.stage, row.default] : null;
        if (open) runs.push(open);
      }
    }
    features[name] = runs;
  }
  return { generatedBy: "scripts/release-features.ts", read, features };
}

const versions = releasesInRange("release-features", process.argv[2], process.argv[3]);

const data: Data = existsSync(OUT)
  ? (JSON.parse(readFileSync(OUT, "utf8")) as Data)
  : { generatedBy: "", read: [], features: {} };
const byRelease = expand(data);
for (const version of versions) {
  const rows = await withReleaseBinary("release-features", version, (bin, dir) => {
    const home = join(dir, "home");
    mkdirSync(home);
    return featuresList(bin, home);
  });
  byRelease.set(version, rows);
  console.log(`${version}: ${rows.size} features`);
}
writeFileSync(OUT, `${JSON.stringify(compact(byRelease))}\n`);
console.log(`wrote ${OUT}`);
