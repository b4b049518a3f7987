import { isTable } from "../toml.js";

/** What a field of a feature's config table holds. `unchecked`: a shape the engine does not know. */
type FieldKind = "bool" | "integer" | "number" | "string" | "strings" | "table" | "unchecked";

interface FeatureTable {
  /** The field that turns the feature on or off. */
  switch: string;
  fields: Record<string, FieldKind | readonly string[]>;
  /** Every field of Codex's struct is named here (the binary's field count matches). */
  complete: boolean;
}

const on = (fields: Record<string, FieldKind | readonly string[]>, complete = true): FeatureTable => ({
  switch: "enabled",
  fields: { enabled: "bool", ...fields },
  complete,
});

/**
 * The features whose `[features.<key>]` may be a table, with the fields each table accepts. Probed
 * on the 0.169.0 binary, one field and one value kind at a time (docs/binary-findings-0.169.md).
 * Codex reads each table with unknown fields refused; when a struct has fields we could not name,
 * an unnamed key draws a `not-modelled` notice instead of a refusal.
 */
export const FEATURE_TABLES: Readonly<Record<string, FeatureTable>> = {
  apps_mcp_path_override: on({ path: "string" }),
  async_compaction: on({ model_async_compact_threshold_percent: "integer" }),
  code_mode: on(
    {
      excluded_tool_namespaces: "strings",
      direct_only_tool_namespaces: "strings",
      default_exec_yield_time_ms: "integer",
      experimental_show_cell_overhead: "bool",
    },
    false,
  ),
  code_mode_host: on({ disable_in_process_fallback: "bool" }),
  context_management: { switch: "experimental_mode", fields: { experimental_mode: "bool" }, complete: true },
  current_time_reminder: on({
    reminder_interval_seconds: "integer",
    clock_source: "unchecked",
    delivery_mode: "unchecked",
    sleep_tool: "bool",
  }),
  guardianv2: on(
    {
      sync_elastic_budgeting: "bool",
      sync_elastic_sections: "table",
      transcript_mode: "unchecked",
      async_classifier_mode: "unchecked",
      async_classifier_conversation_token_limit: "integer",
      free_guardian: "bool",
      thread_context: "bool",
      persist_scores: "bool",
      classifier_instructions: "string",
      max_tool_call_lag: "integer",
      max_action_tokens: "integer",
      max_classifier_instruction_tokens: "integer",
      reuse_parent_compaction: "bool",
      max_parent_compaction_tokens: "integer",
      review_scope: "table",
      transcript: "table",
    },
    false,
  ),
  guardianv3: on({}),
  multi_agent_v2: on({
    max_concurrent_threads_per_session: "integer",
    min_wait_timeout_ms: "integer",
    max_wait_timeout_ms: "integer",
    default_wait_timeout_ms: "integer",
    usage_hint_enabled: "bool",
    usage_hint_text: "string",
    root_agent_usage_hint_text: "string",
    subagent_usage_hint_text: "string",
    subagent_developer_instructions: "string",
    preserve_fork_prefix: "bool",
    multi_agent_mode_hint_text: "string",
    tool_namespace: "string",
    hide_spawn_agent_metadata: "bool",
    expose_spawn_agent_model_overrides: "bool",
    wait_agent_enabled: "bool",
    disable_native_tools: "bool",
    disable_direct_message: "bool",
    message_board_in_memory: "bool",
    message_board_remote: "unchecked",
    non_code_mode_only: "bool",
  }),
  network_proxy: on({
    proxy_url: "string",
    enable_socks5: "bool",
    socks_url: "string",
    enable_socks5_udp: "bool",
    allow_upstream_proxy: "bool",
    dangerously_allow_non_loopback_proxy: "bool",
    dangerously_allow_all_unix_sockets: "bool",
    mode: ["limited", "full"],
    domains: "table",
    unix_sockets: "table",
    allow_local_binding: "bool",
    credential_broker: "bool",
    mitm: "unchecked",
  }),
  non_prefixed_mcp_tool_names: on({ server_names: "strings" }),
  rollout_budget: on({
    enforce_limit: "bool",
    limit_tokens: "integer",
    reminder_at_remaining_tokens: "unchecked",
    sampling_token_weight: "number",
    prefill_token_weight: "number",
  }),
  runtime_agent_instances: on({}, false),
  sleep_tool: on({}, false),
  token_budget: on({
    use_history_notes_extension: "bool",
    reminder_threshold_tokens: "integer",
    reminder_message_template: "string",
    auto_compact_fallback_prompt: "string",
    auto_compact_fallback_buffer_tokens: "integer",
    guidance_message: "string",
  }),
};

function fits(kind: FieldKind | readonly string[], v: unknown): boolean {
  if (Array.isArray(kind)) return typeof v === "string" && kind.includes(v);
  switch (kind) {
    case "bool":
      return typeof v === "boolean";
    case "integer":
      return typeof v === "bigint" || Number.isInteger(v);
    case "number":
      return typeof v === "number" || typeof v === "bigint";
    case "string":
      return typeof v === "string";
    case "strings":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "table":
      return isTable(v);
    default:
      return true;
  }
}

/** Whether a `[features]` value for `key` (canonical) turns it on or off; undefined leaves it. */
export function featureSwitch(key: string, v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  const table = FEATURE_TABLES[key];
  if (!table || !isTable(v)) return undefined;
  const s = v[table.switch];
  return typeof s === "boolean" ? s : undefined;
}

export type FeatureValueCheck =
  | { kind: "ok" }
  /** Codex cannot read the value: neither a bool nor the feature's table. */
  | { kind: "refused"; tableFeature: boolean }
  /** Keys of an incompletely known table that the engine cannot judge. */
  | { kind: "unjudged"; keys: string[] };

/** Codex's reading of one `[features]` value (canonical `key`) as a bool or the feature's table. */
export function checkFeatureValue(key: string, v: unknown): FeatureValueCheck {
  if (typeof v === "boolean") return { kind: "ok" };
  const table = FEATURE_TABLES[key];
  if (!table) return { kind: "refused", tableFeature: false };
  if (!isTable(v)) return { kind: "refused", tableFeature: true };
  const unjudged: string[] = [];
  for (const [field, value] of Object.entries(v)) {
    const kind = table.fields[field];
    if (kind === undefined) {
      if (table.complete) return { kind: "refused", tableFeature: true };
      unjudged.push(field);
    } else if (!fits(kind, value)) {
      return { kind: "refused", tableFeature: true };
    }
  }
  return unjudged.length > 0 ? { kind: "unjudged", keys: unjudged } : { kind: "ok" };
}
