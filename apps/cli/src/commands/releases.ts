import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { compareVersions, LATEST_EDITION, RELEASES } from "@codex-policy/spec";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";
import { tryRelease } from "./release-try.js";

const USAGE = `usage: codex-policy releases [--json] [--all] [--times FILE]
       codex-policy releases --try VERSION|newest [--tarball FILE] [--cases DIR] [--tags a,b] [--jobs N]
                                                              [--jsonl FILE]

Asks npm which Codex CLI releases exist (npm view @openai/codex time) and sets them against the releases
codex-policy models: every stable release newer than the newest modelled one is listed, and so is any
stable release the model does not know. --all lists every stable release. --times reads the output of
\`npm view @openai/codex time --json\` from FILE instead of asking npm (offline, or for CI).

--try VERSION fetches that release's Linux x64 package from npm into a temporary directory, runs the
binary-expressible corpus on it under its edition (codex-latest when it is newer than every modelled
release), prints every instance where it differs from the model, and deletes the directory. --try
newest takes the newest published release when it is newer than the newest modelled one. --tarball
FILE uses a package tarball already fetched; --jsonl FILE also writes the JSON-lines report. Needs Linux with user namespaces.

exit codes: 0 every published release is modelled (--try: the release matches the model), 1 some are not
(--try: it differs somewhere), 2 usage error, npm unreachable or not a Codex package`;

export interface ReleaseRow {
  version: string;
  published: string;
  state: "modelled" | "newer" | "unknown";
}

/** Stable releases (x.y.z, no platform suffix) from npm's `time` map, against the modelled release table. */
export function classifyReleases(times: Record<string, string>): ReleaseRow[] {
  const modelled = new Set(RELEASES.map((r) => r.version));
  const newest = RELEASES[RELEASES.length - 1]!.version;
  const oldest = RELEASES[0]!.version;
  return Object.entries(times)
    .filter(([v]) => /^\d+\.\d+\.\d+$/.test(v) && compareVersions(v, oldest) >= 0)
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, at]) => ({
      version,
      published: at.slice(0, 10),
      state: modelled.has(version) ? "modelled" : compareVersions(version, newest) > 0 ? "newer" : "unknown",
    }));
}

function npmTimes(file: string | undefined): Record<string, string> {
  let text: string;
  try {
    text = file
      ? readFileSync(file, "utf8")
      : execFileSync("npm", ["view", "@openai/codex", "time", "--json"], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          timeout: 60_000,
        });
  } catch (e) {
    const why =
      (e as { stderr?: string }).stderr?.trim().split("\n").at(-1) ?? (e as Error).message.split("\n")[0];
    throw new UserError(
      file ? `cannot read ${file}: ${why}` : `npm view @openai/codex failed: ${why}`,
      2,
      "npm",
    );
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, string>;
  } catch {}
  throw new UserError(
    `${file ?? "npm"}: expected the JSON object of \`npm view @openai/codex time --json\``,
    2,
    "npm",
  );
}

async function tryCommand(flags: Record<string, string | boolean | undefined>): Promise<number> {
  let version = flags.try as string;
  if (version === "newest") {
    const newer = classifyReleases(npmTimes(flags.times as string | undefined)).filter(
      (r) => r.state === "newer",
    );
    const newest = newer.at(-1);
    if (!newest) {
      process.stdout.write(
        `no published release is newer than the newest modelled one (${LATEST_EDITION})\n`,
      );
      return 0;
    }
    version = newest.version;
  }
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0))
    throw new UserError(`--jobs takes a positive integer, got '${flags.jobs}'`);
  const r = await tryRelease(version, {
    tarball: flags.tarball as string | undefined,
    cases: flags.cases as string | undefined,
    tags: flags.tags as string | undefined,
    jsonl: flags.jsonl as string | undefined,
    jobs,
  });
  process.stdout.write(r.text);
  return r.exit;
}

export const command: Command = {
  name: "releases",
  summary: "Which Codex releases exist on npm, and which of them codex-policy does not model yet",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      json: "bool",
      all: "bool",
      times: "string",
      try: "string",
      tarball: "string",
      cases: "string",
      tags: "string",
      jobs: "string",
      jsonl: "string",
    });
    if (positional.length > 0) throw new UserError(`unexpected argument '${positional[0]}'\n${USAGE}`);
    if (flags.try !== undefined) return tryCommand(flags);
    for (const only of ["tarball", "cases", "tags", "jobs", "jsonl"])
      if (flags[only] !== undefined) throw new UserError(`--${only} goes with --try\n${USAGE}`);
    const rows = classifyReleases(npmTimes(flags.times as string | undefined));
    const missing = rows.filter((r) => r.state !== "modelled");
    if (flags.json) {
      process.stdout.write(
        `${JSON.stringify({ newestModelled: LATEST_EDITION, releases: rows }, null, 2)}\n`,
      );
      return missing.length > 0 ? 1 : 0;
    }
    const shown = flags.all ? rows : missing;
    const label = {
      modelled: "modelled",
      newer: "newer than the newest modelled release",
      unknown: "published, not in the model",
    };
    const out = [
      `${rows.length} stable releases on npm from ${rows[0]?.version ?? "?"}; newest modelled: ${LATEST_EDITION} (${RELEASES[RELEASES.length - 1]!.version}); ${missing.length} not modelled`,
      ...shown.map((r) => `  ${r.version.padEnd(10)} ${r.published}  ${label[r.state]}`),
    ];
    process.stdout.write(`${out.join("\n")}\n`);
    return missing.length > 0 ? 1 : 0;
  },
};
