import { parse, TomlError } from "smol-toml";
import type { ZodError } from "zod";
import { type Scenario, ScenarioSchema } from "./scenario.js";

export interface LocatedProblem {
  code: "toml-syntax" | "scenario-invalid";
  file: string;
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: LocatedProblem[] };

/** Parses TOML text with a located error instead of an exception. */
export function parseTomlText(text: string, file: string): Loaded<Record<string, unknown>> {
  try {
    return { ok: true, value: parse(text.replace(/^\uFEFF/, "")) as Record<string, unknown> };
  } catch (e) {
    const err = e as TomlError;
    const message = (err.message ?? String(e)).split("\n")[0] ?? "invalid TOML";
    return {
      ok: false,
      problems: [
        {
          code: "toml-syntax",
          file,
          message,
          ...(err instanceof TomlError ? { line: err.line, column: err.column } : {}),
        },
      ],
    };
  }
}

/** Best-effort line of a top-level key or table header, for locating schema errors. */
function lineOf(text: string, path: (string | number)[]): number | undefined {
  const lines = text.split(/\r?\n/);
  const key = String(path[path.length - 1] ?? "");
  const head = String(path[0] ?? "");
  const headerIdx = lines.findIndex((l) => new RegExp(`^\\s*\\[+\\s*${escapeRe(head)}[\\].]`).test(l));
  const keyIdx = lines.findIndex(
    (l, i) => i >= Math.max(0, headerIdx) && new RegExp(`^\\s*"?${escapeRe(key)}"?\\s*=`).test(l),
  );
  const idx = keyIdx >= 0 ? keyIdx : headerIdx;
  return idx >= 0 ? idx + 1 : undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function zodProblems(err: ZodError, file: string, text?: string): LocatedProblem[] {
  return err.issues.map((i) => {
    const path = i.path.map(String);
    const line = text ? lineOf(text, i.path as (string | number)[]) : undefined;
    return {
      code: "scenario-invalid" as const,
      file,
      message: `${path.join(".") || "(root)"}: ${i.message}`,
      path: path.join("."),
      ...(line ? { line } : {}),
    };
  });
}

/** Loads a scenario document (TOML text) into a validated Scenario. */
export function loadScenarioText(text: string, file: string): Loaded<Scenario> {
  const doc = parseTomlText(text, file);
  if (!doc.ok) return doc;
  const r = ScenarioSchema.safeParse(doc.value);
  if (!r.success) return { ok: false, problems: zodProblems(r.error, file, text) };
  return { ok: true, value: r.data };
}

export function formatProblem(p: LocatedProblem): string {
  const at = p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ""}` : "";
  return `${p.file}${at}: [${p.code}] ${p.message}`;
}
