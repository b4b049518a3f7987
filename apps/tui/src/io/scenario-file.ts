import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import { parse, TomlError } from "smol-toml";

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Parses scenario TOML text. TOML errors carry their line and column. Never throws. */
export function parseScenarioText(text: string, name = "scenario"): LoadResult {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    if (e instanceof TomlError) {
      return { ok: false, message: `${name}:${e.line}:${e.column}: ${e.message.split("\n")[0]}` };
    }
    return { ok: false, message: `${name}: ${String((e as Error)?.message ?? e)}` };
  }
  const r = ScenarioSchema.safeParse(doc);
  if (!r.success) {
    const msgs = r.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return { ok: false, message: `${name}: not a valid scenario: ${msgs.join("; ")}` };
  }
  return { ok: true, scenario: r.data };
}

/** Keys whose values are whole documents: written as multi-line literal strings. */
const DOCUMENT_KEYS = new Set([
  "cloud.default",
  "cloud.config",
  "cloud.rules.requirements",
  "system.requirements",
  "system.managed_config",
  "system.config",
  "user.config",
  "user.rules",
  "user.hooks_json",
  "project.config",
]);

const bareKey = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));

function literalOk(s: string): boolean {
  // Multi-line literal strings cannot hold ''' , control characters other than tab/newline, or a lone CR.
  return (
    !s.includes("'''") &&
    !s.endsWith("'") &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters
    !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s) &&
    !/\r(?!\n)/.test(s)
  );
}

function scalar(v: unknown, docKey: boolean): string {
  if (typeof v === "string") {
    if (docKey && literalOk(v)) return `'''\n${v}'''`;
    return JSON.stringify(v);
  }
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => scalar(x, false)).join(", ")}]`;
  throw new Error(`cannot serialize ${typeof v}`);
}

const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isTableArray = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every(isTable);

function emit(out: string[], path: string[], table: Record<string, unknown>, header: string | null): void {
  const schemaPath = path.join(".");
  if (header) out.push("", header);
  for (const [k, v] of Object.entries(table)) {
    if (v === undefined || isTable(v) || isTableArray(v)) continue;
    out.push(`${bareKey(k)} = ${scalar(v, DOCUMENT_KEYS.has(schemaPath ? `${schemaPath}.${k}` : k))}`);
  }
  for (const [k, v] of Object.entries(table)) {
    if (isTable(v)) emit(out, [...path, k], v, `[${[...path, k].map(bareKey).join(".")}]`);
  }
  for (const [k, v] of Object.entries(table)) {
    if (!isTableArray(v)) continue;
    for (const item of v) emit(out, [...path, k], item, `[[${[...path, k].map(bareKey).join(".")}]]`);
  }
}

/** Writes a scenario as TOML; layer documents become multi-line literal strings. Round-trips. */
export function serializeScenario(scenario: Scenario): string {
  const out: string[] = [];
  emit(out, [], scenario as unknown as Record<string, unknown>, null);
  return `${out.join("\n").replace(/^\n+/, "")}\n`;
}
