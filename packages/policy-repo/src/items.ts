import { LEGACY_REQUIREMENT_FIELDS } from "@codex-policy/engine";
import { locateKey } from "@codex-policy/lint";
import { parse } from "smol-toml";
import type { PolicyFile } from "./load.js";
import type { KeyPath } from "./references.js";

/** What a coverage item is: one rule a policy author wrote. */
export const ITEM_KINDS = [
  "requirement",
  "remote_sandbox_config",
  "prefix_rule",
  "mcp_allowlist",
  "feature_pin",
  "hook",
  "cloud_rule",
  "legacy_requirement",
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface CoverageItem {
  file: string;
  kind: ItemKind;
  /** Where it is written in the file. */
  path: KeyPath;
  /** The path the engine's trace names when it decides (a legacy key decides as its requirement). */
  decides: KeyPath;
  label: string;
  line?: number;
  column?: number;
}

const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

function patternText(rule: unknown): string {
  if (!isTable(rule) || !Array.isArray(rule.pattern)) return "?";
  const tokens = rule.pattern.map((t) =>
    isTable(t) && typeof t.token === "string"
      ? t.token
      : isTable(t) && Array.isArray(t.any_of)
        ? `(${t.any_of.join("|")})`
        : "?",
  );
  return `${tokens.join(" ")} → ${String(rule.decision ?? "?")}`;
}

function requirementItems(
  doc: Record<string, unknown>,
  add: (kind: ItemKind, path: KeyPath, label: string) => void,
) {
  for (const [key, value] of Object.entries(doc)) {
    if (key === "remote_sandbox_config" && Array.isArray(value)) {
      value.forEach((e, i) => {
        const patterns =
          isTable(e) && Array.isArray(e.hostname_patterns) ? e.hostname_patterns.join(", ") : "";
        add("remote_sandbox_config", [key, i], `remote_sandbox_config[${i}] (${patterns})`);
      });
    } else if (key === "rules" && isTable(value) && Array.isArray(value.prefix_rules)) {
      for (const [i, r] of value.prefix_rules.entries())
        add("prefix_rule", [key, "prefix_rules", i], `prefix_rules[${i}] ${patternText(r)}`);
    } else if (key === "mcp_servers" && isTable(value)) {
      for (const name of Object.keys(value)) add("mcp_allowlist", [key, name], `mcp_servers.${name}`);
    } else if ((key === "features" || key === "feature_requirements") && isTable(value)) {
      for (const [name, v] of Object.entries(value)) add("feature_pin", [key, name], `${key}.${name} = ${v}`);
    } else if (key === "hooks" && isTable(value)) {
      for (const [event, groups] of Object.entries(value)) {
        if (!Array.isArray(groups)) continue;
        groups.forEach((g, i) => {
          const matcher = isTable(g) && typeof g.matcher === "string" ? ` (${g.matcher})` : "";
          add("hook", [key, event, i], `hooks.${event}[${i}]${matcher}`);
        });
      }
    } else {
      add("requirement", [key], key);
    }
  }
}

function cloudItems(
  doc: Record<string, unknown>,
  add: (kind: ItemKind, path: KeyPath, label: string) => void,
) {
  if (Array.isArray(doc.rules)) {
    doc.rules.forEach((r, i) => {
      const name = isTable(r) && typeof r.name === "string" ? r.name : "?";
      const groups = isTable(r) && Array.isArray(r.groups) ? r.groups.join(", ") : "";
      add("cloud_rule", ["rules", i], `rules[${i}] "${name}" (${groups})`);
    });
  }
  if (doc.default !== undefined) add("cloud_rule", ["default"], "default (no rule matched)");
}

/** How the tests read a file; a file no test uses is read by its name or its shape. */
function readAs(
  p: PolicyFile,
  doc: Record<string, unknown>,
): "requirements" | "managed_config" | "cloud" | null {
  for (const k of ["cloud", "requirements", "managed_config"] as const) if (p.kinds.includes(k)) return k;
  if (p.kinds.length > 0) return null;
  if (/managed_config\.toml$/.test(p.file)) return "managed_config";
  if (/(^|[/._-])config\.toml$/.test(p.file)) return null;
  if (Array.isArray(doc.rules) && doc.rules.every((r) => isTable(r) && "groups" in r)) return "cloud";
  return "requirements";
}

/**
 * The rules a policy file holds, each located: requirement fields, remote_sandbox_config entries,
 * prefix rules, MCP allowlist entries, feature pins, managed hook groups, cloud group rules, and
 * the legacy managed_config keys that act as requirements. A file that does not parse has none.
 */
export function coverageItems(p: PolicyFile): { items: CoverageItem[]; parseError?: string } {
  let doc: Record<string, unknown>;
  try {
    doc = parse(p.text) as Record<string, unknown>;
  } catch (e) {
    return { items: [], parseError: ((e as Error).message.split("\n")[0] ?? "").trim() };
  }
  const items: CoverageItem[] = [];
  const add = (kind: ItemKind, path: KeyPath, label: string, decides: KeyPath = path) => {
    const at = locateKey(p.text, path, { deeperHeaders: true });
    items.push({
      file: p.file,
      kind,
      path,
      decides,
      label,
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  };
  const as = readAs(p, doc);
  if (as === "requirements") requirementItems(doc, add);
  else if (as === "cloud") cloudItems(doc, add);
  else if (as === "managed_config") {
    for (const [key, field] of Object.entries(LEGACY_REQUIREMENT_FIELDS))
      if (key in doc) add("legacy_requirement", [key], `${key} (as ${field})`, [field]);
  }
  return { items };
}
