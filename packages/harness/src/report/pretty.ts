import { compareVersions } from "@codex-policy/spec";
import { diffLines, displayName } from "./format.js";
import type { Counts, Report } from "./types.js";

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padStart(n) : t.padEnd(n);
}

/** One row of pass/fail/skip(/unobserved) counts per key, under a header naming the key. */
function countsTable(
  label: string,
  counts: Record<string, Counts>,
  keys: string[],
  unobs: boolean,
): string[] {
  const w = Math.max(label.length, ...keys.map((k) => k.length));
  const row = (key: string, cells: (string | number)[]) =>
    [pad(key, w), ...cells.slice(0, unobs ? 4 : 3).map((c) => pad(c, 5, true))].join("  ");
  return [
    row(label, ["pass", "fail", "skip", "unobs"]),
    ...keys.map((k) => {
      const c = counts[k]!;
      return row(k, [c.pass, c.fail, c.skipped, c.unobserved]);
    }),
  ];
}

/** A terminal summary: pass/fail counts per area, the failing ids, and expected-versus-actual diffs. */
export function toPretty(report: Report): string {
  const { header: h, footer: f, records } = report;
  const out: string[] = [];
  out.push(`codex-policy conformance: ${h.adapter.name} ${h.adapter.version} (${h.adapter.kind})`);
  out.push(
    `suite ${h.suite.version}, corpus ${h.corpus.hash.slice(0, 19)}, editions ${h.editions.join(", ") || "-"}`,
  );
  out.push("");
  const unobs = f.statuses.unobserved > 0;
  out.push(...countsTable("area", f.areas, Object.keys(f.areas).sort(), unobs));
  if (f.releases)
    out.push("", ...countsTable("release", f.releases, Object.keys(f.releases).sort(compareVersions), unobs));
  const bad = records.filter((r) => r.verdict === "regression" || r.verdict === "stale");
  if (bad.length) {
    out.push("", "Failures:");
    for (const r of bad) {
      if (r.verdict === "stale") {
        out.push(`  ✗ ${displayName(r)}  stale baseline entry (passes now): ${r.baseline_reason ?? ""}`);
        continue;
      }
      out.push(`  ✗ ${displayName(r)}  ${r.status}${r.file ? `  (${r.file})` : ""}`);
      const d = diffLines(r);
      if (d.length) out.push(...d);
      else if (r.reason) out.push(`    ${r.reason}`);
      if (r.stderr) out.push(`    stderr: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    }
  }
  const blind = records.filter((r) => r.status === "unobserved");
  if (blind.length) {
    out.push("", `Not fully observable: ${blind.length}`);
    for (const r of blind.slice(0, 20)) out.push(`  ? ${displayName(r)}  ${r.reason ?? ""}`);
    if (blind.length > 20)
      out.push(`  … and ${blind.length - 20} more (the JSON-lines report lists them all)`);
  }
  const xf = records.filter((r) => r.verdict === "xfail");
  if (xf.length) {
    out.push("", `Expected failures (baseline): ${xf.length}`);
    for (const r of xf) out.push(`  ~ ${displayName(r)}  ${r.baseline_reason ?? ""}`);
  }
  out.push("");
  const d = f.classes.decision;
  const e = f.classes.explanation;
  out.push(`decision checks ${d.passed}/${d.total}, explanation checks ${e.passed}/${e.total}`);
  if (f.adapter_restarts) out.push(`adapter restarts: ${f.adapter_restarts}`);
  if (f.unmatched_baseline.length)
    out.push(`baseline entries matching nothing in this run: ${f.unmatched_baseline.join(", ")}`);
  const failed = records.filter((r) => !["pass", "skipped", "unobserved"].includes(r.status)).length;
  if (unobs) {
    out.push(
      `${f.statuses.unobserved} not fully observable here (every observed check passed; the implementation cannot show some asserted values)`,
    );
  }
  out.push(
    `${f.statuses.pass} passed, ${failed} failed, ${f.statuses.skipped} skipped` +
      ` (${f.verdicts.regression} regressions, ${f.verdicts.stale} stale, ${f.verdicts.xfail} expected)`,
  );
  return `${out.join("\n")}\n`;
}
