import type { Scenario } from "@codex-policy/spec";
import type { TestInstance } from "./expand.js";

/**
 * What a test instance may need from an implementation. Adapters declare the ones they support;
 * the harness never sends an instance that needs an undeclared capability. `explanations` is
 * different: it does not gate sending, it decides whether explanation checks are scored.
 */
export const CAPABILITIES = [
  "requirements",
  "config",
  "remote-sandbox",
  "features",
  "mcp",
  "rules",
  "commands",
  "hooks",
  "cloud",
  "mdm",
  "legacy",
  "profile",
  "os:macos",
  "os:windows",
  "explanations",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Every TOML document a scenario carries, for key detection. */
function documents(s: Scenario): { requirements: string[]; config: string[] } {
  const requirements = [
    s.system?.requirements,
    s.cloud?.default,
    ...(s.cloud?.rules ?? []).map((r) => r.requirements),
  ];
  const config = [
    s.system?.config,
    s.system?.managed_config,
    s.user?.config,
    s.project?.config,
    s.cloud?.config,
  ];
  const mdm = s.mdm ?? {};
  const decoded = (b64: string | undefined) =>
    b64 ? Buffer.from(b64, "base64").toString("utf8") : undefined;
  requirements.push(decoded(mdm.requirements_toml_base64));
  config.push(decoded(mdm.config_toml_base64));
  const keep = (xs: (string | undefined)[]) =>
    xs.filter((x): x is string => typeof x === "string" && x.length > 0);
  return { requirements: keep(requirements), config: keep(config) };
}

/** A TOML key written as a table header, dotted key or plain key at line start. */
function mentionsKey(docs: string[], key: string): boolean {
  const re = new RegExp(`(^|\\n)\\s*(\\[+\\s*)?(["']?)${key.replace(/[.]/g, "\\.")}\\3\\s*([.=\\]])`);
  return docs.some((d) => re.test(d));
}

function pathsStartWith(paths: string[], prefix: string): boolean {
  return paths.some((p) => p === prefix || p.startsWith(`${prefix}.`));
}

/** Derives the capabilities an instance needs from its scenario and its expectation paths. */
export function requiredCapabilities(t: Pick<TestInstance, "scenario" | "expect">): Set<Capability> {
  const s = t.scenario;
  const paths = Object.keys(t.expect);
  const { requirements, config } = documents(s);
  const all = [...requirements, ...config];
  const need = new Set<Capability>();
  if (requirements.length || pathsStartWith(paths, "requirements")) need.add("requirements");
  if (
    config.length ||
    s.session.overrides.length ||
    s.session.profile !== undefined ||
    s.session.thread !== undefined ||
    pathsStartWith(paths, "effective")
  ) {
    need.add("config");
  }
  if (mentionsKey(requirements, "remote_sandbox_config")) need.add("remote-sandbox");
  if (
    mentionsKey(all, "features") ||
    s.session.enable.length ||
    s.session.disable.length ||
    pathsStartWith(paths, "effective.features")
  ) {
    need.add("features");
  }
  if (mentionsKey(all, "mcp_servers") || pathsStartWith(paths, "effective.mcp_servers")) need.add("mcp");
  if (mentionsKey(requirements, "rules") || s.user?.rules !== undefined) need.add("rules");
  if (s.probe.commands.length || pathsStartWith(paths, "effective.commands")) need.add("commands");
  if (
    mentionsKey(all, "hooks") ||
    s.user?.hooks_json !== undefined ||
    pathsStartWith(paths, "effective.hooks")
  ) {
    need.add("hooks");
  }
  if (s.cloud !== undefined || pathsStartWith(paths, "cloud")) need.add("cloud");
  if (s.mdm !== undefined) need.add("mdm");
  if (s.system?.managed_config !== undefined) need.add("legacy");
  if (s.session.profile !== undefined) need.add("profile");
  if (s.host.os === "macos") need.add("os:macos");
  if (s.host.os === "windows") need.add("os:windows");
  return need;
}

/** Capabilities (other than `explanations`) an instance needs that the adapter did not declare. */
export function missingCapabilities(need: Set<Capability>, declared: ReadonlySet<string>): Capability[] {
  return [...need].filter((c) => c !== "explanations" && !declared.has(c));
}
