import { compareVersions } from "@codex-policy/spec";
import noticeData from "../../data/feature-notices-by-release.json";
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
export const NOTICED_FEATURE_KEYS: readonly string[] = [
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
  release: { webSearchModes: readonly string[]; featureRelease: string },
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
  const read = readNotices(release.featureRelease);
  if (read) return read.filter(([key]) => named.has(key)).map(([, text]) => text);
  return NOTICED_FEATURE_KEYS.filter((key) => named.has(key)).map((key) => noticeFor(key, release));
}

interface NoticeRun {
  first: string;
  last: string;
  notices: [string, string][];
}
const NOTICES = noticeData as unknown as { read: string[]; runs: NoticeRun[] };

/**
 * The notices a release older than the newest read one sends, as read from the release (or its
 * newest read predecessor) by scripts/release-feature-notices.ts, in its order; null for newer
 * releases, whose notices follow the pinned binary's rules.
 */
const noticesByRelease = new Map<string, [string, string][] | null>();
function readNotices(release: string): [string, string][] | null {
  let hit = noticesByRelease.get(release);
  if (hit === undefined) {
    hit = lookUpNotices(release);
    noticesByRelease.set(release, hit);
  }
  return hit;
}

function lookUpNotices(release: string): [string, string][] | null {
  const newest = NOTICES.read.at(-1);
  if (newest === undefined || compareVersions(release, newest) > 0) return null;
  const source = [...NOTICES.read].reverse().find((v) => compareVersions(v, release) <= 0);
  if (source === undefined) return [];
  const run = NOTICES.runs.find(
    (r) => compareVersions(r.first, source) <= 0 && compareVersions(source, r.last) <= 0,
  );
  return run?.notices ?? [];
}
