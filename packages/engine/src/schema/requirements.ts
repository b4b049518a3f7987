import { PUBLISHED_MINORS, releaseEdition } from "@codex-policy/spec";
import { type EditionSpec, editionSpec } from "../editions.js";
import { catalogueFor, type FeatureAlias } from "../features/catalogue.js";
import { HANDLER_TYPES, HOOK_EVENTS } from "../hooks/events.js";
import { REQUIREMENTS_FILESYSTEM_KEY } from "../permissions/definitions.js";
import {
  APPROVAL_SPELLINGS,
  BOOLEAN_REQUIREMENT_KEYS,
  REVIEWER_VARIANTS,
  SANDBOX_VARIANTS,
  TABLE_APPROVAL_VARIANTS,
  WEB_SEARCH_VARIANTS,
  WINDOWS_SANDBOX_VARIANTS,
} from "../requirements/fields.js";
import { NETWORK_MAP_FORMS, REQUIREMENT_SHAPES } from "../requirements/shapes.js";
import { RULE_DECISIONS } from "../rules/validate.js";
import { REQUIREMENT_DESCRIPTIONS } from "./descriptions.js";
import { rangeFeatures, rangeName, releaseRanges } from "./ranges.js";

export type JsonSchema = { [k: string]: unknown };

const known = (all: readonly string[], release: readonly string[]) => all.filter((v) => release.includes(v));
const strings = { type: "array", items: { type: "string" } };
const listOf = (values: readonly string[]) => ({
  type: "array",
  items: { type: "string", enum: [...values] },
});
/** Codex's enum reader also takes a one-key table naming the variant. */
const variant = (values: readonly string[]): JsonSchema => ({
  anyOf: [
    { type: "string", enum: [...values] },
    { type: "object", minProperties: 1, maxProperties: 1, propertyNames: { enum: [...values] } },
  ],
});

const FIELD_KINDS: Record<string, JsonSchema> = {
  bool: { type: "boolean" },
  sequence: { type: "array" },
  u16: { type: "integer", minimum: 0, maximum: 65535 },
  string: { type: "string" },
  "verdict-map": { type: "object", additionalProperties: variant(["allow", "deny"]) },
  unchecked: {},
};

/** The fields the engine checks only for their shape (shapes.ts), as schemas; `absent`: `key.field` the release lacks. */
function shapeSchema(key: string, absent: readonly string[] = []): JsonSchema | null {
  const shape = REQUIREMENT_SHAPES[key];
  if (!shape) return null;
  switch (shape.kind) {
    case "string":
    case "path":
      return { type: "string" };
    case "strings":
      return strings;
    case "enum":
      return variant(shape.variants);
    case "enum-list":
      return { type: "array", items: variant(shape.variants) };
    case "struct": {
      const properties = Object.fromEntries(
        Object.entries(shape.fields)
          .filter(([k]) => !absent.includes(`${key}.${k}`))
          .map(([k, kind]) => [k, kind.startsWith("struct ") ? { type: "object" } : FIELD_KINDS[kind]!]),
      );
      const out: JsonSchema = { type: "object", properties };
      // A closed struct refuses other keys; a complete one ignores them with a warning.
      if (shape.closed || shape.complete) out.additionalProperties = false;
      if (shape.required) out.required = [...shape.required];
      if (key === "experimental_network")
        out.allOf = NETWORK_MAP_FORMS.flatMap(([map, lists]) =>
          lists.map(([list]) => ({ not: { required: [map, list] } })),
        );
      return out;
    }
    case "struct-map":
      return { type: "object", additionalProperties: { type: "object" } };
    case "bool-map":
      return { type: "object", additionalProperties: { type: "boolean" } };
  }
}

const matcher: JsonSchema = {
  oneOf: [
    {
      type: "object",
      properties: { match: { enum: ["exact", "prefix"] }, value: { type: "string" } },
      required: ["match", "value"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { match: { const: "regex" }, expression: { type: "string", format: "regex" } },
      required: ["match", "expression"],
      additionalProperties: false,
    },
  ],
};

/** `[mcp_servers.<name>]`: an identity, by command (a string, or executable and argument matchers) or by url. */
const mcpAllowlist: JsonSchema = {
  type: "object",
  additionalProperties: {
    type: "object",
    properties: {
      identity: {
        type: "object",
        anyOf: [
          {
            required: ["command"],
            properties: {
              command: {
                anyOf: [
                  { type: "string" },
                  {
                    type: "object",
                    properties: { executable: { type: "string" }, args: { type: "array", items: matcher } },
                    required: ["executable", "args"],
                    additionalProperties: false,
                  },
                ],
              },
            },
          },
          { required: ["url"], properties: { url: { anyOf: [{ type: "string" }, matcher] } } },
        ],
      },
    },
    required: ["identity"],
    additionalProperties: false,
  },
};

function rulesSchema(release: EditionSpec): JsonSchema {
  // `allow` parses, then Codex refuses it: requirements may only tighten.
  const decisions = known(RULE_DECISIONS, release.ruleDecisions).filter((d) => d !== "allow");
  const token: JsonSchema = {
    type: "object",
    properties: {
      token: { type: "string", minLength: 1, pattern: "\\S" },
      any_of: { type: "array", items: { type: "string", minLength: 1, pattern: "\\S" }, minItems: 1 },
    },
    additionalProperties: false,
    oneOf: [{ required: ["token"] }, { required: ["any_of"] }],
  };
  return {
    type: "object",
    properties: {
      prefix_rules: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          properties: {
            pattern: { type: "array", items: token, minItems: 1 },
            decision: { type: "string", enum: decisions },
            justification: { type: "string", pattern: "\\S" },
            canonical_matching: { type: "boolean" },
          },
          required: ["pattern", "decision"],
          additionalProperties: false,
        },
      },
    },
    required: ["prefix_rules"],
    additionalProperties: false,
  };
}

const handler: JsonSchema = {
  type: "object",
  properties: {
    type: { type: "string", enum: [...HANDLER_TYPES] },
    command: { type: "string" },
    command_windows: { type: "string" },
    commandWindows: { type: "string" },
    statusMessage: { type: "string" },
    timeout: { type: "integer", minimum: 0 },
    async: { type: "boolean" },
  },
  required: ["type"],
  // A command handler needs its command.
  anyOf: [
    { properties: { type: { enum: HANDLER_TYPES.filter((t) => t !== "command") } } },
    { required: ["command"] },
  ],
};
const hookGroups: JsonSchema = {
  type: "array",
  items: {
    type: "object",
    properties: { matcher: { type: "string" }, hooks: { type: "array", items: handler } },
  },
};

function hooksSchema(): JsonSchema {
  return {
    type: "object",
    properties: {
      managed_dir: { type: "string" },
      windows_managed_dir: { type: "string" },
      ...Object.fromEntries(HOOK_EVENTS.map((e) => [e, { $ref: "#/definitions/hook_groups" }])),
    },
    // Codex passes over other keys (an unknown event, say) without a word.
  };
}

/** Releases that refuse an unknown pin refuse a legacy feature name too (features/resolve.ts). */
const pinnable = (a: FeatureAlias, release: EditionSpec) =>
  a.requirements !== "legacy" || release.unknownFeaturePin !== "error";

/** Feature pins: every feature some release of the range knows, saying which releases know it. */
function featuresSchema(range: readonly EditionSpec[]): JsonSchema {
  const properties = Object.fromEntries(
    rangeFeatures(range, pinnable).map(([key, description, on]) => [
      key,
      { type: "boolean", description, default: on },
    ]),
  );
  return { type: "object", properties, additionalProperties: false };
}

/** The schema of one top-level key as `release` reads it. */
function keySchema(key: string, release: EditionSpec): JsonSchema {
  const approvals = known(APPROVAL_SPELLINGS, release.approvalModes);
  switch (key) {
    case "allowed_approval_policies":
      return {
        type: "array",
        items: {
          anyOf: [
            { type: "string", enum: approvals.filter((a) => !TABLE_APPROVAL_VARIANTS.includes(a)) },
            { type: "object" },
          ],
        },
      };
    case "allowed_sandbox_modes":
      return listOf(SANDBOX_VARIANTS);
    case "allowed_web_search_modes":
      return listOf(known(WEB_SEARCH_VARIANTS, release.webSearchModes));
    case "allowed_approvals_reviewers":
      return listOf(known(REVIEWER_VARIANTS, release.reviewers));
    case "remote_sandbox_config":
      return {
        type: "array",
        items: {
          type: "object",
          properties: { hostname_patterns: strings, allowed_sandbox_modes: listOf(SANDBOX_VARIANTS) },
          required: ["hostname_patterns", "allowed_sandbox_modes"],
          additionalProperties: false,
        },
      };
    case "features":
    case "feature_requirements":
      return { $ref: "#/definitions/features" };
    case "mcp_servers":
      return { $ref: "#/definitions/mcp_allowlist" };
    case "plugins":
      return {
        type: "object",
        additionalProperties: {
          type: "object",
          properties: { mcp_servers: { $ref: "#/definitions/mcp_allowlist" } },
          additionalProperties: false,
        },
      };
    case "rules":
      return rulesSchema(release);
    case "hooks":
      return hooksSchema();
    case "windows": {
      const base = shapeSchema(key)!;
      const properties = base.properties as JsonSchema;
      return {
        ...base,
        properties: { ...properties, allowed_sandbox_implementations: listOf(WINDOWS_SANDBOX_VARIANTS) },
      };
    }
    case "permissions":
      return {
        type: "object",
        properties: {
          [REQUIREMENTS_FILESYSTEM_KEY]: {
            type: "object",
            properties: { deny_read: strings },
            additionalProperties: false,
          },
        },
        additionalProperties: { type: "object" },
      };
    case "allow_managed_hooks_only":
      return { type: "boolean", default: false };
    default:
      return BOOLEAN_REQUIREMENT_KEYS.has(key)
        ? { type: "boolean" }
        : (shapeSchema(key, release.missingStructFields) ?? {});
  }
}

/** The first published release whose edition reads a requirement key. */
export function firstReleaseReading(key: string): string | null {
  const minor = PUBLISHED_MINORS.find((m) => editionSpec(releaseEdition(m)).requirementKeys.includes(key));
  return minor === undefined ? null : `0.${minor}`;
}

/** Every key of requirements.toml one release reads, with its schema (features by reference). */
function keySchemas(release: EditionSpec): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const key of [...release.requirementKeys].sort()) {
    const since = firstReleaseReading(key);
    const about = REQUIREMENT_DESCRIPTIONS[key] ?? "";
    properties[key] = {
      ...keySchema(key, release),
      description: `${about}${since ? ` Read from Codex ${since}.` : ""}`.trim(),
      ...(since ? { "x-codex-since": since } : {}),
    };
  }
  return properties;
}

/**
 * Consecutive published releases whose requirements.toml keys and spellings are the same. Where a
 * pin of an unknown feature stops Codex (before 0.124), the features known must be the same too.
 */
export const requirementSchemaRanges = (): EditionSpec[][] =>
  releaseRanges(
    (release) =>
      JSON.stringify(keySchemas(release)) +
      (release.unknownFeaturePin === "error"
        ? catalogueFor(release.featureRelease)
            .all.flatMap((f) => [f.key, ...f.aliases.filter((a) => pinnable(a, release)).map((a) => a.key)])
            .sort()
            .join(",")
        : ""),
  );

/**
 * The JSON Schema of requirements.toml as a range of releases with the same keys reads it: every
 * key they know (others are errors here, though Codex only warns), the types and spellings their
 * deserializer accepts, and the refusals that follow from values alone (an empty prefix_rules list,
 * an `allow` rule, both features spellings). Feature pins name every feature a release of the
 * range knows.
 */
export function requirementsSchema(range: readonly EditionSpec[]): JsonSchema {
  const release = range.at(-1)!;
  const both = release.requirementKeys.includes("feature_requirements");
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `requirements.toml (Codex ${rangeName(range)})`,
    description:
      "What Codex enforces from /etc/codex/requirements.toml, an MDM payload or a cloud policy. Generated by codex-policy from its reference engine.",
    type: "object",
    properties: keySchemas(release),
    additionalProperties: false,
    ...(both ? { not: { required: ["features", "feature_requirements"] } } : {}),
    definitions: {
      ...(release.requirementKeys.includes("features") ? { features: featuresSchema(range) } : {}),
      ...(release.requirementKeys.some((k) => k === "mcp_servers" || k === "plugins")
        ? { mcp_allowlist: mcpAllowlist }
        : {}),
      ...(release.requirementKeys.includes("hooks") ? { hook_groups: hookGroups } : {}),
    },
  };
}
