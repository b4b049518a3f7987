import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Case, Edition, Outcome, Scenario } from "@codex-policy/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { underPrefix } from "../src/channels.js";
import { AdapterError } from "../src/errors.js";
import {
  channelsFor,
  PINNED_RELEASES,
  pinnedReleasePath,
  runWithCodex,
  unsupportedReason,
} from "../src/index.js";
import { hostFingerprint, leftovers, processesMentioning, settled } from "./host-guard.js";
import { binaryMissing, binaryProblem } from "./needs-binary.js";

// On each pinned release, every corpus test whose `codex` range covers that release and that the
// binary can express runs through that release's binary, under its edition, several at a time (the
// harness's choice for wait-bound implementations), each isolated. Any difference from the
// expectations fails unless conformance/baselines/codex-cli.toml lists it with a reason.

interface TestInstance {
  caseId: string;
  testId: string;
  edition: Edition;
  scenario: Scenario;
  expect: Record<string, unknown>;
}
interface CheckResult {
  path: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}
interface BaselineEntry {
  id: string;
  reason: string;
}
interface Harness {
  loadCorpus(dir?: string): Promise<Case[]>;
  expandForRelease(c: Case, version: string): TestInstance[];
  checkExpectations(outcome: Outcome, expect: Record<string, unknown>): CheckResult[];
  parseBaseline(text: string, file: string): { xfail: BaselineEntry[]; skip: BaselineEntry[] };
  entryMatches(e: BaselineEntry, r: { id: string; caseId: string; edition: string }): boolean;
  mapOrdered<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]>;
  waitBoundJobs(): number;
}

const REPO = join(import.meta.dirname, "..", "..", "..");
const BASELINE = join(REPO, "conformance", "baselines", "codex-cli.toml");

/** The harness is a sibling package that depends on this one; it is reached through the corpus package. */
async function loadHarness(): Promise<Harness | string> {
  const name = "@codex-policy/harness";
  try {
    return (await import(/* @vite-ignore */ name)) as Harness;
  } catch {
    try {
      const entry = createRequire(join(REPO, "conformance", "package.json")).resolve(name);
      return (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as Harness;
    } catch (e) {
      return `${name} is not available (${(e as Error).message.split("\n")[0]}); it provides loadCorpus/expandTests/checkExpectations`;
    }
  }
}

const harness = await loadHarness();
const problem = typeof harness === "string" ? harness : binaryProblem();
const corpus = typeof harness === "string" ? [] : await harness.loadCorpus();
/** The instances one release's binary is checked on. */
const instancesFor = (version: string): TestInstance[] =>
  typeof harness === "string"
    ? []
    : corpus
        .flatMap((c) => harness.expandForRelease(c, version))
        .filter((t) => unsupportedReason(t.scenario) === null);
const baseline =
  typeof harness === "string"
    ? { xfail: [], skip: [] }
    : harness.parseBaseline(readFileSync(BASELINE, "utf8"), BASELINE);
const idOf = (t: TestInstance) => `${t.caseId}:${t.testId}`;
const listed = (t: TestInstance, entries: BaselineEntry[]) =>
  typeof harness !== "string" &&
  entries.some((e) => harness.entryMatches(e, { id: idOf(t), caseId: t.caseId, edition: t.edition }));

type Result = { failures: CheckResult[] } | { error: string };
const ownTmp = mkdtempSync(join(tmpdir(), "codex-adapter-corpus-test-"));
const savedTmp = process.env.TMPDIR;
let fingerprintBefore = "";

async function runOne(t: TestInstance, codexBin: string): Promise<Result> {
  if (typeof harness === "string") return { error: harness };
  try {
    const run = await runWithCodex(t.scenario, {
      codexBin,
      channels: channelsFor(Object.keys(t.expect)),
      timeoutMs: 90_000,
    });
    if (run.kind === "unsupported") return { error: `unsupported: ${run.reason}` };
    const unobserved = run.outcome.unobserved ?? [];
    const failures = harness
      .checkExpectations(run.outcome, t.expect)
      .filter((c) => !c.ok && !unobserved.some((p) => underPrefix(c.path.replace(/\.\$\w+$/, ""), p)));
    return { failures };
  } catch (e) {
    return {
      error: e instanceof AdapterError ? `${e.code}: ${e.message}` : String((e as Error)?.stack ?? e),
    };
  }
}

beforeAll(() => {
  process.env.TMPDIR = ownTmp;
  fingerprintBefore = hostFingerprint();
});

afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

for (const version of PINNED_RELEASES) {
  const bin = pinnedReleasePath(version);
  const instances = bin === null ? [] : instancesFor(version);
  const toRun = instances.filter((t) => !listed(t, baseline.skip));
  const results = new Map<string, Result>();

  describe(`corpus vs codex-cli ${version} (${toRun.length} tests)`, () => {
    if (problem !== null) return binaryMissing(`the corpus against ${version}`, problem);
    if (bin === null)
      return binaryMissing(
        `the corpus against ${version}`,
        `codex ${version} is not installed (a root devDependency, installed by pnpm install)`,
      );

    beforeAll(
      async () => {
        if (typeof harness === "string") return;
        await harness.mapOrdered(toRun, harness.waitBoundJobs(), async (t) => {
          results.set(idOf(t), await runOne(t, bin));
        });
      },
      Math.max(120_000, toRun.length * 15_000),
    );

    it("the corpus has tests this release can express", () => {
      expect(instances.length).toBeGreaterThan(0);
    });

    for (const t of toRun) {
      const id = idOf(t);
      const xfail = listed(t, baseline.xfail);
      it(`${id}${xfail ? " (baseline xfail)" : ""}`, () => {
        const r = results.get(id);
        if (!r) throw new Error("did not run");
        if ("error" in r) throw new Error(r.error);
        const lines = r.failures.map(
          (f) => `${f.path}: expected ${JSON.stringify(f.expected)}, binary ${JSON.stringify(f.actual)}`,
        );
        if (xfail) {
          expect(
            lines,
            "listed in conformance/baselines/codex-cli.toml but now matches: remove the entry",
          ).not.toEqual([]);
        } else if (lines.length > 0) {
          throw new Error(`the binary differs from the expectations:\n${lines.join("\n")}`);
        }
      });
    }
  });
}

describe("the corpus runs leave the host as they found it", () => {
  it("left the host's /etc and hostname unchanged, no process and no temp dir behind", async () => {
    expect(hostFingerprint()).toBe(fingerprintBefore);
    expect(await settled(() => processesMentioning(ownTmp))).toEqual([]);
    expect(leftovers(ownTmp)).toEqual([]);
  });
});
