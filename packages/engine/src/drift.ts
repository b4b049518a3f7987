import {
  compareVersions,
  type Edition,
  editionMinor,
  editionRelease,
  type Outcome,
  PUBLISHED_MINORS,
  releaseEdition,
  type Scenario,
} from "@codex-policy/spec";
import { toggledEdition } from "./editions.js";
import { catalogueFor, catalogueSource } from "./features/catalogue.js";
import { CHANGES, type Change } from "./releases/changes.js";
import { resolve, resolveUnder } from "./resolve.js";

/** What explains a difference: a change entry, or a release's feature catalogue (per-release data). */
export interface DriftCause {
  id: string;
  since: string;
  summary: string;
}

/** One outcome field that differs between the two releases. */
export interface DriftChange {
  path: string;
  from: unknown;
  to: unknown;
  /** The entries that moved this field on the way, oldest first. */
  causes: DriftCause[];
  /** Some step moved it and no entry covers that field. */
  unexplained: boolean;
}

/** The key fields of an outcome, by path: what a fleet notices when it changes release. */
export function driftFields(o: Outcome, featureKeys?: ReadonlySet<string>): Map<string, unknown> {
  const f = new Map<string, unknown>();
  f.set("status", o.status);
  if (o.errors[0]) f.set("errors.0.code", o.errors[0].code);
  for (const [k, v] of Object.entries(o.requirements)) f.set(`requirements.${k}`, v.value);
  f.set(
    "warnings",
    o.warnings.map((w) => w.message),
  );
  const e = o.effective;
  if (!e) return f;
  for (const k of ["approval_policy", "approvals_reviewer", "sandbox_mode", "web_search"] as const)
    f.set(`effective.${k}`, e[k]);
  f.set("effective.permission_profile", e.permission_profile ?? null);
  f.set("effective.network_access", e.network_access ?? null);
  for (const [k, v] of Object.entries(e.features))
    if (!featureKeys || featureKeys.has(k)) f.set(`effective.features.${k}.enabled`, v.enabled);
  for (const [k, v] of Object.entries(e.mcp_servers)) f.set(`effective.mcp_servers.${k}.enabled`, v.enabled);
  for (const [i, c] of e.commands.entries()) f.set(`effective.commands.${i}.outcome`, c.outcome);
  return f;
}

/** Fields computed from another: a change of the source explains theirs. */
const DERIVED: Record<string, string> = {
  "effective.network_access": "effective.sandbox_mode",
  "effective.permission_profile": "effective.sandbox_mode",
};

const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/** The paths whose values differ between two sets of drift fields. */
export function changedPaths(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !same(a.get(p), b.get(p)));
}

/** Fields a feature catalogue moves besides the features: warnings and refusals about feature names. */
const CATALOGUE_MOVES = new Set(["warnings", "status", "errors.0.code"]);

/** Whether an entry's fields hold a path; features count only when named (else the catalogue explains them). */
const covers = (affects: readonly string[], path: string): boolean =>
  affects.some(
    (a) =>
      (path === a || path.startsWith(`${a}.`)) &&
      (!path.startsWith("effective.features.") || a.startsWith("effective.features")),
  );

const minorOf = (since: string): number => Number(since.split(".")[1]);

function catalogueRows(release: string): string {
  return JSON.stringify(catalogueFor(release).all.map((s) => [s.key, s.stage, s.default]));
}

const catalogueCauses = new Map<number, DriftCause | null>();

/** The feature catalogue a minor brings, when it differs from the previous published minor's. */
function catalogueCause(minor: number): DriftCause | null {
  if (!catalogueCauses.has(minor)) catalogueCauses.set(minor, readCatalogueCause(minor));
  return catalogueCauses.get(minor) ?? null;
}

function readCatalogueCause(minor: number): DriftCause | null {
  // An entry that only describes the release's catalogue (no switches) speaks for it.
  const described = CHANGES.find(
    (c) =>
      minorOf(c.since) === minor && c.affects.includes("effective.features") && !c.set && !c.add && !c.remove,
  );
  if (described) return { id: described.id, since: described.since, summary: described.summary };
  const i = PUBLISHED_MINORS.indexOf(minor);
  if (i <= 0) return null;
  const here = editionRelease(releaseEdition(minor))!;
  const before = editionRelease(releaseEdition(PUBLISHED_MINORS[i - 1]!))!;
  if (catalogueSource(here) === catalogueSource(before) || catalogueRows(here) === catalogueRows(before))
    return null;
  return {
    id: `feature-catalogue-0.${minor}`,
    since: `0.${minor}`,
    summary: `the feature catalogue of ${catalogueSource(here)} (codex features list): features added, removed or with a new default`,
  };
}

/** The minors in (from, to] where anything can change: a change entry starts or the catalogue moves. */
function stepsBetween(from: number, to: number): number[] {
  const entryMinors = new Set(CHANGES.map((c) => minorOf(c.since)));
  return PUBLISHED_MINORS.filter(
    (m) => m > from && m <= to && (entryMinors.has(m) || catalogueCause(m) !== null),
  );
}

/**
 * The entries at one minor that explain a field moving there. A feature that appears or goes is the
 * catalogue's doing; one that flips is an entry's that names features, or a new default in the catalogue.
 */
function causesAt(minor: number, path: string, appearsOrGoes: boolean): DriftCause[] {
  const feature = path.startsWith("effective.features.");
  const entries: DriftCause[] =
    feature && appearsOrGoes
      ? []
      : CHANGES.filter((c: Change) => minorOf(c.since) === minor && covers(c.affects, path)).map((c) => ({
          id: c.id,
          since: c.since,
          summary: c.summary,
        }));
  // A new catalogue also moves what feature names do: pins it now knows, warnings about them.
  if (feature || (entries.length === 0 && CATALOGUE_MOVES.has(path))) {
    const cat = catalogueCause(minor);
    if (cat) entries.push(cat);
  }
  return entries;
}

/**
 * The fields that move from one release to the next (`m`), each with the entries that explain it. Fields
 * that exist only while Codex starts (or loads requirements) move with the status; derived fields with
 * their source.
 */
function stepCauses(
  m: number,
  prev: Map<string, unknown>,
  cur: Map<string, unknown>,
): Map<string, DriftCause[]> {
  const refusalMoved = prev.get("status") !== cur.get("status");
  const moved = changedPaths(prev, cur);
  const out = new Map<string, DriftCause[]>();
  for (const p of moved) {
    const appearsOrGoes = !prev.has(p) || !cur.has(p);
    const source = DERIVED[p];
    const explainedAs =
      refusalMoved && appearsOrGoes ? "status" : source && moved.includes(source) ? source : p;
    out.set(p, causesAt(m, explainedAs, appearsOrGoes));
  }
  return out;
}

/** Features that something other than the catalogue set (config, flags, pins) at either end. */
function setFeatures(...outcomes: Outcome[]): Set<string> {
  const keys = new Set<string>();
  for (const o of outcomes)
    for (const [k, v] of Object.entries(o.effective?.features ?? {}))
      if (v.pinned_by || (v.source && v.source !== "default")) keys.add(k);
  return keys;
}

const catalogueRowsByMinor = new Map<number, Map<string, string>>();

/** Each feature's stage and default in a minor's catalogue. */
function rowsOf(minor: number): Map<string, string> {
  let rows = catalogueRowsByMinor.get(minor);
  if (!rows) {
    rows = new Map(
      catalogueFor(editionRelease(releaseEdition(minor))!).all.map((f) => [f.key, `${f.stage}/${f.default}`]),
    );
    catalogueRowsByMinor.set(minor, rows);
  }
  return rows;
}

const catalogueStepsMemo = new Map<string, DriftCause[]>();

/** A feature at the catalogue's default: the minors in (from, to] whose catalogue moves it (appears, goes, flips). */
function catalogueSteps(key: string, steps: number[]): DriftCause[] {
  const memo = `${key}\u0000${steps.join(",")}`;
  const hit = catalogueStepsMemo.get(memo);
  if (hit) return hit;
  const out: DriftCause[] = [];
  for (const m of steps) {
    const cause = catalogueCause(m);
    if (!cause) continue;
    const before = PUBLISHED_MINORS[PUBLISHED_MINORS.indexOf(m) - 1]!;
    if (rowsOf(before).get(key) !== rowsOf(m).get(key)) out.push(cause);
  }
  catalogueStepsMemo.set(memo, out);
  return out;
}

/**
 * What changes for one scenario between two releases (`from` older than `to`), field by field, each
 * difference with the change entries that moved it. Features at the catalogue's default are explained from
 * the catalogues alone. Everything else is bisected over the releases where an entry starts or the
 * catalogue moves: a span whose two ends agree is taken as unchanged inside.
 */
export function driftScenario(scenario: Scenario, from: Edition, to: Edition): DriftChange[] {
  const a = editionMinor(from);
  const b = editionMinor(to);
  if (a === null || b === null) throw new Error("drift compares two releases, not the documented edition");
  if (compareVersions(`0.${a}`, `0.${b}`) > 0) throw new Error(`${from} is later than ${to}`);
  const first = resolve(scenario, from);
  const last = resolve(scenario, to);
  const walked = setFeatures(first, last);
  const start = driftFields(first, walked);
  const end = driftFields(last, walked);
  const steps = stepsBetween(a, b);
  const causes = new Map<string, DriftCause[]>();
  const unexplained = new Set<string>();
  const toggled = new Map<string, Map<string, unknown>>();
  const withoutEntry = (m: number, id: string) => {
    const key = `${m}\u0000${id}`;
    let f = toggled.get(key);
    if (!f) {
      f = driftFields(resolveUnder(scenario, toggledEdition(releaseEdition(m), id)), walked);
      toggled.set(key, f);
    }
    return f;
  };
  // Of several entries at one release that could move a field, those whose absence leaves it unmoved.
  const responsible = (m: number, p: string, cur: Map<string, unknown>, found: DriftCause[]) => {
    const switches = found.filter((c) => CHANGES.some((e) => e.id === c.id && (e.set || e.add || e.remove)));
    if (switches.length < 2) return found;
    const moved = switches.filter((c) => !same(withoutEntry(m, c.id).get(p), cur.get(p)));
    if (moved.length === 0) return found;
    return found.filter((c) => !switches.includes(c) || moved.includes(c));
  };
  const attribute = (m: number, prev: Map<string, unknown>, cur: Map<string, unknown>) => {
    for (const [p, all] of stepCauses(m, prev, cur)) {
      const found = responsible(m, p, cur, all);
      if (found.length === 0) unexplained.add(p);
      const list = causes.get(p) ?? [];
      for (const c of found) if (!list.some((x) => x.id === c.id)) list.push(c);
      causes.set(p, list);
    }
  };
  const points = [a, ...steps];
  const at = new Map<number, Map<string, unknown>>([[0, start]]);
  const fieldsAt = (i: number) => {
    let f = at.get(i);
    if (!f) {
      f =
        i === points.length - 1 && points[i] === b
          ? end
          : driftFields(resolve(scenario, releaseEdition(points[i]!)), walked);
      at.set(i, f);
    }
    return f;
  };
  const bisect = (lo: number, hi: number): void => {
    if (changedPaths(fieldsAt(lo), fieldsAt(hi)).length === 0) return;
    if (hi === lo + 1) {
      attribute(points[hi]!, fieldsAt(lo), fieldsAt(hi));
      return;
    }
    const mid = (lo + hi) >> 1;
    bisect(lo, mid);
    bisect(mid, hi);
  };
  if (points.length > 1) {
    // The last change point may sit before `to`; nothing moves after it.
    if (points[points.length - 1] !== b)
      at.set(
        points.length - 1,
        driftFields(resolve(scenario, releaseEdition(points[points.length - 1]!)), walked),
      );
    bisect(0, points.length - 1);
  }
  const changes: DriftChange[] = changedPaths(start, end).map((path) => ({
    path,
    from: start.get(path) ?? null,
    to: end.get(path) ?? null,
    causes: causes.get(path) ?? [],
    unexplained: unexplained.has(path) || (causes.get(path) ?? []).length === 0,
  }));
  // Features at their defaults: the catalogues say where they moved, unless Codex stops starting at one end.
  const fa = first.effective?.features ?? {};
  const fb = last.effective?.features ?? {};
  const statusCauses = changes.find((c) => c.path === "status")?.causes ?? [];
  for (const key of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    if (walked.has(key)) continue;
    const x = fa[key]?.enabled ?? null;
    const y = fb[key]?.enabled ?? null;
    if (x === y) continue;
    const oneSideStopped = first.effective === null || last.effective === null;
    const found = oneSideStopped ? statusCauses : catalogueSteps(key, steps);
    changes.push({
      path: `effective.features.${key}.enabled`,
      from: x,
      to: y,
      causes: found,
      unexplained: found.length === 0,
    });
  }
  return changes;
}

const under = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/**
 * What changed between two observed Outcomes of the same scenario, such as two real binaries'
 * (`from` the older release). Intermediate releases cannot be run, so each difference is laid on every
 * entry between the two releases that covers its field, and it is unexplained when none does or when
 * the model, resolving the scenario under both editions, does not predict it. Paths either side could
 * not observe are left out.
 */
export function driftObserved(
  scenario: Scenario,
  from: { edition: Edition; outcome: Outcome; unobserved?: readonly string[] },
  to: { edition: Edition; outcome: Outcome; unobserved?: readonly string[] },
): DriftChange[] {
  const a = editionMinor(from.edition);
  const b = editionMinor(to.edition);
  if (a === null || b === null) throw new Error("drift compares two releases, not the documented edition");
  const hidden = [...(from.unobserved ?? []), ...(to.unobserved ?? [])];
  const start = driftFields(from.outcome);
  const end = driftFields(to.outcome);
  const modelled = [driftFields(resolve(scenario, from.edition)), driftFields(resolve(scenario, to.edition))];
  const steps = stepsBetween(a, b);
  const refusalMoved = start.get("status") !== end.get("status");
  const moved = changedPaths(start, end).filter((p) => !under(p, hidden));
  return moved.map((path) => {
    const appearsOrGoes = !start.has(path) || !end.has(path);
    const source = DERIVED[path];
    const explainedAs =
      refusalMoved && appearsOrGoes ? "status" : source && moved.includes(source) ? source : path;
    const causes: DriftCause[] = [];
    for (const m of steps)
      for (const c of causesAt(m, explainedAs, appearsOrGoes))
        if (!causes.some((x) => x.id === c.id)) causes.push(c);
    const predicted =
      same(modelled[0]!.get(path), start.get(path)) && same(modelled[1]!.get(path), end.get(path));
    return {
      path,
      from: start.get(path) ?? null,
      to: end.get(path) ?? null,
      causes,
      unexplained: causes.length === 0 || !predicted,
    };
  });
}

/** The key fields of one release in the releases view, and what moved them there. */
export interface TimelineRow {
  edition: Edition;
  status: string;
  approval: string;
  sandbox: string;
  reviewer: string;
  webSearch: string;
  /** MCP servers enabled, of those configured. */
  mcp: string;
  warnings: number;
  /** The entries (or the catalogue) that moved a key field at this release; empty on the first row. */
  causes: DriftCause[];
}

const KEY_PATHS = [
  "status",
  "effective.approval_policy",
  "effective.sandbox_mode",
  "effective.approvals_reviewer",
  "effective.web_search",
  "warnings",
];

function timelineRow(edition: Edition, o: Outcome, causes: DriftCause[]): TimelineRow {
  const e = o.effective;
  const servers = e ? Object.values(e.mcp_servers) : [];
  return {
    edition,
    status: o.status,
    approval: e?.approval_policy ?? "—",
    sandbox: e?.sandbox_mode ?? "—",
    reviewer: e?.approvals_reviewer ?? "—",
    webSearch: e?.web_search ?? "—",
    mcp: `${servers.filter((s) => s.enabled).length}/${servers.length}`,
    warnings: o.warnings.length,
    causes,
  };
}

const rowKey = (r: TimelineRow): string =>
  [r.status, r.approval, r.sandbox, r.reviewer, r.webSearch, r.mcp, r.warnings].join("\u0000");

/**
 * One scenario's key fields across the releases `from`…`to` (default: every published release): the first
 * release, then one row per release where a key field changes, with the entries that explain it.
 */
export function releaseTimeline(
  scenario: Scenario,
  from: number = PUBLISHED_MINORS[0]!,
  to: number = PUBLISHED_MINORS[PUBLISHED_MINORS.length - 1]!,
): TimelineRow[] {
  const first = releaseEdition(from);
  let prevOutcome = resolve(scenario, first);
  const rows = [timelineRow(first, prevOutcome, [])];
  for (const m of stepsBetween(from, to)) {
    const edition = releaseEdition(m);
    const o = resolve(scenario, edition);
    const row = timelineRow(edition, o, []);
    if (rowKey(row) !== rowKey(rows[rows.length - 1]!)) {
      const causes: DriftCause[] = [];
      for (const [p, found] of stepCauses(m, driftFields(prevOutcome), driftFields(o)))
        if (KEY_PATHS.includes(p) || p.startsWith("effective.mcp_servers."))
          for (const c of found) if (!causes.some((x) => x.id === c.id)) causes.push(c);
      rows.push({ ...row, causes });
    }
    prevOutcome = o;
  }
  return rows;
}
