import { readFile } from "node:fs/promises";
import { Edition } from "@codex-policy/spec";
import { parse, stringify, type TomlError } from "smol-toml";
import { z } from "zod";
import { CorpusError } from "./errors.js";
import { formatZodPath } from "./load.js";

/**
 * An implementer's expected-failure list. `xfail` entries run and are expected to fail; `skip`
 * entries are not run at all (for hangs and crashes). Every entry needs a reason.
 */
const Entry = z
  .object({
    /** `<caseId>:<testId>`, or a case id for all of its tests; `*` and `?` glob. */
    id: z.string().min(1),
    edition: Edition.optional(),
    reason: z.string().trim().min(1, "every baseline entry needs a reason"),
    issue: z.string().optional(),
  })
  .strict();

export const BaselineSchema = z
  .object({
    implementation: z.string().optional(),
    xfail: z.array(Entry).default([]),
    skip: z.array(Entry).default([]),
  })
  .strict();

export type BaselineEntry = z.infer<typeof Entry>;
export type Baseline = z.infer<typeof BaselineSchema>;

export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    const te = e as TomlError;
    throw new CorpusError([
      {
        file,
        line: te.line,
        column: te.column,
        code: "baseline-invalid",
        message: te.message.split("\n")[0] ?? "",
      },
    ]);
  }
  const r = BaselineSchema.safeParse(raw);
  if (!r.success) {
    throw new CorpusError(
      r.error.issues.map((i) => ({
        file,
        path: formatZodPath(i.path),
        code: "baseline-invalid",
        message: i.message,
      })),
    );
  }
  return r.data;
}

export async function readBaseline(file: string): Promise<Baseline> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new CorpusError([{ file, code: "baseline-missing", message: "cannot read baseline file" }]);
  });
  return parseBaseline(text, file);
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** Whether an entry names this record: the full id, or the case id alone. */
export function entryMatches(e: BaselineEntry, r: { id: string; caseId: string; edition: string }): boolean {
  if (e.edition && e.edition !== r.edition) return false;
  const re = globToRegExp(e.id);
  return re.test(r.id) || (!e.id.includes(":") && re.test(r.caseId));
}

export function findEntry(
  list: BaselineEntry[],
  r: { id: string; caseId: string; edition: string },
): BaselineEntry | undefined {
  return list.find((e) => entryMatches(e, r));
}

/** Statuses that count as failing for the four-outcome rule. */
export const FAILING = new Set([
  "fail",
  "not-testable",
  "errored",
  "timeout",
  "protocol-error",
  "harness-error",
]);

export type Verdict = "ok" | "xfail" | "regression" | "stale" | "skipped";

/**
 * The four-outcome rule. Failing and listed: xfail (passes). Failing and not listed: regression.
 * Passing and listed: stale (the entry must go). Passing and not listed: ok.
 */
export function verdictFor(status: string, listed: boolean): Verdict {
  if (status === "skipped") return "skipped";
  const failing = FAILING.has(status);
  if (failing) return listed ? "xfail" : "regression";
  return listed ? "stale" : "ok";
}

/** Renders a baseline file listing the given failures, keeping reasons from an earlier baseline. */
export function renderBaseline(
  implementation: string,
  failures: { id: string; caseId: string; edition: string; reason: string }[],
  previous?: Baseline,
  withEdition = false,
): string {
  const xfail = failures.map((f) => {
    const prior = previous ? findEntry(previous.xfail, f) : undefined;
    const e: Record<string, string> = { id: f.id };
    if (withEdition) e.edition = f.edition;
    e.reason = prior?.reason ?? f.reason;
    if (prior?.issue) e.issue = prior.issue;
    return e;
  });
  const doc: Record<string, unknown> = { implementation, xfail };
  if (previous?.skip.length) doc.skip = previous.skip;
  const head = [
    "# Expected failures, written by `codex-policy conformance run --write-baseline`.",
    "# Review every reason before committing; CI must never rewrite this file.",
    "",
  ].join("\n");
  return `${head}${stringify(doc)}\n`;
}
