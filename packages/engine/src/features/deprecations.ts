import {
  FEATURE_KEY_NOTICES,
  featureAliasNotice,
  WEB_SEARCH_FEATURE_KEYS,
  webSearchFeatureNotice,
} from "../messages.js";
import type { ConfigLayer } from "../model.js";
import { isTable } from "../toml.js";
import { FEATURES } from "./catalogue.js";

/** The config files whose `[features].multi_agent` draws Codex's warning. */
const MULTI_AGENT_FILE_KINDS = new Set(["user", "project"]);

function featureTables(layer: ConfigLayer): Record<string, unknown>[] {
  const tables = [layer.doc.features, layer.ignoredFeatures];
  return tables.filter((t): t is Record<string, unknown> => isTable(t));
}

/**
 * Whether Codex warns about `[features].multi_agent`: the user or project config names it,
 * whatever the value and whatever other layers say (binary: system config, managed config and `-c`
 * never draw it). An unknown-trust project counts even though its features do not apply.
 */
export function multiAgentDeprecated(
  layers: readonly ConfigLayer[],
  release: { multiAgentDeprecationWarning: boolean },
): boolean {
  return (
    release.multiAgentDeprecationWarning &&
    layers.some((l) => MULTI_AGENT_FILE_KINDS.has(l.kind) && featureTables(l).some((t) => "multi_agent" in t))
  );
}

const SPECIAL = new Map(FEATURE_KEY_NOTICES);
const CANONICAL = new Map(FEATURES.flatMap((spec) => spec.aliases.map((a) => [a.key, spec.key] as const)));

/** The order Codex gives the notices in (binary 0.169.0, whatever the order in config). */
const NOTICE_ORDER = [
  "codex_hooks",
  "collab",
  "connectors",
  "enable_experimental_windows_sandbox",
  "experimental_use_unified_exec_tool",
  "guardianv2.thread_context",
  "transcript_v2",
  "use_legacy_landlock",
  "web_search_cached",
  "web_search_request",
  "memory_tool",
  "request_permissions",
  "shell_zsh_fork",
  "unified_exec_zsh_fork",
  "web_search",
];

function noticeFor(key: string, release: { webSearchModes: readonly string[] }): string {
  if (WEB_SEARCH_FEATURE_KEYS.includes(key)) return webSearchFeatureNotice(key, release.webSearchModes);
  return SPECIAL.get(key) ?? featureAliasNotice(key, CANONICAL.get(key) ?? key);
}

/**
 * Deprecation notices for feature keys named anywhere Codex reads features from: every config
 * layer's `[features]` (including an unknown-trust project whose features do not apply), `-c`,
 * `--enable` and `--disable`, in Codex's fixed order.
 */
export function featureDeprecationNotices(
  layers: readonly ConfigLayer[],
  enable: readonly string[],
  disable: readonly string[],
  release: { webSearchModes: readonly string[] },
): string[] {
  const named = new Set<string>([...enable, ...disable]);
  for (const layer of layers) {
    for (const table of featureTables(layer)) {
      for (const [key, value] of Object.entries(table)) {
        named.add(key);
        if (isTable(value)) for (const sub of Object.keys(value)) named.add(`${key}.${sub}`);
      }
    }
  }
  return NOTICE_ORDER.filter((key) => named.has(key)).map((key) => noticeFor(key, release));
}
