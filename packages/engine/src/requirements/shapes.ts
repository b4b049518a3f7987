import { invalidType, missingField, unknownField, unknownVariant } from "../messages.js";
import { isTable, serdeType } from "../toml.js";

/**
 * The value shapes of the requirements fields the engine does not simulate, as the 0.169.0
 * binary reads them (each probed with an integer, a string and a table holding an unknown key;
 * docs/binary-findings-0.169.md#requirement-value-shapes). A value of the wrong shape stops Codex
 * even though the field's effect is not modelled.
 */
/** What a struct field holds; `unchecked`: a shape the engine does not check. */
type FieldKind =
  | "bool"
  | "sequence"
  | "u16"
  | "string"
  | `struct ${string}`
  /** A map of names to `allow` or `deny`. */
  | "verdict-map"
  | "unchecked";

type Shape =
  | { kind: "string" | "path" | "strings" }
  | { kind: "enum"; variants: readonly string[] }
  | { kind: "enum-list"; variants: readonly string[] }
  /**
   * `closed`: any other key stops Codex (`unknown field`); otherwise other keys are ignored with
   * the unrecognized-settings warning, when `complete` says every field is named here.
   */
  | {
      kind: "struct";
      name: string;
      /** In the struct's own order, which is also the report's. */
      fields: Record<string, FieldKind>;
      closed?: boolean;
      /** Fields serde insists on (`missing field`), checked after the present ones. */
      required?: readonly string[];
      complete?: boolean;
      /** How the startup-config report spells the fields, every one present (unset ones null). */
      reported?: "camel" | "snake";
      /** Fields that are themselves structs, reported the same way. */
      nested?: Record<string, readonly string[]>;
    }
  /**
   * A table of named entries, each one a struct; `name` null when serde calls the table a map.
   * `entryPath`: the error names the entry (`model_providers.a`) rather than the table.
   * `merged`: Codex reads the field only from the merged requirements.
   */
  | { kind: "struct-map"; name: string | null; entry: string; entryPath?: boolean; merged?: boolean }
  /** A table of names, each one a boolean. */
  | { kind: "bool-map" };

const unchecked = (...names: string[]): Record<string, FieldKind> =>
  Object.fromEntries(names.map((n) => [n, "unchecked" as const]));

export const REQUIREMENT_SHAPES: Readonly<Record<string, Shape>> = {
  model_provider: { kind: "string" },
  model_providers: {
    kind: "struct-map",
    name: null,
    entry: "ModelProviderInfo",
    entryPath: true,
    merged: true,
  },
  allowed_permission_profiles: { kind: "bool-map" },
  default_permissions: { kind: "string" },
  chatgpt_base_url: { kind: "string" },
  additional_developer_instructions: { kind: "string" },
  guardian_policy_config: { kind: "string" },
  guardian_extra_policy: { kind: "string" },
  sqlite_home: { kind: "path" },
  log_dir: { kind: "path" },
  model_catalog_json: { kind: "path" },
  allowed_chatgpt_workspaces: { kind: "strings" },
  allowed_login_methods: { kind: "enum-list", variants: ["chatgpt", "api"] },
  cli_auth_credentials_store: { kind: "enum", variants: ["file", "keyring", "auto", "ephemeral"] },
  enforce_residency: { kind: "enum", variants: ["us"] },
  application: {
    kind: "struct",
    name: "ApplicationRequirementsToml",
    fields: { network: "struct Network", storage: "struct ApplicationStorageRequirementsToml" },
    closed: true,
  },
  config_server: {
    kind: "struct",
    name: "ConfigServerInput",
    fields: { base_url: "string", oauth: "struct OAuthSessionConfig" },
    required: ["base_url"],
    closed: true,
  },
  marketplaces: {
    kind: "struct",
    name: "MarketplaceRequirementsToml",
    fields: unchecked("restrict_to_allowed_sources", "allowed_sources"),
    closed: true,
  },
  otel: {
    kind: "struct",
    name: "OtelRequirementsToml",
    fields: unchecked(
      "tool_result",
      "log_sse_deltas",
      "log_user_prompt",
      "log_agent_responses",
      "log_guardian_assessments",
      "environment",
      "exporter",
      "trace_exporter",
      "metrics_exporter",
      "span_attributes",
      "tracestate",
    ),
    closed: true,
    reported: "snake",
  },
  auto_review: {
    kind: "struct",
    name: "AutoReviewRequirementsToml",
    fields: { required_on_models: "sequence", ignore_rules: "sequence" },
    complete: true,
    reported: "camel",
  },
  browser_use: {
    kind: "struct",
    name: "BrowserUseRequirementsToml",
    fields: {
      extension: "unchecked",
      allow_webmcp: "bool",
      allow_history_access: "unchecked",
      disable_auto_review: "bool",
      allow_global_persistent_approval: "unchecked",
      default_origin_policy: "unchecked",
      origins: "unchecked",
    },
    complete: true,
    reported: "camel",
  },
  computer_use: {
    kind: "struct",
    name: "ComputerUseRequirementsToml",
    fields: {
      allow_locked_computer_use: "bool",
      allow_persistent_approval: "bool",
      default_app_access: "unchecked",
      macos: "unchecked",
      windows: "unchecked",
    },
    complete: true,
    reported: "camel",
  },
  in_app_browser: {
    kind: "struct",
    name: "InAppBrowserRequirementsToml",
    fields: { allow_external_browser_settings_import: "bool" },
    complete: true,
    reported: "camel",
  },
  experimental_network: {
    kind: "struct",
    name: "RawNetworkRequirementsToml",
    fields: {
      enabled: "bool",
      http_port: "u16",
      socks_port: "u16",
      allow_upstream_proxy: "bool",
      dangerously_allow_non_loopback_proxy: "bool",
      dangerously_allow_all_unix_sockets: "bool",
      domains: "verdict-map",
      managed_allowed_domains_only: "bool",
      allowed_domains: "sequence",
      denied_domains: "sequence",
      review_domains: "sequence",
      unix_sockets: "verdict-map",
      allow_unix_sockets: "sequence",
      allow_local_binding: "bool",
      header_injections: "sequence",
    },
    complete: true,
  },
  feedback: {
    kind: "struct",
    name: "FeedbackConfigToml",
    fields: { enabled: "bool" },
    complete: true,
    reported: "camel",
  },
  models: {
    kind: "struct",
    name: "ModelsRequirementsToml",
    fields: unchecked("new_thread"),
    complete: true,
    reported: "camel",
    nested: { new_thread: ["model", "model_reasoning_effort", "service_tier"] },
  },
  windows: {
    kind: "struct",
    name: "WindowsRequirementsToml",
    fields: { allowed_sandbox_implementations: "sequence", require_mxc: "bool", allow_mxc: "bool" },
    complete: true,
  },
  apps: { kind: "struct-map", name: "AppsRequirementsToml", entry: "AppRequirementToml" },
};

const SCALAR_EXPECTED: Record<string, string> = {
  bool: "a boolean",
  sequence: "a sequence",
  u16: "u16",
  string: "a string",
  "verdict-map": "a map",
};
const fieldExpected = (kind: Exclude<FieldKind, "unchecked">): string =>
  kind.startsWith("struct ") ? kind : (SCALAR_EXPECTED[kind] ?? kind);

function fieldFits(kind: FieldKind, v: unknown): boolean {
  if (kind === "bool") return typeof v === "boolean";
  if (kind === "sequence") return Array.isArray(v);
  if (kind === "string") return typeof v === "string";
  if (kind.startsWith("struct ") || kind === "verdict-map") return isTable(v);
  if (kind === "u16") return Number.isInteger(v); // out of range is serde's `invalid value`, not checked
  return true;
}

/** Keys inside an open, fully known struct field that Codex ignores with the warning. */
export function ignoredShapeSubkeys(key: string, value: unknown): string[] {
  const shape = REQUIREMENT_SHAPES[key];
  if (shape?.kind !== "struct" || shape.closed || !shape.complete || !isTable(value)) return [];
  return Object.keys(value)
    .filter((k) => !(k in shape.fields))
    .map((k) => `${key}.${k}`);
}

export interface ShapeProblem {
  code: "invalid-type" | "unknown-variant" | "unknown-field" | "missing-field" | "config-invalid";
  message: string;
  path: string;
  /** Found when Codex parses the merged requirements, not one layer. */
  merged?: boolean;
}

const UNIT_VARIANT = invalidType("unit variant", "string only");

function enumValue(v: unknown, variants: readonly string[], path: string): ShapeProblem | null {
  // serde reads a table as an externally tagged enum: its first key names the variant.
  if (isTable(v) && Object.keys(v).length !== 1)
    return {
      code: "invalid-type",
      message: `wanted exactly 1 element, found ${Object.keys(v).length} elements`,
      path,
    };
  const name = typeof v === "string" ? v : isTable(v) ? Object.keys(v)[0] : undefined;
  if (name === undefined) return { code: "invalid-type", message: UNIT_VARIANT, path };
  if (!variants.includes(name))
    return { code: "unknown-variant", message: unknownVariant(name, variants), path };
  return null;
}

const VERDICTS = ["allow", "deny"] as const;

/** The network map forms and the legacy lists they replace (`map`, then its lists). */
export const NETWORK_MAP_FORMS: readonly [string, [string, string][]][] = [
  [
    "domains",
    [
      ["allowed_domains", "allow"],
      ["denied_domains", "deny"],
    ],
  ],
  ["unix_sockets", [["allow_unix_sockets", "allow"]]],
];

/** A network requirement may give each list in one form only (binary 0.169.0). */
function mixedNetworkForms(value: Record<string, unknown>): ShapeProblem | null {
  for (const [map, lists] of NETWORK_MAP_FORMS) {
    const legacy = lists.map(([l]) => l);
    if (value[map] === undefined || !legacy.some((l) => value[l] !== undefined)) continue;
    const named = legacy.map((l) => `\`${l}\``).join(" or ");
    return {
      code: "config-invalid",
      message: `\`${map}\` cannot be combined with legacy ${named} in managed network requirements`,
      path: "experimental_network",
    };
  }
  return null;
}

/** The first shape problem of `value` for requirements field `key`, or null. */
export function checkRequirementShape(
  key: string,
  value: unknown,
  absent: readonly string[] = [],
): ShapeProblem | null {
  const shape = REQUIREMENT_SHAPES[key];
  if (!shape) return null;
  const wrong = (expected: string): ShapeProblem => ({
    code: "invalid-type",
    message: invalidType(serdeType(value), expected),
    path: key,
  });
  switch (shape.kind) {
    case "string":
      return typeof value === "string" ? null : wrong("a string");
    case "path":
      return typeof value === "string" ? null : wrong("path string");
    case "strings": {
      if (!Array.isArray(value)) return wrong("a sequence");
      const bad = value.find((x) => typeof x !== "string");
      return bad === undefined
        ? null
        : { code: "invalid-type", message: invalidType(serdeType(bad), "a string"), path: key };
    }
    case "enum":
      return enumValue(value, shape.variants, key);
    case "enum-list": {
      if (!Array.isArray(value)) return wrong("a sequence");
      for (const item of value) {
        const p = enumValue(item, shape.variants, key);
        if (p) return p;
      }
      return null;
    }
    case "struct": {
      if (!isTable(value)) return wrong(`struct ${shape.name}`);
      const has = (f: string) => !absent.includes(`${key}.${f}`);
      const names = Object.keys(shape.fields).filter(has);
      for (const [k, v] of Object.entries(value)) {
        const kind = has(k) ? shape.fields[k] : undefined;
        if (kind === undefined) {
          if (shape.closed) return { code: "unknown-field", message: unknownField(k, names), path: key };
        } else if (kind !== "unchecked" && !fieldFits(kind, v)) {
          return {
            code: "invalid-type",
            message: invalidType(serdeType(v), fieldExpected(kind)),
            path: `${key}.${k}`,
          };
        } else if (kind === "verdict-map") {
          for (const verdict of Object.values(value[k] as Record<string, unknown>)) {
            const p = enumValue(verdict, VERDICTS, `${key}.${k}`);
            if (p) return p;
          }
        }
      }
      if (key === "experimental_network") {
        const mixed = mixedNetworkForms(value);
        if (mixed) return mixed;
      }
      const missing = shape.required?.find((f) => !(f in value));
      return missing === undefined
        ? null
        : { code: "missing-field", message: missingField(missing), path: key };
    }
    case "struct-map": {
      const merged = shape.merged ? { merged: true } : {};
      if (!isTable(value)) return { ...wrong(shape.name ? `struct ${shape.name}` : "a map"), ...merged };
      const bad = Object.entries(value).find(([, entry]) => !isTable(entry));
      if (bad === undefined) return null;
      const path = shape.entryPath ? `${key}.${bad[0]}` : key;
      return {
        code: "invalid-type",
        message: invalidType(serdeType(bad[1]), `struct ${shape.entry}`),
        path,
        ...merged,
      };
    }
    case "bool-map": {
      if (!isTable(value)) return wrong("a map");
      const bad = Object.entries(value).find(([, v]) => typeof v !== "boolean");
      return bad === undefined
        ? null
        : {
            code: "invalid-type",
            message: invalidType(serdeType(bad[1]), "a boolean"),
            path: `${key}.${bad[0]}`,
          };
    }
  }
}

const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function reportedFields(
  value: Record<string, unknown>,
  fields: readonly string[],
  spell: (k: string) => string,
) {
  return Object.fromEntries(fields.map((f) => [spell(f), value[f] ?? null]));
}

/**
 * A struct requirement the way the startup-config report shows it (0.169.0): every field the release
 * reports present (`unreported`: `key.field` it does not yet), unset ones null, spelled as the binary
 * spells them; null when the field has no such shape.
 */
export function reportedStruct(
  key: string,
  value: unknown,
  unreported: readonly string[] = [],
): Record<string, unknown> | null {
  const shape = REQUIREMENT_SHAPES[key];
  if (shape?.kind !== "struct" || !shape.reported || !isTable(value)) return null;
  const spell = shape.reported === "camel" ? camel : (k: string) => k;
  const fields = Object.keys(shape.fields).filter((f) => !unreported.includes(`${key}.${f}`));
  const out = reportedFields(value, fields, spell);
  for (const [field, inner] of Object.entries(shape.nested ?? {})) {
    const v = value[field];
    if (isTable(v)) out[spell(field)] = reportedFields(v, inner, spell);
  }
  return out;
}
