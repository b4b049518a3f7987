/**
 * Reads the feature deprecation notices of published releases into
 * packages/engine/data/feature-notices-by-release.json.
 *
 *   pnpm exec tsx scripts/release-feature-notices.ts 0.77 0.127
 *
 * For the first release of each published minor in the range (see release-binary.ts) it starts one
 * thread through the real-binary adapter (private namespaces, loopback only) with a user config
 * that names, under `[features]`, every key the newest release notices plus every feature the
 * release lists as deprecated (data/features-by-release.json), and keeps the notices in the order
 * the release sends them. Results merge into the data file, so ranges can be read in separate runs;
 * consecutive read releases with the same notices share one run.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWithCodex } from "@codex-policy/codex-cli-adapter";
import { catalogueFor, NOTICED_FEATURE_KEYS } from "@codex-policy/engine";
import { compareVersions, ScenarioSchema } from "@codex-policy/spec";
import { fail, releasesInRange, withReleaseBinary } from "./release-binary.js";

const SCRIPT = "release-feature-notices";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "packages/engine/data/feature-notices-by-release.json");

/** `[key, text]` in the order the release sends them. */
type Notice = [string, string];
interface Run {
  first: string;
  last: string;
  notices: Notice[];
}
interface Data {
  generatedBy: string;
  read: string[];
  /** The keys each read release was asked about. */
  probed: Record<string, string[]>;
  runs: Run[];
}

/** The feature key a notice is about: its first backticked name, without `[features].`. */
function noticeKey(text: string): string | null {
  const m = /^`(?:\[features\]\.)?([A-Za-z0-9_.]+)`/.exec(text);
  return m ? m[1]! : null;
}

function probedKeys(version: string): string[] {
  const deprecated = catalogueFor(version)
    .all.filter((f) => f.stage === "deprecated")
    .map((f) => f.key);
  return [...new Set([...NOTICED_FEATURE_KEYS.filter((k) => !k.includes(".")), ...deprecated])].sort();
}

async function notices(bin: string, version: string, keys: string[]): Promise<Notice[]> {
  const config = `[features]\n${keys.map((k) => `${k} = false`).join("\n")}\n`;
  const scenario = ScenarioSchema.parse({ user: { config }, project: { trust: "trusted" } });
  const run = await runWithCodex(scenario, { codexBin: bin, channels: ["session"], timeoutMs: 120_000 });
  if (run.kind !== "outcome") fail(SCRIPT, `${version}: ${run.reason}`);
  if (run.outcome.status !== "ok")
    fail(SCRIPT, `${version} refused the probe: ${run.outcome.errors[0]?.message ?? "?"}`);
  return run.outcome.warnings
    .filter((w) => w.code === "deprecated-feature")
    .map((w): Notice => {
      const key = noticeKey(w.message);
      if (key === null) fail(SCRIPT, `${version}: a notice names no key: ${w.message.slice(0, 120)}`);
      return [key, w.message];
    });
}

function expand(data: Data): Map<string, Notice[]> {
  const byRelease = new Map<string, Notice[]>();
  for (const v of data.read) {
    const run = data.runs.find((r) => compareVersions(r.first, v) <= 0 && compareVersions(v, r.last) <= 0);
    byRelease.set(v, run?.notices ?? []);
  }
  return byRelease;
}

function compact(byRelease: Map<string, Notice[]>, probed: Record<string, string[]>): Data {
  const read = [...byRelease.keys()].sort(compareVersions);
  const runs: Run[] = [];
  for (const v of read) {
    const notices = byRelease.get(v)!;
    const open = runs.at(-1);
    if (open && JSON.stringify(open.notices) === JSON.stringify(notices)) open.last = v;
    else runs.push({ first: v, last: v, notices });
  }
  return { generatedBy: `scripts/${SCRIPT}.ts`, read, probed, runs };
}

const versions = releasesInRange(SCRIPT, process.argv[2], process.argv[3]);
const data: Data = existsSync(OUT)
  ? (JSON.parse(readFileSync(OUT, "utf8")) as Data)
  : { generatedBy: "", read: [], probed: {}, runs: [] };
const byRelease = expand(data);
const probed = { ...data.probed };
for (const version of versions) {
  const keys = probedKeys(version);
  const found = await withReleaseBinary(SCRIPT, version, (bin) => notices(bin, version, keys));
  byRelease.set(version, found);
  probed[version] = keys;
  console.log(`${version}: ${found.length} notices for ${keys.length} keys`);
  writeFileSync(OUT, `${JSON.stringify(compact(byRelease, probed))}\n`);
}
console.log(`wrote ${OUT}`);
