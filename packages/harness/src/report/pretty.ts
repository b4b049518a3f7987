import { diffLines, displayName } from "./format.js";
import type { Report } from "./types.js";

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padStart(n) : t.padEnd(n);
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
  const areas = Object.keys(f.areas).sort();
  const w = Math.max(4, ...areas.map((a) => a.length));
  const unobs = f.statuses.unobserved > 0;
  const head = `${pad("area", w)}  ${pad("pass", 5, true)}  ${pad("fail", 5, true)}  ${pad("skip", 5, true)}`;
  out.push(unobs ? `${head}  ${pad("unobs", 5, true)}` : head);
  for (const a of areas) {
    const c = f.areas[a]!;
    const row = `${pad(a, w)}  ${pad(c.pass, 5, true)}  ${pad(c.fail, 5, true)}  ${pad(c.skipped, 5, true)}`;
    out.push(unobs ? `${row}  ${pad(c.unobserved, 5, true)}` : row);
  }
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
