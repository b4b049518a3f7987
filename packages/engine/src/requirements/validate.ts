import type { OutcomeError } from "@codex-policy/spec";
import {
  unknownRequirementSubkeys,
  validateFeaturesRequirement,
  validateHooksRequirement,
  validateMcpRequirement,
  validatePluginsRequirement,
  validateRulesRequirement,
} from "../areas.js";
import { errorSpan, locateValue } from "../config/locate.js";
import type { Behaviour } from "../editions.js";
import {
  GRANULAR_NEEDS_TABLE,
  invalidType,
  layerParseError,
  mergedParseError,
  missingField,
  serdeFieldError,
  tomlSyntaxDetail,
  unknownVariant,
} from "../messages.js";
import type { RequirementLayer } from "../model.js";
import { ignoredFilesystemKeys, permissionsRequirementProblem } from "../permissions/definitions.js";
import { isTable, serdeType } from "../toml.js";
import {
  APPROVAL_SPELLINGS,
  approvalSpellingProblem,
  BOOLEAN_REQUIREMENT_KEYS,
  KNOWN_REQUIREMENT_KEYS,
  REMOTE_ENTRY_KEYS,
  REVIEWER_VARIANTS,
  SANDBOX_VARIANTS,
  WEB_SEARCH_VARIANTS,
  WINDOWS_SANDBOX_VARIANTS,
} from "./fields.js";
import { checkRequirementShape, ignoredShapeSubkeys } from "./shapes.js";

interface Problem {
  code: string;
  message: string;
  path: string;
  /** What the user should write instead, when Codex's own message does not say. */
  hint?: string;
  merged?: boolean;
}

function enumList(value: unknown, path: string, variants: readonly string[]): Problem | null {
  if (!Array.isArray(value)) {
    return { code: "invalid-type", message: invalidType(serdeType(value), "a sequence"), path };
  }
  for (const item of value) {
    if (path === "allowed_approval_policies" && isTable(item)) continue; // granular table form
    if (typeof item !== "string") {
      return { code: "invalid-type", message: invalidType("unit variant", "string only"), path };
    }
    if (path === "allowed_approval_policies") {
      const p = approvalSpellingProblem(item, variants);
      if (p?.code === "invalid-type")
        return { ...p, path, ...(item === "granular" ? { hint: GRANULAR_NEEDS_TABLE } : {}) };
    }
    if (!variants.includes(item)) {
      return { code: "unknown-variant", message: unknownVariant(item, variants), path };
    }
  }
  return null;
}

function remoteConfig(value: unknown): Problem | null {
  const path = "remote_sandbox_config";
  if (!Array.isArray(value))
    return { code: "invalid-type", message: invalidType(serdeType(value), "a sequence"), path };
  for (const entry of value) {
    if (!isTable(entry))
      return { code: "invalid-type", message: invalidType(serdeType(entry), "struct"), path };
    const pats = entry.hostname_patterns;
    if (pats === undefined)
      return { code: "missing-field", message: missingField("hostname_patterns"), path };
    if (!Array.isArray(pats)) {
      return {
        code: "invalid-type",
        message: invalidType(serdeType(pats), "a sequence"),
        path: `${path}.hostname_patterns`,
      };
    }
    const bad = pats.find((p) => typeof p !== "string");
    if (bad !== undefined) {
      return {
        code: "invalid-type",
        message: invalidType(serdeType(bad), "a string"),
        path: `${path}.hostname_patterns`,
      };
    }
    if (entry.allowed_sandbox_modes === undefined) {
      return { code: "missing-field", message: missingField("allowed_sandbox_modes"), path };
    }
    const modes = enumList(entry.allowed_sandbox_modes, `${path}.allowed_sandbox_modes`, SANDBOX_VARIANTS);
    if (modes) return modes;
  }
  return null;
}

function bool(value: unknown, path: string): Problem | null {
  return typeof value === "boolean"
    ? null
    : { code: "invalid-type", message: invalidType(serdeType(value), "a boolean"), path };
}

function areaIssue(
  issue: { code: string; message: string; path?: string } | null,
  path: string,
): Problem | null {
  return issue ? { code: issue.code, message: issue.message, path: issue.path ?? path } : null;
}

/** The enum spellings of a release, in the order its errors list them. */
export type VocabularyBehaviour = Pick<
  Behaviour,
  "approvalModes" | "webSearchModes" | "reviewers" | "ruleDecisions" | "missingStructFields"
>;
/** What validating a layer reads of a release: its vocabulary and how it words a failure. */
export const VALIDATION_SWITCHES = [
  "approvalModes",
  "webSearchModes",
  "reviewers",
  "ruleDecisions",
  "missingStructFields",
  "requirementsErrorPrefix",
  "requirementFieldErrorsFramed",
] as const satisfies readonly (keyof Behaviour)[];
export type ValidationBehaviour = Pick<Behaviour, (typeof VALIDATION_SWITCHES)[number]>;

/**
 * A layer's deserializer error as the release words it: before 0.147 framed like a TOML syntax
 * error at the token it marks, with no field path (binary 0.130.0, 0.146.0); from 0.147 the serde
 * message and the field path.
 */
function fieldError(
  layer: RequirementLayer,
  message: string,
  path: string,
  at: { line: number; column: number } | null,
  release: ValidationBehaviour,
): { message: string; line?: number; column?: number } {
  const prefix = release.requirementsErrorPrefix;
  if (release.requirementFieldErrorsFramed && at && layer.text) {
    const { line, column, width } = errorSpan(layer.text, at, message);
    const detail = tomlSyntaxDetail(line, column, message, layer.text, width);
    return { message: layerParseError(layer.label, detail, prefix), line, column };
  }
  const detail = path === "" ? `${message}\n` : serdeFieldError(message, path);
  return { message: layerParseError(layer.label, detail, prefix), ...(at ?? {}) };
}
const known = (all: readonly string[], release: readonly string[]) => all.filter((v) => release.includes(v));

/** Type-checks one field of a requirements layer the way Codex's deserializer does. */
function checkField(key: string, value: unknown, release: VocabularyBehaviour): Problem | null {
  switch (key) {
    case "allowed_approval_policies":
      return enumList(value, key, known(APPROVAL_SPELLINGS, release.approvalModes));
    case "allowed_sandbox_modes":
      return enumList(value, key, SANDBOX_VARIANTS);
    case "allowed_web_search_modes":
      return enumList(value, key, known(WEB_SEARCH_VARIANTS, release.webSearchModes));
    case "allowed_approvals_reviewers":
      return enumList(value, key, known(REVIEWER_VARIANTS, release.reviewers));
    case "remote_sandbox_config":
      return remoteConfig(value);
    case "features":
      return areaIssue(validateFeaturesRequirement(value), key);
    case "mcp_servers":
      return areaIssue(validateMcpRequirement(value), key);
    case "plugins":
      return areaIssue(validatePluginsRequirement(value), key);
    case "rules":
      return areaIssue(validateRulesRequirement(value, release.ruleDecisions), key);
    case "hooks":
      return areaIssue(validateHooksRequirement(value), key);
    case "windows":
      return (
        checkRequirementShape(key, value) ??
        (isTable(value) && value.allowed_sandbox_implementations !== undefined
          ? enumList(
              value.allowed_sandbox_implementations,
              "windows.allowed_sandbox_implementations",
              WINDOWS_SANDBOX_VARIANTS,
            )
          : null)
      );
    case "permissions":
      return permissionsRequirementProblem(value);
    default:
      return BOOLEAN_REQUIREMENT_KEYS.has(key)
        ? bool(value, key)
        : checkRequirementShape(key, value, release.missingStructFields);
  }
}

export interface LayerProblem {
  error: OutcomeError;
  /** The offending key's path in the layer, for notices. */
  path: string;
  hint?: string;
}

/**
 * Validates a requirements layer; the first problem in document order stops Codex. Codex's message
 * carries no position for these; the engine adds the line and column of the offending key.
 */
export function validateRequirementLayer(
  layer: RequirementLayer,
  release: ValidationBehaviour,
): LayerProblem | null {
  if (layer.doc.features !== undefined && layer.doc.feature_requirements !== undefined) {
    // Both spellings fill the same field, which serde reports as a duplicate.
    const at = locateValue(layer.text, ["feature_requirements"]);
    return {
      error: {
        code: "duplicate-field",
        layer: layer.layerId,
        ...fieldError(layer, "duplicate field `features`", "", at, release),
      },
      path: "feature_requirements",
    };
  }
  for (const [key, value] of Object.entries(layer.doc)) {
    const field = key === "feature_requirements" ? "features" : key;
    if (!KNOWN_REQUIREMENT_KEYS.has(key)) continue;
    const p = checkField(field, value, release);
    // Codex names the key as written, so the alias spelling shows in the error path.
    if (p && field === "features") p.path = p.path === "features" ? key : p.path;
    if (p) {
      const at = locateValue(layer.text, p.path.split(".")) ?? locateValue(layer.text, [key]);
      return {
        error: {
          code: p.code,
          layer: layer.layerId,
          ...(p.merged
            ? { message: mergedParseError(serdeFieldError(p.message, p.path)), ...(at ?? {}) }
            : fieldError(layer, p.message, p.path, at, release)),
        },
        path: p.path,
        ...(p.hint ? { hint: p.hint } : {}),
      };
    }
  }
  return null;
}

/** Dotted paths of keys Codex ignores in this layer. */
export function ignoredRequirementKeys(
  layer: RequirementLayer,
  known: ReadonlySet<string> = KNOWN_REQUIREMENT_KEYS,
): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(layer.doc)) {
    if (!known.has(key)) {
      out.push(key);
      continue;
    }
    if (key === "remote_sandbox_config" && Array.isArray(value)) {
      value.forEach((entry, i) => {
        if (!isTable(entry)) return;
        for (const k of Object.keys(entry)) if (!REMOTE_ENTRY_KEYS.has(k)) out.push(`${key}.${i}.${k}`);
      });
    }
    if (key === "permissions") out.push(...ignoredFilesystemKeys(value));
    out.push(...ignoredShapeSubkeys(key, value));
    const field = key === "feature_requirements" ? "features" : key;
    if (
      field === "features" ||
      field === "mcp_servers" ||
      field === "rules" ||
      field === "hooks" ||
      field === "plugins"
    ) {
      out.push(...unknownRequirementSubkeys(field, value));
    }
  }
  return out;
}
