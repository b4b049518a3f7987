import { readFileSync } from "node:fs";
import { AuthKind, HostOs, Plan, type ScenarioInput } from "@codex-policy/spec";
import { parse, TomlError } from "smol-toml";
import { ImpactInputError } from "./errors.js";

/** Who and where a policy applies to: one kind of person on one kind of machine. */
export interface RosterEntry {
  name: string;
  /** How many people this entry stands for. */
  count: number;
  identity: NonNullable<ScenarioInput["identity"]>;
  host: NonNullable<ScenarioInput["host"]>;
  userConfig?: string;
  projectConfig?: string;
  projectTrust?: "trusted" | "untrusted" | "unknown";
  commands: string[];
}

/** The fields of a roster entry, in TOML (`[[entry]]`) and as CSV columns. */
export const ROSTER_FIELDS = [
  "name",
  "count",
  "groups",
  "plan",
  "auth",
  "user",
  "hostname",
  "fqdn",
  "os",
  "user_config",
  "project_config",
  "project_trust",
  "commands",
] as const;
const LISTS = new Set(["groups", "commands"]);
const TRUST = ["trusted", "untrusted", "unknown"];

type Where = (field?: string) => string;

function fail(where: string, code: string, message: string): never {
  throw new ImpactInputError(code, `${where}: ${message}`);
}

/** One entry from its raw fields (strings from CSV, TOML values otherwise). */
function entryOf(raw: Record<string, unknown>, at: Where): RosterEntry {
  for (const k of Object.keys(raw))
    if (!(ROSTER_FIELDS as readonly string[]).includes(k))
      fail(at(k), "roster-unknown-field", `unknown field '${k}' (fields: ${ROSTER_FIELDS.join(", ")})`);
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "string") fail(at(k), "roster-invalid", `${k} must be a string`);
    return v;
  };
  const list = (k: string): string[] => {
    const v = raw[k];
    if (v === undefined || v === "") return [];
    if (typeof v === "string")
      return v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
    return fail(at(k), "roster-invalid", `${k} must be a list of strings`);
  };
  const name = str("name") ?? fail(at("name"), "roster-invalid", "every entry needs a name");
  const countRaw = raw.count ?? 1;
  const count = typeof countRaw === "string" && /^\d+$/.test(countRaw) ? Number(countRaw) : countRaw;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
    fail(at("count"), "roster-invalid", `count must be a whole number of people, got '${String(countRaw)}'`);
  const plan = str("plan");
  if (plan !== undefined && !Plan.safeParse(plan).success)
    fail(at("plan"), "roster-bad-plan", `unknown plan '${plan}' (plans: ${Plan.options.join(", ")})`);
  const auth = str("auth") ?? (plan !== undefined ? "chatgpt" : "none");
  if (!AuthKind.safeParse(auth).success)
    fail(at("auth"), "roster-invalid", `auth takes ${AuthKind.options.join(", ")}, got '${auth}'`);
  const os = str("os") ?? "linux";
  if (!HostOs.safeParse(os).success)
    fail(at("os"), "roster-invalid", `os takes ${HostOs.options.join(", ")}, got '${os}'`);
  const trust = str("project_trust");
  if (trust !== undefined && !TRUST.includes(trust))
    fail(at("project_trust"), "roster-invalid", `project_trust takes ${TRUST.join(", ")}, got '${trust}'`);
  for (const [k, text] of [
    ["user_config", str("user_config")],
    ["project_config", str("project_config")],
  ] as const) {
    if (text === undefined) continue;
    try {
      parse(text);
    } catch (e) {
      fail(at(k), "roster-invalid", `${k} is not TOML: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  const user = str("user");
  const fqdn = str("fqdn");
  const userConfig = str("user_config");
  const projectConfig = str("project_config");
  return {
    name,
    count: count as number,
    identity: {
      auth: auth as "chatgpt" | "api-key" | "none",
      ...(plan !== undefined ? { plan: plan as never } : {}),
      ...(user !== undefined ? { user } : {}),
      groups: list("groups"),
    },
    host: {
      os: os as "linux",
      hostname: str("hostname") ?? "localhost",
      ...(fqdn !== undefined ? { fqdn } : {}),
    },
    ...(userConfig !== undefined ? { userConfig } : {}),
    ...(projectConfig !== undefined ? { projectConfig } : {}),
    ...(trust !== undefined ? { projectTrust: trust as "trusted" } : {}),
    commands: list("commands"),
  };
}

const lineOf = (where: string) => /:(\d+):\d+$/.exec(where)?.[1] ?? "?";

function noDuplicates(entries: RosterEntry[], at: (i: number) => string): RosterEntry[] {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = seen.get(e.name);
    if (first !== undefined)
      fail(at(i), "roster-duplicate", `duplicate entry '${e.name}' (first on line ${lineOf(at(first))})`);
    seen.set(e.name, i);
  });
  if (entries.length === 0) fail(at(-1), "roster-empty", "the roster has no entries");
  return entries;
}

/** The line of the n-th `[[entry]]` header and of a key inside its block, 1-based. */
function tomlWhere(file: string, text: string, n: number, field?: string): string {
  const lines = text.split("\n");
  const headers = lines.flatMap((l, i) => (/^\s*\[\[\s*entry\s*\]\]/.test(l) ? [i] : []));
  const start = headers[n];
  if (start === undefined) return file;
  const end = headers[n + 1] ?? lines.length;
  if (field !== undefined) {
    for (let i = start; i < end; i++) {
      const m = new RegExp(`^(\\s*)${field}\\s*=`).exec(lines[i]!);
      if (m) return `${file}:${i + 1}:${m[1]!.length + 1}`;
    }
  }
  return `${file}:${start + 1}:1`;
}

function tomlRoster(file: string, text: string): RosterEntry[] {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    const at = e instanceof TomlError ? `${file}:${e.line}:${e.column}` : file;
    return fail(at, "roster-syntax", (e as Error).message.split("\n")[0]!.trim());
  }
  for (const k of Object.keys(doc))
    if (k !== "entry")
      fail(file, "roster-unknown-field", `unknown table '${k}': a roster holds [[entry]] tables`);
  const list = Array.isArray(doc.entry) ? doc.entry : [];
  const entries = list.map((raw, i) =>
    entryOf(raw as Record<string, unknown>, (field) => tomlWhere(file, text, i, field)),
  );
  return noDuplicates(entries, (i) => (i < 0 ? file : tomlWhere(file, text, i, "name")));
}

/** RFC 4180 fields with their 1-based line and column: quotes, doubled quotes, newlines inside quotes. */
function csvRows(file: string, text: string): { value: string; line: number; column: number }[][] {
  const rows: { value: string; line: number; column: number }[][] = [];
  let row: { value: string; line: number; column: number }[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  while (i <= src.length) {
    const at = { line, column: col };
    let value = "";
    if (src[i] === '"') {
      i++;
      col++;
      for (;;) {
        if (i >= src.length)
          fail(`${file}:${at.line}:${at.column}`, "roster-syntax", "unterminated quoted field");
        const c = src[i]!;
        if (c === '"' && src[i + 1] === '"') {
          value += '"';
          i += 2;
          col += 2;
        } else if (c === '"') {
          i++;
          col++;
          break;
        } else {
          value += c;
          i++;
          if (c === "\n") {
            line++;
            col = 1;
          } else col++;
        }
      }
    } else {
      while (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") {
        value += src[i];
        i++;
        col++;
      }
    }
    row.push({ value, ...at });
    if (src[i] === ",") {
      i++;
      col++;
      continue;
    }
    if (src[i] === "\r") i++;
    if (i >= src.length || src[i] === "\n") {
      if (!(row.length === 1 && row[0]!.value === "")) rows.push(row);
      row = [];
      i++;
      line++;
      col = 1;
      if (i > src.length) break;
      continue;
    }
    fail(`${file}:${line}:${col}`, "roster-syntax", "text after a quoted field");
  }
  return rows;
}

function csvRoster(file: string, text: string): RosterEntry[] {
  const rows = csvRows(file, text);
  const header = rows[0] ?? fail(file, "roster-empty", "the roster has no header row");
  for (const h of header)
    if (!(ROSTER_FIELDS as readonly string[]).includes(h.value.trim()))
      fail(
        `${file}:${h.line}:${h.column}`,
        "roster-unknown-field",
        `unknown column '${h.value}' (columns: ${ROSTER_FIELDS.join(", ")})`,
      );
  const names = header.map((h) => h.value.trim());
  const body = rows.slice(1);
  const entries = body.map((r) => {
    if (r.length !== names.length)
      fail(
        `${file}:${r[0]!.line}:1`,
        "roster-invalid",
        `${r.length} fields where the header has ${names.length}`,
      );
    const raw = Object.fromEntries(
      names.map((n, j) => [n, LISTS.has(n) || n.endsWith("config") ? r[j]!.value : r[j]!.value.trim()]),
    );
    return entryOf(raw, (field) => {
      const j = field === undefined ? 0 : Math.max(0, names.indexOf(field));
      return `${file}:${r[j]!.line}:${r[j]!.column}`;
    });
  });
  return noDuplicates(entries, (i) => (i < 0 ? file : `${file}:${body[i]![0]!.line}:1`));
}

/** Reads a roster: `*.csv` as CSV with a header row, anything else as TOML `[[entry]]` tables. */
export function readRoster(file: string): RosterEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return fail(
      file,
      "input-missing",
      `cannot read the roster (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return file.toLowerCase().endsWith(".csv") ? csvRoster(file, text) : tomlRoster(file, text);
}
