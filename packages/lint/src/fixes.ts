import { parseToml } from "@codex-policy/engine";
import type { Edit, Fix } from "./finding.js";
import type { Span } from "./locate.js";

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + column - 1);
}

export const spanText = (text: string, s: Span): string =>
  text.slice(offsetOf(text, s.line, s.column), offsetOf(text, s.endLine, s.endColumn));

/** Applies edits that do not overlap; the rest of the text, comments and layout included, is kept. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits
    .map((e) => ({
      from: offsetOf(text, e.span.line, e.span.column),
      to: offsetOf(text, e.span.endLine, e.span.endColumn),
      text: e.text,
    }))
    .sort((a, b) => b.from - a.from);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const e of ordered) {
    if (e.to > limit) continue;
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
    limit = e.from;
  }
  return out;
}

/** Renames a misspelled key where it is written (a `key =` or a `[table]` header). */
export function renameFix(from: string, to: string, span: Span, text: string): Fix {
  const written = spanText(text, span);
  const i = written.indexOf(from);
  if (i < 0) return { description: `rename to \`${to}\`` };
  return {
    description: `rename \`${from}\` to \`${to}\``,
    edits: [{ span, text: written.slice(0, i) + to + written.slice(i + from.length) }],
  };
}

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const DECISIONS = new Set(["prompt", "forbidden"]);
const tomlString = (s: string) => JSON.stringify(s);

/** The `[[command_rules]]` blocks: each from its header to the line before the next header. */
function blocks(text: string): Span[] {
  const lines = text.split("\n");
  const out: Span[] = [];
  let open: number | null = null;
  const close = (end: number) => {
    if (open === null) return;
    let last = end;
    while (last > open && lines[last]!.trim() === "") last--;
    out.push({ line: open + 1, column: 1, endLine: last + 1, endColumn: lines[last]!.length + 1 });
    open = null;
  };
  lines.forEach((l, i) => {
    const h = HEADER.exec(l);
    if (!h) return;
    close(i - 1);
    if (l.trimStart().startsWith("[[") && h[1]!.trim() === "command_rules") open = i;
  });
  close(lines.length - 1);
  return out;
}

/** `[[command_rules]]` tables rewritten as one `[rules] prefix_rules` list, when that is mechanical. */
export function commandRulesFix(text: string): Fix {
  const manual: Fix = {
    description: "rewrite as `[rules] prefix_rules` (by hand: this file is not mechanical to convert)",
  };
  const parsed = parseToml(text);
  if (!parsed.ok) return manual;
  const rules = parsed.doc.command_rules;
  if (!Array.isArray(rules) || parsed.doc.rules !== undefined) return manual;
  const entries: string[] = [];
  for (const r of rules) {
    const pattern = r && typeof r === "object" ? (r as Record<string, unknown>).pattern : undefined;
    const decision = r && typeof r === "object" ? (r as Record<string, unknown>).decision : undefined;
    const tokens = typeof pattern === "string" ? pattern.split(/\s+/).filter(Boolean) : pattern;
    if (!Array.isArray(tokens) || tokens.length === 0 || !tokens.every((t) => typeof t === "string"))
      return manual;
    if (typeof decision !== "string" || !DECISIONS.has(decision)) return manual;
    const why = (r as Record<string, unknown>).justification ?? (r as Record<string, unknown>).reason;
    const just = typeof why === "string" && why.trim() !== "" ? `, justification = ${tomlString(why)}` : "";
    entries.push(
      `  { pattern = [${tokens.map((t) => `{ token = ${tomlString(t)} }`).join(", ")}], decision = ${tomlString(decision)}${just} },`,
    );
  }
  const spans = blocks(text);
  if (spans.length !== rules.length) return manual;
  const replacement = `[rules]\nprefix_rules = [\n${entries.join("\n")}\n]`;
  return {
    description: "rewrite as `[rules] prefix_rules`",
    edits: spans.map((span, i) => ({ span, text: i === 0 ? replacement : "" })),
  };
}
