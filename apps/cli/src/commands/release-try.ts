import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import {
  codexCliAdapter,
  defaultCasesDir,
  loadCorpus,
  parseTags,
  runConformance,
  toJsonl,
  toPretty,
  waitBoundJobs,
} from "@codex-policy/harness";
import { editionForVersion, LATEST_EDITION } from "@codex-policy/spec";
import { UserError } from "../user-error.js";

export interface TryOptions {
  /** A package tarball to use instead of asking npm (offline, or a mirror). */
  tarball?: string;
  cases?: string;
  tags?: string;
  jobs?: number;
  /** Also write the canonical JSON-lines report here. */
  jsonl?: string;
  log?: (line: string) => void;
}

function adapterFailure(e: unknown): never {
  const err = e as Error & { code?: string };
  throw new UserError(err.message.split("\n")[0] ?? String(e), 2, err.code ?? "binary-missing");
}

/**
 * Fetches one release into a temporary directory, runs the binary-expressible corpus on it under
 * its own edition (the newest modelled one when it is newer), and deletes the directory. Every
 * failing instance is behaviour the model does not predict for that release.
 */
export async function tryRelease(
  version: string,
  opts: TryOptions = {},
): Promise<{ text: string; exit: number }> {
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new UserError(`--try takes an exact release such as 0.172.0, got '${version}'`);
  const own = editionForVersion(version);
  if (!own.ok) throw new UserError(`--try ${version}: ${own.message}`, 2, own.code);
  const adapterModule = await import("@codex-policy/codex-cli-adapter");
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-try-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let bin: string;
    try {
      log(opts.tarball ? `unpacking ${opts.tarball}` : `fetching @openai/codex@${version} from npm`);
      const tgz = opts.tarball ? resolvePath(opts.tarball) : adapterModule.packRelease(version, dir);
      bin = adapterModule.unpackBinary(tgz, dir);
      if (!opts.tarball) rmSync(tgz);
      const found = adapterModule.findCodexBinary({ codexBin: bin });
      if (found.version !== version)
        throw new UserError(`the package holds codex ${found.version}, not ${version}`, 2, "binary-mismatch");
      adapterModule.preflight({ codexBin: bin });
    } catch (e) {
      if (e instanceof UserError) throw e;
      adapterFailure(e);
    }
    if (own.note) log(`warning: ${own.note} (not modelled yet)`);
    const cases = await loadCorpus(resolvePath(opts.cases ?? defaultCasesDir()));
    let n = 0;
    const report = await runConformance({
      adapter: codexCliAdapter({ codexBin: bin }),
      cases,
      casesDir: opts.cases ?? "conformance/cases",
      releases: "adapter",
      filter: { tags: opts.tags ? parseTags(opts.tags) : undefined },
      labels: { tags: opts.tags },
      timeoutMs: 60_000,
      jobs: opts.jobs ?? waitBoundJobs(),
      onRecord: () => {
        if (++n % 50 === 0) log(`  ... ${n} instances`);
      },
    });
    if (opts.jsonl) writeFileSync(opts.jsonl, toJsonl(report));
    const ran = report.records.filter((r) => r.status !== "skipped");
    const differ = report.records.filter((r) => r.verdict === "regression").length;
    const against =
      own.edition === LATEST_EDITION && own.note
        ? `${own.edition}, the newest modelled release`
        : `${own.edition}, its own edition`;
    const verdict =
      differ === 0
        ? `codex ${version} matches ${against}, on all ${ran.length} instances it can express`
        : `codex ${version} differs from ${against}, in ${differ} of ${ran.length} instances (listed under Failures)`;
    return { text: `${toPretty(report)}\n${verdict}\n`, exit: differ === 0 ? 0 : 1 };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    cleanup();
  }
}
