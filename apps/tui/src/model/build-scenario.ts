import { type Scenario, ScenarioSchema, SessionSchema } from "@codex-policy/spec";
import { parse, TomlError } from "smol-toml";
import type { Layer } from "./layers.js";
import type { State } from "./state.js";

/** A problem in the UI's own inputs (not an enforcement result): the session overrides document. */
export interface UiIssue {
  layerKey: string;
  message: string;
  line?: number;
  column?: number;
}

export interface BuiltScenario {
  scenario: Scenario;
  issues: UiIssue[];
  /** Outcome error `layer` ids (e.g. `cloud.rules.0`) mapped back to UI layer keys. */
  layerKeyById: Record<string, string>;
}

const encode = (l: Layer) => (l.rawBase64 ? l.text : Buffer.from(l.text, "utf8").toString("base64"));

function parseSession(layer: Layer, issues: UiIssue[]): Scenario["session"] | undefined {
  try {
    const doc = parse(layer.text);
    const r = SessionSchema.safeParse(doc);
    if (r.success) return r.data;
    const first = r.error.issues[0];
    issues.push({
      layerKey: layer.key,
      message: `${first?.path.join(".") || "session"}: ${first?.message ?? "invalid"}`,
    });
  } catch (e) {
    if (e instanceof TomlError) {
      issues.push({
        layerKey: layer.key,
        message: e.message.split("\n")[0] ?? "",
        line: e.line,
        column: e.column,
      });
    } else issues.push({ layerKey: layer.key, message: String(e) });
  }
  return undefined;
}

/**
 * Projects UI state onto the scenario handed to the engine. Layers switched off are omitted;
 * nothing here decides what any layer means.
 */
export function buildScenario(state: State): BuiltScenario {
  const issues: UiIssue[] = [];
  const layerKeyById: Record<string, string> = {};
  const on = (kind: Layer["kind"]) => state.layers.find((l) => l.kind === kind && l.enabled);
  const c = state.context;

  const rules = state.layers.filter((l) => l.kind === "cloud.rule" && l.enabled);
  rules.forEach((l, i) => {
    layerKeyById[`cloud.rules.${i}`] = l.key;
  });
  for (const l of state.layers) if (l.kind !== "cloud.rule") layerKeyById[l.kind] = l.key;

  const cloudDefault = on("cloud.default");
  const cloudConfig = on("cloud.config");
  // Errors about the cloud bundle as a whole land on the first cloud layer that is switched on.
  const firstCloud = state.layers.find((l) => l.enabled && l.kind.startsWith("cloud"));
  if (firstCloud) layerKeyById.cloud = firstCloud.key;
  const hasCloud = state.cloudSection || rules.length > 0 || !!cloudDefault || !!cloudConfig;

  const input: Record<string, unknown> = {
    edition: state.edition,
    host: { os: c.os, hostname: c.hostname, ...(c.fqdn !== null ? { fqdn: c.fqdn } : {}) },
    identity: {
      auth: c.auth,
      ...(c.plan ? { plan: c.plan } : {}),
      ...(c.user !== null ? { user: c.user } : {}),
      ...(c.account !== null ? { account: c.account } : {}),
      groups: c.groups,
    },
    project: { trust: c.trust, ...(on("project.config") ? { config: on("project.config")?.text } : {}) },
    probe: { commands: c.probes },
  };
  if (state.description !== null) input.description = state.description;
  if (hasCloud) {
    input.cloud = {
      cache: c.cache,
      fetch: c.fetch,
      rules: rules.map((l) => ({ name: l.name ?? "", groups: l.groups ?? [], requirements: l.text })),
      ...(cloudDefault ? { default: cloudDefault.text } : {}),
      ...(cloudConfig ? { config: cloudConfig.text } : {}),
    };
  }
  const mdmReq = on("mdm.requirements");
  const mdmCfg = on("mdm.config");
  if (mdmReq || mdmCfg) {
    input.mdm = {
      ...(mdmReq ? { requirements_toml_base64: encode(mdmReq) } : {}),
      ...(mdmCfg ? { config_toml_base64: encode(mdmCfg) } : {}),
    };
  }
  const sys = {
    ...(on("system.requirements") ? { requirements: on("system.requirements")?.text } : {}),
    ...(on("system.managed_config") ? { managed_config: on("system.managed_config")?.text } : {}),
    ...(on("system.config") ? { config: on("system.config")?.text } : {}),
  };
  if (Object.keys(sys).length) input.system = sys;
  const user = {
    ...(on("user.config") ? { config: on("user.config")?.text } : {}),
    ...(on("user.rules") ? { rules: on("user.rules")?.text } : {}),
    ...(on("user.hooks") ? { hooks_json: on("user.hooks")?.text } : {}),
  };
  if (Object.keys(user).length) input.user = user;
  const sessionLayer = on("session");
  if (sessionLayer) {
    const session = parseSession(sessionLayer, issues);
    if (session) input.session = session;
  }

  const parsed = ScenarioSchema.safeParse(input);
  if (parsed.success) return { scenario: parsed.data, issues, layerKeyById };
  // Only free-text fields can make this fail (e.g. an empty rule name); report and drop them.
  for (const issue of parsed.error.issues) {
    issues.push({ layerKey: "scenario", message: `${issue.path.join(".")}: ${issue.message}` });
  }
  const fallback = ScenarioSchema.parse({ edition: state.edition, host: input.host, probe: input.probe });
  return { scenario: fallback, issues, layerKeyById };
}
