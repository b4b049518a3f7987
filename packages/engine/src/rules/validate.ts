import type { FieldIssue } from "../features/validate.js";
import { isTable, serdeType } from "../toml.js";

export const RULE_DECISIONS = ["allow", "prompt", "prompt-user", "forbidden"] as const;
const RULE_KEYS = ["pattern", "decision", "justification", "canonical_matching"];
const TOKEN_KEYS = ["token", "any_of"];

const expected = (v: unknown, what: string, path: string): FieldIssue => ({
  code: "invalid-type",
  message: `invalid type: ${serdeType(v)}, expected ${what}`,
  path,
});

function decisionIssue(v: unknown, decisions: readonly string[]): FieldIssue | null {
  const path = "rules.prefix_rules.decision";
  const variants = decisions.map((d) => `\`${d}\``).join(", ");
  // Codex's enum reader takes a string, or a one-key table naming the variant.
  const name = typeof v === "string" ? v : isTable(v) ? Object.keys(v)[0] : undefined;
  if (name === undefined) {
    return { code: "invalid-type", message: "invalid type: unit variant, expected string only", path };
  }
  if (typeof v === "string" && decisions.includes(v)) return null;
  return {
    code: "unknown-variant",
    message: `unknown variant \`${name}\`, expected one of ${variants}`,
    path,
  };
}

const TOKEN_STRUCT = "struct RequirementsExecPolicyPatternTokenToml";

/**
 * serde also reads a token from an array, element by element in field order: `[token, any_of]`.
 * Both are then set, which the rule checks refuse (binary 0.169.0).
 */
function seqTokenIssue(t: unknown[], path: string): FieldIssue | null {
  if (t.length > 0 && typeof t[0] !== "string") return expected(t[0], "a string", path);
  if (t.length > 1) {
    if (!Array.isArray(t[1])) return expected(t[1], "a sequence", path);
    const bad = t[1].find((x) => typeof x !== "string");
    if (bad !== undefined) return expected(bad, "a string", path);
  }
  if (t.length !== 2) {
    const wanted = t.length < 2 ? `${TOKEN_STRUCT} with 2 elements` : "fewer elements in array";
    return { code: "invalid-type", message: `invalid length ${t.length}, expected ${wanted}`, path };
  }
  return null;
}

function tokenIssue(t: unknown): FieldIssue | null {
  const base = "rules.prefix_rules.pattern";
  if (Array.isArray(t)) return seqTokenIssue(t, base);
  if (!isTable(t)) return expected(t, TOKEN_STRUCT, base);
  for (const [k, v] of Object.entries(t)) {
    if (k === "token" && typeof v !== "string") return expected(v, "a string", `${base}.token`);
    if (k === "any_of") {
      if (!Array.isArray(v)) return expected(v, "a sequence", `${base}.any_of`);
      const bad = v.find((x) => typeof x !== "string");
      if (bad !== undefined) return expected(bad, "a string", `${base}.any_of`);
    }
  }
  return null;
}

function ruleIssue(rule: unknown, decisions: readonly string[]): FieldIssue | null {
  const base = "rules.prefix_rules";
  if (!isTable(rule)) return expected(rule, "struct RequirementsExecPolicyPrefixRuleToml", base);
  for (const [k, v] of Object.entries(rule)) {
    if (k === "pattern") {
      if (!Array.isArray(v)) return expected(v, "a sequence", `${base}.pattern`);
      for (const t of v) {
        const issue = tokenIssue(t);
        if (issue) return issue;
      }
    } else if (k === "decision") {
      const issue = decisionIssue(v, decisions);
      if (issue) return issue;
    } else if (k === "justification" && typeof v !== "string") {
      return expected(v, "a string", `${base}.justification`);
    } else if (k === "canonical_matching" && typeof v !== "boolean") {
      return expected(v, "a boolean", `${base}.canonical_matching`);
    }
  }
  if (!("pattern" in rule)) return { code: "missing-field", message: "missing field `pattern`", path: base };
  return null;
}

/** Parse-level checks of `[rules]` (types and variants); semantics come after composition. */
export function validateRulesRequirement(
  value: unknown,
  release: readonly string[] = RULE_DECISIONS,
): FieldIssue | null {
  const decisions = RULE_DECISIONS.filter((d) => release.includes(d));
  if (!isTable(value)) return expected(value, "struct RequirementsExecPolicyToml", "rules");
  if (!("prefix_rules" in value))
    return { code: "missing-field", message: "missing field `prefix_rules`", path: "rules" };
  const list = value.prefix_rules;
  if (!Array.isArray(list)) return expected(list, "a sequence", "rules.prefix_rules");
  for (const rule of list) {
    const issue = ruleIssue(rule, decisions);
    if (issue) return issue;
  }
  return null;
}

/** Keys inside `[rules]` Codex ignores with the unrecognized-settings warning. */
export function unknownRulesSubkeys(value: unknown): string[] {
  if (!isTable(value)) return [];
  const out: string[] = [];
  for (const k of Object.keys(value)) if (k !== "prefix_rules") out.push(`rules.${k}`);
  const list = value.prefix_rules;
  if (!Array.isArray(list)) return out;
  list.forEach((rule, i) => {
    if (!isTable(rule)) return;
    for (const k of Object.keys(rule)) if (!RULE_KEYS.includes(k)) out.push(`rules.prefix_rules.${i}.${k}`);
    const pattern = rule.pattern;
    if (!Array.isArray(pattern)) return;
    pattern.forEach((t, j) => {
      if (!isTable(t)) return;
      for (const k of Object.keys(t))
        if (!TOKEN_KEYS.includes(k)) out.push(`rules.prefix_rules.${i}.pattern.${j}.${k}`);
    });
  });
  return out;
}
