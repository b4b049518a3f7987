import { createHash } from "node:crypto";
import type { Finding } from "./finding.js";

/** A baseline: the findings a repository has accepted, by fingerprint, so that only new ones fail. */
export interface Baseline {
  version: 1;
  findings: { file: string; code: string; fingerprint: string }[];
}

/** Stable across edits elsewhere in the file: the code, the file and the text of the finding's line. */
export function fingerprint(f: Finding, text: string): string {
  const line = (text.split("\n")[f.span.line - 1] ?? "").trim();
  return createHash("sha256").update(`${f.code}\u0000${f.file}\u0000${line}`).digest("hex").slice(0, 16);
}

export function makeBaseline(found: readonly { finding: Finding; text: string }[]): Baseline {
  return {
    version: 1,
    findings: found
      .filter((x) => !x.finding.suppressed)
      .map(({ finding, text }) => ({
        file: finding.file,
        code: finding.code,
        fingerprint: fingerprint(finding, text),
      })),
  };
}

export class BaselineError extends Error {
  readonly code = "baseline-invalid";
}

export function parseBaseline(json: string, path: string): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new BaselineError(`${path}: not JSON (${(e as Error).message})`);
  }
  const b = v as Baseline;
  if (
    b?.version !== 1 ||
    !Array.isArray(b.findings) ||
    !b.findings.every((x) => typeof x?.fingerprint === "string")
  )
    throw new BaselineError(`${path}: not a codex-policy lint baseline (version 1 with a findings list)`);
  return b;
}

/** Marks findings the baseline holds as suppressed; each baseline entry absorbs one finding. */
export function applyBaseline(
  found: readonly { finding: Finding; text: string }[],
  baseline: Baseline,
): void {
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + 1);
  for (const { finding, text } of found) {
    if (finding.suppressed) continue;
    const fp = fingerprint(finding, text);
    const n = left.get(fp) ?? 0;
    if (n === 0) continue;
    left.set(fp, n - 1);
    finding.suppressed = { by: "baseline" };
  }
}
