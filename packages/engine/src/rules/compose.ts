import type { LayerId, OutcomeError } from "@codex-policy/spec";
import { layersLabel } from "../features/source-label.js";
import type { RequirementLayer, SourcedRule } from "../model.js";
import { isTable } from "../toml.js";
import { RULE_DECISIONS } from "./validate.js";

export type ManagedDecision = "prompt" | "prompt-user" | "forbidden";

/** A validated managed prefix rule. */
export interface ManagedRule {
  /** Position in the composed list (highest layer's rules first). */
  index: number;
  /** One list of accepted alternatives per token position. */
  pattern: string[][];
  decision: ManagedDecision;
  justification?: string;
  /** Requirements source id of the delivering layer (`system`, `cloud:<rule>`, …). */
  source: string;
  layer: RequirementLayer;
}

/** The `allow` refusal lists the decisions the release accepts: `'prompt' or 'forbidden'`, or three with commas. */
function allowText(decisions: readonly string[]): string {
  const q = RULE_DECISIONS.filter((d) => d !== "allow" && decisions.includes(d)).map((d) => `'${d}'`);
  const list = q.length > 2 ? `${q.slice(0, -1).join(", ")}, or ${q.at(-1)}` : q.join(" or ");
  return `which is not permitted in requirements.toml: Codex merges these rules with other config and uses the most restrictive result (use ${list})`;
}

function tokenProblem(t: unknown): string | string[] {
  // An array token sets both fields (`[token, any_of]`, validate.ts).
  if (Array.isArray(t)) return "set either token or any_of, not both";
  if (!isTable(t)) return "set either token or any_of";
  const hasToken = "token" in t;
  const hasAny = "any_of" in t;
  if (hasToken && hasAny) return "set either token or any_of, not both";
  if (hasToken) {
    return typeof t.token === "string" && t.token.trim() !== "" ? [t.token] : "token cannot be empty";
  }
  if (hasAny) {
    const list = Array.isArray(t.any_of) ? t.any_of : [];
    if (list.length === 0) return "any_of cannot be empty";
    if (list.some((x) => typeof x !== "string" || x.trim() === ""))
      return "any_of cannot include empty tokens";
    return list as string[];
  }
  return "set either token or any_of";
}

function ruleProblem(
  rule: unknown,
  i: number,
  decisions: readonly string[],
): string | Omit<ManagedRule, "source" | "layer"> {
  const at = `rules prefix_rule at index ${i}`;
  const r = isTable(rule) ? rule : {};
  const just = r.justification;
  if (just !== undefined && (typeof just !== "string" || just.trim() === ""))
    return `${at} has an empty justification`;
  const pattern = Array.isArray(r.pattern) ? r.pattern : [];
  if (pattern.length === 0) return `${at} has an empty pattern`;
  const tokens: string[][] = [];
  for (let j = 0; j < pattern.length; j++) {
    const t = tokenProblem(pattern[j]);
    if (typeof t === "string") return `${at} has an invalid pattern token at index ${j}: ${t}`;
    tokens.push(t);
  }
  const d = r.decision;
  if (d === undefined) return `${at} is missing a decision`;
  if (d === "allow") return `${at} has decision 'allow', ${allowText(decisions)}`;
  if (d !== "prompt" && d !== "prompt-user" && d !== "forbidden") return `${at} is missing a decision`;
  return {
    index: i,
    pattern: tokens,
    decision: d,
    ...(typeof just === "string" ? { justification: just } : {}),
  };
}

/**
 * Semantic checks of the composed `[rules] prefix_rules` list, in composed order. `empty`
 * names the layer that set `prefix_rules = []` when the composed list is empty.
 */
export function validateComposedRules(
  rules: SourcedRule[],
  empty?: { label: string; layerId: LayerId },
  decisions: readonly string[] = RULE_DECISIONS,
): { rules: ManagedRule[] } | { error: OutcomeError } {
  const list = Array.isArray(rules) ? rules.filter((r) => r?.layer) : [];
  const label = list.length > 0 ? layersLabel(list.map((r) => r.layer)) : (empty?.label ?? "<unspecified>");
  const prefix = `invalid rules in requirements (set by ${label}): `;
  if (list.length === 0) {
    return {
      error: {
        code: "rules-invalid",
        layer: empty?.layerId ?? "scenario",
        message: `${prefix}rules prefix_rules cannot be empty`,
      },
    };
  }
  const out: ManagedRule[] = [];
  for (let i = 0; i < list.length; i++) {
    const { rule, layer } = list[i]!;
    const r = ruleProblem(rule, i, decisions);
    if (typeof r === "string")
      return { error: { code: "rules-invalid", layer: layer.layerId, message: prefix + r } };
    out.push({ ...r, source: layer.source, layer });
  }
  return { rules: out };
}
