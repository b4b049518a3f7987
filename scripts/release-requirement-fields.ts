/**
 * Reads which requirement fields published releases know into
 * packages/engine/data/requirement-fields-by-release.json.
 *
 *   pnpm exec tsx scripts/release-requirement-fields.ts 0.128 0.171
 *
 * For the first release of each published minor in the range (see release-binary.ts) it runs one
 * scenario through the real-binary adapter (private namespaces, loopback only). The merged
 * requirements the release reports (`--print-startup-config` from 0.164, `configRequirements/read`
 * before) list every field it knows, set or not. Results merge into the data file, so ranges can be
 * read in separate runs; each field is stored as runs of consecutive read releases.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWithCodex } from "@codex-policy/codex-cli-adapter";
import { compareVersions, ScenarioSchema } from "@codex-policy/spec";
import { fail, releasesInRange, withReleaseBinary } from "./release-binary.js";

const SCRIPT = "release-requirement-fields";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "packages/engine/data/requirement-fields-by-release.json");

/** `[first, last]` read release of a run in which the field was reported. */
type Run = [string, string];
interface Data {
  generatedBy: string;
  read: string[];
  fields: Record<string, Run[]>;
}

/** Any requirement makes the release report its whole field list. */
const PROBE = ScenarioSchema.parse({
  system: { requirements: 'allowed_approval_policies = ["on-request"]\n' },
  project: { trust: "trusted" },
});

async function reportedFields(bin: string, version: string): Promise<string[]> {
  const run = await runWithCodex(PROBE, { codexBin: bin, channels: ["requirements"], timeoutMs: 120_000 });
  if (run.kind !== "outcome") fail(SCRIPT, `${version}: ${run.reason}`);
  const raw = run.raw as {
    startup: { stdout: string } | null;
    appServer: { configRequirements?: { result?: { requirements?: object } } } | null;
  };
  const reported = raw.startup
    ? (JSON.parse(raw.startup.stdout) as { configRequirements?: { requirements?: object } })
        .configRequirements?.requirements
    : raw.appServer?.configRequirements?.result?.requirements;
  if (!reported) fail(SCRIPT, `${version} reported no merged requirements`);
  return Object.keys(reported).sort();
}

function expand(data: Data): Map<string, Set<string>> {
  const byRelease = new Map<string, Set<string>>(data.read.map((v) => [v, new Set()]));
  for (const [name, runs] of Object.entries(data.fields))
    for (const [first, last] of runs)
      for (const v of data.read)
        if (compareVersions(v, first) >= 0 && compareVersions(v, last) <= 0) byRelease.get(v)!.add(name);
  return byRelease;
}

function compact(byRelease: Map<string, Set<string>>): Data {
  const read = [...byRelease.keys()].sort(compareVersions);
  const names = [...new Set([...byRelease.values()].flatMap((s) => [...s]))].sort();
  const fields: Record<string, Run[]> = {};
  for (const name of names) {
    const runs: Run[] = [];
    let open: Run | null = null;
    for (const v of read) {
      if (!byRelease.get(v)!.has(name)) open = null;
      else if (open) open[1] = v;
      else {
        open = [v, v];
        runs.push(open);
      }
    }
    fields[name] = runs;
  }
  return { generatedBy: `scripts/${SCRIPT}.ts`, read, fields };
}

const versions = releasesInRange(SCRIPT, process.argv[2], process.argv[3]);
const data: Data = existsSync(OUT)
  ? (JSON.parse(readFileSync(OUT, "utf8")) as Data)
  : { generatedBy: "", read: [], fields: {} };
const byRelease = expand(data);
for (const version of versions) {
  const fields = await withReleaseBinary(SCRIPT, version, (bin) => reportedFields(bin, version));
  byRelease.set(version, new Set(fields));
  console.log(`${version}: ${fields.length} fields`);
  writeFileSync(OUT, `${JSON.stringify(compact(byRelease))}\n`);
}
console.log(`wrote ${OUT}`);
