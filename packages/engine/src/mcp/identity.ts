import { isTable } from "../toml.js";

export type ValueMatcher =
  | { match: "exact" | "prefix"; value: string }
  | { match: "regex"; expression: string };

/** An allowlist identity, after Codex's untagged-enum reading (command form tried first). */
export type McpIdentity =
  | { kind: "command"; command: string }
  | { kind: "command-matcher"; executable: string; args: ValueMatcher[] }
  | { kind: "url"; url: string }
  | { kind: "url-matcher"; matcher: ValueMatcher };

const onlyKeys = (t: Record<string, unknown>, keys: string[]): boolean =>
  Object.keys(t).every((k) => keys.includes(k));

export function parseValueMatcher(v: unknown): ValueMatcher | null {
  if (!isTable(v)) return null;
  if (
    (v.match === "exact" || v.match === "prefix") &&
    typeof v.value === "string" &&
    onlyKeys(v, ["match", "value"])
  ) {
    return { match: v.match, value: v.value };
  }
  if (v.match === "regex" && typeof v.expression === "string" && onlyKeys(v, ["match", "expression"])) {
    return { match: "regex", expression: v.expression };
  }
  return null;
}

/** Reads an identity table; null when no variant fits (Codex: fatal). Extra keys are ignored. */
export function parseIdentity(v: unknown): McpIdentity | null {
  if (!isTable(v)) return null;
  const c = v.command;
  if (typeof c === "string") return { kind: "command", command: c };
  if (
    isTable(c) &&
    typeof c.executable === "string" &&
    Array.isArray(c.args) &&
    onlyKeys(c, ["executable", "args"])
  ) {
    const args = c.args.map(parseValueMatcher);
    if (args.every((a): a is ValueMatcher => a !== null))
      return { kind: "command-matcher", executable: c.executable, args };
  }
  const u = v.url;
  if (typeof u === "string") return { kind: "url", url: u };
  const m = parseValueMatcher(u);
  if (m) return { kind: "url-matcher", matcher: m };
  return null;
}

/** Compiles a regex matcher as a whole-string match; the error text when it does not compile. */
export function compileMatcher(m: ValueMatcher): ((s: string) => boolean) | { error: string } {
  if (m.match !== "regex") {
    const v = m.value;
    return m.match === "exact" ? (s) => s === v : (s) => s.startsWith(v);
  }
  try {
    const re = new RegExp(`^(?:${m.expression})$`, "u");
    return (s) => re.test(s);
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).replace(/^Invalid regular expression: /, "");
    return { error: `invalid regex \`${m.expression}\`: ${detail}` };
  }
}
