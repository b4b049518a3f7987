import type { Report, ResultRecord } from "./types.js";

/** Escapes a workflow-command property or message. */
function esc(s: string, prop = false): string {
  let o = s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  if (prop) o = o.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return o;
}

function annotation(level: "error" | "warning", r: ResultRecord, casesDir: string, message: string): string {
  const props = [`title=${esc(`${r.id} [${r.edition}]`, true)}`];
  if (r.file) props.unshift(`file=${esc(`${casesDir.replace(/\/$/, "")}/${r.file}`, true)}`);
  return `::${level} ${props.join(",")}::${esc(message)}`;
}

/** GitHub Actions workflow commands: an error per regression or stale entry, a notice with the counts. */
export function toGithub(report: Report): string {
  const dir = report.header.corpus.dir;
  const out: string[] = [];
  for (const r of report.records) {
    if (r.verdict === "regression") out.push(annotation("error", r, dir, `${r.status}: ${r.reason ?? ""}`));
    if (r.verdict === "stale") {
      out.push(
        annotation(
          "error",
          r,
          dir,
          `passes but is listed in the baseline (${r.baseline_reason ?? ""}): remove the entry`,
        ),
      );
    }
  }
  const f = report.footer;
  out.push(
    `::notice title=conformance::${esc(`${report.header.adapter.name}: ${f.statuses.pass} passed, ${f.verdicts.regression} regressions, ${f.verdicts.stale} stale, ${f.verdicts.xfail} expected failures, ${f.verdicts.skipped} skipped`)}`,
  );
  return `${out.join("\n")}\n`;
}
