import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import {
  type ConfigDoc,
  configDoc,
  legacyManagedConfigDoc,
  sessionOverride,
  threadParams,
} from "./config.js";
import { featureFlags } from "./features.js";
import { host } from "./hostnames.js";
import { cloud, identity } from "./identity.js";
import { mcpServersWithAllowlist } from "./mcp.js";
import { PROFILE_REQUIREMENT_FIELDS, type RequirementsDoc, requirementsDoc } from "./requirements.js";
import { rulesWithCommands, userRulesText } from "./rules.js";
import { type Breakage, breakage, breakDoc, toToml } from "./toml-text.js";

export interface StackOptions {
  /** Only scenarios the real binary can express: Linux, no cloud, no MDM, no profile. */
  binary?: boolean;
  /** Weight out of 20 of a slightly broken document in each layer (default 1; 0 = always valid). */
  brokenWeight?: number;
  /** Whether to add probe commands (they need the slow model-turn probe on the binary side). */
  commands?: boolean;
  /** Whether config and system requirements may define and choose permission profiles (default true). */
  profiles?: boolean;
}

/** A generated layer stack: the scenario plus which layers were deliberately broken. */
export interface GeneratedStack {
  scenario: Scenario;
  broken: Record<string, Breakage>;
}

const opt = <T>(a: fc.Arbitrary<T>, presentWeight = 1, absentWeight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: absentWeight, arbitrary: fc.constant(undefined) },
    { weight: presentWeight, arbitrary: a },
  );

const maybeBroken = (w: number): fc.Arbitrary<Breakage | undefined> =>
  w <= 0
    ? fc.constant(undefined)
    : fc.oneof({ weight: 20 - w, arbitrary: fc.constant(undefined) }, { weight: w, arbitrary: breakage() });

function render(doc: object, how: Breakage | undefined, pick: number): string {
  return how ? breakDoc(doc as Record<string, unknown>, how, pick) : toToml(doc);
}

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** Type-directed layer stacks: which layers are present, what each says, whether each is valid. */
export function layerStack(opts: StackOptions = {}): fc.Arbitrary<GeneratedStack> {
  const w = opts.brokenWeight ?? 1;
  const binary = opts.binary ?? false;
  const profiles = opts.profiles ?? true;
  return fc
    .record({
      host: host(),
      systemReq: opt(requirementsDoc(), 3, 1),
      managedProfiles: profiles
        ? opt(requirementsDoc(PROFILE_REQUIREMENT_FIELDS), 1, 4)
        : fc.constant(undefined),
      legacy: opt(legacyManagedConfigDoc(), 1, 3),
      systemConfig: opt(configDoc({ mcp: false, profiles }), 1, 4),
      userConfig: opt(configDoc({ profiles }), 2, 1),
      projectConfig: opt(configDoc({ profiles }), 1, 2),
      trust: fc.constantFrom("trusted", "untrusted", "unknown") as fc.Arbitrary<
        "trusted" | "untrusted" | "unknown"
      >,
      overrides: fc.array(sessionOverride(), { maxLength: 2 }),
      flags: opt(featureFlags(), 1, 3),
      thread: opt(threadParams(), 1, 3),
      mcp: opt(mcpServersWithAllowlist(), 1, 2),
      rules: opts.commands === false ? fc.constant(undefined) : opt(rulesWithCommands(), 1, 2),
      cloud: binary ? fc.constant(undefined) : opt(fc.tuple(cloud(), identity()), 1, 2),
      mdm: binary ? fc.constant(undefined) : opt(fc.tuple(requirementsDoc(), fc.boolean()), 1, 3),
      breaks: fc.record({
        "system.requirements": maybeBroken(w),
        "system.managed_config": maybeBroken(w),
        "user.config": maybeBroken(w),
        "project.config": maybeBroken(w),
      }),
      pick: fc.nat(),
    })
    .map((g) => {
      const req: RequirementsDoc = { ...(g.systemReq ?? {}), ...(g.managedProfiles ?? {}) };
      const user: ConfigDoc = { ...(g.userConfig ?? {}) };
      if (g.mcp) {
        user.mcp_servers = g.mcp.servers;
        req.mcp_servers = g.mcp.allowlist;
      }
      if (g.rules) req.rules = { prefix_rules: g.rules.managed };
      const hasReq =
        g.systemReq !== undefined ||
        g.managedProfiles !== undefined ||
        g.mcp !== undefined ||
        g.rules !== undefined;
      const hasUser = g.userConfig !== undefined || g.mcp !== undefined;
      const broken: Record<string, Breakage> = {};
      const text = (id: keyof typeof g.breaks, doc: object): string => {
        const how = g.breaks[id];
        if (how) broken[id] = how;
        return render(doc, how, g.pick);
      };
      const system: Record<string, string> = {};
      if (hasReq) system.requirements = text("system.requirements", req);
      if (g.legacy) system.managed_config = text("system.managed_config", g.legacy);
      if (g.systemConfig) system.config = toToml(g.systemConfig);
      const input: Record<string, unknown> = {
        host: g.mdm && !binary && g.mdm[1] ? { ...g.host, os: "macos" } : g.host,
        project: {
          trust: g.trust,
          ...(g.projectConfig ? { config: text("project.config", g.projectConfig) } : {}),
        },
        session: {
          overrides: g.overrides,
          ...(g.flags ?? {}),
          ...(g.thread && Object.keys(g.thread).length ? { thread: g.thread } : {}),
        },
        probe: { commands: g.rules?.commands ?? [] },
      };
      if (Object.keys(system).length) input.system = system;
      if (hasUser || g.rules) {
        input.user = {
          ...(hasUser ? { config: text("user.config", user) } : {}),
          ...(g.rules?.user.length ? { rules: userRulesText(g.rules.user) } : {}),
        };
      }
      if (g.cloud) {
        const [c, id] = g.cloud;
        input.cloud = c;
        input.identity = id;
      }
      if (g.mdm) input.mdm = { requirements_toml_base64: b64(toToml(g.mdm[0])) };
      return { scenario: ScenarioSchema.parse(input), broken };
    });
}

/** Scenarios only (see layerStack). */
export const scenario = (opts: StackOptions = {}): fc.Arbitrary<Scenario> =>
  layerStack(opts).map((s) => s.scenario);
