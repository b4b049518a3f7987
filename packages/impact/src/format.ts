import { groupHeadline, groupLines } from "./describe.js";
import { type EntryImpact, groupImpacts } from "./impact.js";

export interface ImpactReport {
  before: string;
  after: string;
  edition: string;
  roster: { source: string; entries: number; people: number; generated: boolean };
  impacts: EntryImpact[];
}

function counts(r: ImpactReport) {
  const changed = r.impacts.filter((i) => i.changes.length > 0);
  return { entries: changed.length, people: changed.reduce((n, i) => n + i.entry.count, 0) };
}

const rosterLine = (r: ImpactReport) =>
  r.roster.generated
    ? `default roster: ${r.roster.entries} entries built from the groups, host patterns, MCP entries and rules both policies name (pass --roster for your own)`
    : `roster ${r.roster.source}: ${r.roster.entries} entries, ${r.roster.people} people`;

/** The readable report: one block per group of people with the same changes. */
export function readableImpact(r: ImpactReport): string {
  const c = counts(r);
  const lines = [
    `impact of ${r.before} → ${r.after} under ${r.edition}`,
    rosterLine(r),
    c.people === 0
      ? "nothing changes for anyone on the roster"
      : `${c.people} of ${r.roster.people} people (${c.entries} of ${r.roster.entries} entries) see a change`,
  ];
  for (const g of groupImpacts(r.impacts)) {
    lines.push("", groupHeadline(g));
    for (const l of groupLines(g)) lines.push(`  ${l}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A Markdown summary for a pull-request comment. */
export function markdownImpact(r: ImpactReport): string {
  const c = counts(r);
  const lines = [
    `### Codex policy impact: \`${r.before}\` → \`${r.after}\` (${r.edition})`,
    "",
    `_${rosterLine(r)}_`,
    "",
    c.people === 0
      ? "Nothing changes for anyone on the roster."
      : `**${c.people} of ${r.roster.people} people** (${c.entries} of ${r.roster.entries} roster entries) see a change.`,
  ];
  const groups = groupImpacts(r.impacts);
  if (groups.length > 0) {
    lines.push("", "| who | what changes |", "| --- | --- |");
    for (const g of groups)
      lines.push(
        `| ${groupHeadline(g).replaceAll("|", "\\|")} | ${groupLines(g)
          .map((l) => l.replaceAll("|", "\\|"))
          .join("<br>")} |`,
      );
  }
  return `${lines.join("\n")}\n`;
}

/** Everything as JSON: the totals, the groups and each entry's field changes. */
export function jsonImpact(r: ImpactReport): string {
  const c = counts(r);
  return `${JSON.stringify(
    {
      before: r.before,
      after: r.after,
      edition: r.edition,
      roster: r.roster,
      changed: c,
      groups: groupImpacts(r.impacts).map((g) => ({
        people: g.people,
        entries: g.entries.map((e) => e.name),
        summary: groupLines(g),
        changes: g.changes,
      })),
      entries: r.impacts.map((i) => ({ name: i.entry.name, count: i.entry.count, changes: i.changes })),
    },
    null,
    2,
  )}\n`;
}
