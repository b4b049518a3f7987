import { diffLines, displayName } from "./format.js";
import type { Report, ResultRecord } from "./types.js";

/** XML 1.0 forbids most C0 control characters, even escaped: drop them. */
function dropControls(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}

function esc(s: string): string {
  return dropControls(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: ResultRecord): string {
  const open = `    <testcase classname="${esc(r.area)}" name="${esc(displayName(r))}" time="${secs(r.duration_ms)}"`;
  const detail = esc([...(r.reason ? [r.reason] : []), ...diffLines(r, "")].join("\n"));
  let body = "";
  if (r.verdict === "skipped") body = `<skipped message="${esc(r.reason ?? "skipped")}"/>`;
  else if (r.verdict === "xfail")
    body = `<skipped message="${esc(`expected failure: ${r.baseline_reason ?? ""}`)}"/>`;
  else if (r.verdict === "stale") {
    body = `<failure type="stale-baseline" message="${esc(`passes but is listed in the baseline: ${r.baseline_reason ?? ""}`)}"/>`;
  } else if (r.status === "fail" || r.status === "not-testable") {
    body = `<failure type="${r.status}" message="${esc(r.reason ?? r.status)}">${detail}</failure>`;
  } else if (r.status === "unobserved") {
    body = `<system-out>${esc(r.reason ?? "unobserved")}</system-out>`;
  } else if (r.status !== "pass") {
    body = `<error type="${r.status}" message="${esc(r.reason ?? r.status)}">${detail}</error>`;
  }
  const err = r.stderr ? `<system-err>${esc(r.stderr)}</system-err>` : "";
  return body || err ? `${open}>${body}${err}</testcase>` : `${open}/>`;
}

function kind(r: ResultRecord): "failure" | "error" | "skipped" | "ok" {
  if (r.verdict === "skipped" || r.verdict === "xfail") return "skipped";
  if (r.verdict === "stale" || r.status === "fail" || r.status === "not-testable") return "failure";
  if (r.status !== "pass" && r.status !== "unobserved") return "error";
  return "ok";
}

/** JUnit XML: one testsuite per area, one testcase per record. Expected failures are reported as skipped. */
export function toJunit(report: Report): string {
  const byArea = new Map<string, ResultRecord[]>();
  for (const r of report.records) byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
  const count = (rs: ResultRecord[], k: string) => rs.filter((r) => kind(r) === k).length;
  const time = (rs: ResultRecord[]) => secs(rs.reduce((s, r) => s + r.duration_ms, 0));
  const all = report.records;
  const h = report.header;
  const suites = [...byArea.entries()].map(([area, rs]) =>
    [
      `  <testsuite name="${esc(area)}" tests="${rs.length}" failures="${count(rs, "failure")}" errors="${count(rs, "error")}" skipped="${count(rs, "skipped")}" time="${time(rs)}">`,
      ...rs.map(testcase),
      "  </testsuite>",
    ].join("\n"),
  );
  const name = `${h.suite.name} ${h.suite.version} / ${h.adapter.name} ${h.adapter.version}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(name)}" tests="${all.length}" failures="${count(all, "failure")}" errors="${count(all, "error")}" skipped="${count(all, "skipped")}" time="${time(all)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
