import type { DriftCause, DriftChange } from "@codex-policy/engine";

export interface ScenarioDrift {
  label: string;
  file: string;
  changes: DriftChange[];
}

const UNEXPLAINED: DriftCause = {
  id: "unexplained",
  since: "",
  summary: "no change entry covers these fields",
};
const short = (s: string, n = 110): string => {
  const line = s.split("\n")[0] ?? "";
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
};
const show = (v: unknown): string =>
  v === null || v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v);
const release = (e: string): string => e.replace(/^codex-/, "");

/** The rows of one scenario under one cause: features that appear or go are folded into one row each. */
function rows(changes: DriftChange[]): [string, string][] {
  const out: [string, string][] = [];
  const added: string[] = [];
  const gone: string[] = [];
  for (const c of changes) {
    const feature = /^effective\.features\.(.+)\.enabled$/.exec(c.path)?.[1];
    if (feature && c.from === null) added.push(feature);
    else if (feature && c.to === null) gone.push(feature);
    else if (c.path === "warnings") {
      const before = new Set(c.from as string[]);
      const after = new Set(c.to as string[]);
      const lines = [
        ...[...before].filter((w) => !after.has(w)).map((w) => `− ${short(w)}`),
        ...[...after].filter((w) => !before.has(w)).map((w) => `+ ${short(w)}`),
      ];
      for (const [i, l] of lines.entries()) out.push([i === 0 ? "warnings" : "", l]);
    } else out.push([c.path, `${show(c.from)} → ${show(c.to)}`]);
  }
  const list = (names: string[]) =>
    names.length > 6 ? `${names.slice(0, 6).join(", ")} (+${names.length - 6} more)` : names.join(", ");
  if (added.length > 0) out.push(["effective.features", `${added.length} new: ${list(added)}`]);
  if (gone.length > 0) out.push(["effective.features", `${gone.length} gone: ${list(gone)}`]);
  return out;
}

/**
 * When Codex starts on one side and refuses on the other, the effective settings of the side that starts
 * are one fact, not a row per field: they fold into one `effective` row explained like the status.
 */
function foldRefusal(changes: DriftChange[]): DriftChange[] {
  const status = changes.find((c) => c.path === "status");
  if (!status) return changes;
  const refusedSide = status.to === "refused" ? "to" : status.from === "refused" ? "from" : null;
  if (!refusedSide) return changes;
  const vanished = (c: DriftChange) => c.path.startsWith("effective.") && c[refusedSide] === null;
  const kept = changes.filter((c) => !vanished(c));
  if (kept.length === changes.length) return changes;
  const none = "none: Codex refuses";
  const some = "Codex starts";
  return [
    ...kept,
    {
      ...status,
      path: "effective",
      from: refusedSide === "from" ? none : some,
      to: refusedSide === "to" ? none : some,
    },
  ];
}

/** Readable: grouped by the change entry that explains each difference, then by scenario. */
export function driftText(from: string, to: string, all: ScenarioDrift[]): string {
  const results = all.map((r) => ({ ...r, changes: foldRefusal(r.changes) }));
  const changed = results.filter((r) => r.changes.length > 0);
  const head = `drift ${release(from)} → ${release(to)}: ${changed.length} of ${results.length} scenario(s) change`;
  if (changed.length === 0) return `${head}\n`;
  const groups = new Map<string, { cause: DriftCause; byScenario: Map<string, DriftChange[]> }>();
  for (const r of changed)
    for (const c of r.changes) {
      const causes = c.unexplained ? [...c.causes, UNEXPLAINED] : c.causes;
      for (const cause of causes.length > 0 ? causes : [UNEXPLAINED]) {
        const g = groups.get(cause.id) ?? { cause, byScenario: new Map() };
        g.byScenario.set(r.label, [...(g.byScenario.get(r.label) ?? []), c]);
        groups.set(cause.id, g);
      }
    }
  const ordered = [...groups.values()].sort((a, b) =>
    a.cause.id === "unexplained"
      ? 1
      : b.cause.id === "unexplained"
        ? -1
        : a.cause.since.localeCompare(b.cause.since, undefined, { numeric: true }),
  );
  const out = [head, ""];
  for (const g of ordered) {
    out.push(
      g.cause.since ? `${g.cause.since}  ${g.cause.id}` : g.cause.id,
      `  ${short(g.cause.summary, 200)}`,
    );
    // Scenarios whose rows are the same are listed once (a new feature catalogue moves every scenario alike).
    const buckets = new Map<string, { labels: string[]; rs: [string, string][] }>();
    for (const [label, changes] of g.byScenario) {
      const rs = rows(changes);
      const key = JSON.stringify(rs);
      const b = buckets.get(key) ?? { labels: [], rs };
      b.labels.push(label);
      buckets.set(key, b);
    }
    for (const { labels, rs } of buckets.values()) {
      out.push(
        labels.length === 1
          ? `  ${labels[0]}`
          : `  ${labels.length} scenarios: ${labels.slice(0, 3).join(", ")}${labels.length > 3 ? ", …" : ""}`,
      );
      const w = Math.max(...rs.map(([p]) => p.length));
      for (const [p, v] of rs) out.push(`    ${p.padEnd(w)}  ${v}`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const esc = (s: string, prop = false): string => {
  let o = s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  if (prop) o = o.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return o;
};

/** GitHub workflow annotations: a warning per changed field, an error when no entry explains it. */
export function driftGithub(from: string, to: string, results: ScenarioDrift[]): string {
  const title = `drift ${release(from)} → ${release(to)}`;
  const out: string[] = [];
  for (const r of results)
    for (const c of r.changes) {
      const why = c.causes.map((x) => `${x.since} ${x.id}`).join("; ");
      const level = c.unexplained ? "error" : "warning";
      const text = `${r.label}: ${c.path}: ${short(show(c.from), 200)} → ${short(show(c.to), 200)}${why ? ` (${why})` : ""}${c.unexplained ? " — unexplained" : ""}`;
      out.push(`::${level} file=${esc(r.file, true)},title=${esc(title, true)}::${esc(text)}`);
    }
  const n = results.filter((r) => r.changes.length > 0).length;
  out.push(`::notice title=${esc(title, true)}::${esc(`${n} of ${results.length} scenario(s) change`)}`);
  return `${out.join("\n")}\n`;
}
