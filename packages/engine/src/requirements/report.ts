import type { RequirementEntry } from "@codex-policy/spec";
import type { EditionSpec } from "../editions.js";
import { normalizeApproval, normalizeReviewer } from "../effective/settings.js";
import type { ComposedField } from "../model.js";
import { isTable } from "../toml.js";
import { KNOWN_REQUIREMENT_KEYS } from "./fields.js";

const TABLE_FIELDS_EMPTY_IS_UNSET = new Set(["features", "hooks", "apps", "plugins", "auto_review"]);

/** Whether a composed field counts as a requirement (Codex treats some empty values as unset). */
function counts(key: string, value: unknown): boolean {
  if (TABLE_FIELDS_EMPTY_IS_UNSET.has(key) && isTable(value) && Object.keys(value).length === 0) return false;
  if (key === "guardian_policy_config" && typeof value === "string" && value.trim() === "") return false;
  return true;
}

function normalize(key: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const s = value.filter((v): v is string => typeof v === "string");
  switch (key) {
    case "allowed_approval_policies":
      return value.map((v) => (typeof v === "string" ? normalizeApproval(v) : v));
    case "allowed_approvals_reviewers":
      return s.map(normalizeReviewer);
    case "allowed_sandbox_modes":
      return s.filter((m) => m !== "external-sandbox");
    case "allowed_web_search_modes":
      return s.includes("disabled") ? s : [...s, "disabled"];
    default:
      return value;
  }
}

/** The requirements report: normalized values with the layer each came from. */
export function requirementsReport(
  fields: Record<string, ComposedField>,
  hasRules: boolean,
  edition: EditionSpec,
): Record<string, RequirementEntry> {
  const out: Record<string, RequirementEntry> = {};
  for (const [key, f] of Object.entries(fields)) {
    // Keys Codex does not know are ignored (with a warning), never reported.
    if (!KNOWN_REQUIREMENT_KEYS.has(key) || !counts(key, f.value)) continue;
    out[key] = {
      value: normalize(key, f.value),
      source: f.layer.source,
      ...(f.layers.length > 1 ? { sources: f.layers.map((l) => l.source) } : {}),
    };
  }
  if (
    edition.reportsDefaultLoginMethods &&
    (Object.keys(out).length > 0 || hasRules) &&
    !out.allowed_login_methods
  ) {
    out.allowed_login_methods = { value: ["api", "chatgpt"], source: "default" };
  }
  return out;
}
