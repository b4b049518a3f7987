import { diffLines, displayName } from "./format.js";
import type { Report, ResultRecord } from "./types.js";

function directive(r: ResultRecord): string {
  if (r.verdict === "skipped") return ` # SKIP ${r.reason ?? ""}`.trimEnd();
  if (r.verdict === "xfail") return ` # TODO ${r.baseline_reason ?? "expected failure"}`;
  return "";
}

function yamlBlock(r: ResultRecord): string[] {
  const lines = ["  ---", `  status: ${JSON.stringify(r.status)}`];
  if (r.verdict === "stale")
    lines.push(`  message: ${JSON.stringify(`stale baseline entry: ${r.baseline_reason ?? ""}`)}`);
  else if (r.reason) lines.push(`  message: ${JSON.stringify(r.reason)}`);
  const diff = diffLines(r, "");
  if (diff.length) lines.push("  diff: |", ...diff.map((l) => `    ${l}`));
  lines.push("  ...");
  return lines;
}

/** TAP version 14. Expected failures carry `# TODO`, skips `# SKIP`, stale baseline entries fail. */
export function toTap(report: Report): string {
  const h = report.header;
  const out = [
    "TAP version 14",
    `# ${h.suite.name} ${h.suite.version}, adapter ${h.adapter.name} ${h.adapter.version}, corpus ${h.corpus.hash}`,
    `1..${report.records.length}`,
  ];
  report.records.forEach((r, i) => {
    const word = r.verdict === "ok" || r.verdict === "skipped" ? "ok" : "not ok";
    out.push(`${word} ${i + 1} - ${displayName(r)}${directive(r)}`);
    if (word === "not ok") out.push(...yamlBlock(r));
  });
  return `${out.join("\n")}\n`;
}
