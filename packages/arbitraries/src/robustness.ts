import { resolve } from "@codex-policy/engine";
import {
  EDITIONS,
  ERROR_CODES,
  LAYER_IDS,
  type Outcome,
  type Scenario,
  ScenarioSchema,
} from "@codex-policy/spec";
import fc from "fast-check";
import { configDoc } from "./config.js";
import { requirementsDoc } from "./requirements.js";
import { toToml } from "./toml-text.js";

const TOKENS = [
  "[",
  "]",
  "[[",
  "]]",
  "=",
  '"',
  "'''",
  "{",
  "}",
  ",",
  "\n",
  "#",
  ".",
  "true",
  "1e9",
  "-",
  "\\u00",
  "\r\n",
  "\uFEFF",
  "\uFFFD",
  "\0",
  "allowed_sandbox_modes",
  "features",
  "mcp_servers",
  "prefix_rules",
  "identity",
  "hostname_patterns",
  "rules",
  "hooks",
];

/** TOML-ish noise: tokens and arbitrary characters. */
export const noiseText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc
      .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 30 })
      .map((xs) => xs.join("")),
  );

type Mutation = {
  at: number;
  kind: "delete" | "insert" | "duplicate-line" | "truncate" | "swap-lines";
  token: string;
  len: number;
};

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    const lines = t.split("\n");
    const li = lines.length ? m.at % lines.length : 0;
    switch (m.kind) {
      case "delete":
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case "insert":
        t = t.slice(0, at) + m.token + t.slice(at);
        break;
      case "duplicate-line":
        lines.splice(li, 0, lines[li] ?? "");
        t = lines.join("\n");
        break;
      case "truncate":
        t = t.slice(0, at);
        break;
      case "swap-lines": {
        const lj = (li + 1) % Math.max(lines.length, 1);
        [lines[li], lines[lj]] = [lines[lj] ?? "", lines[li] ?? ""];
        t = lines.join("\n");
        break;
      }
    }
  }
  return t;
}

const mutation = (): fc.Arbitrary<Mutation> =>
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom(
      "delete",
      "insert",
      "insert",
      "duplicate-line",
      "truncate",
      "swap-lines",
    ) as fc.Arbitrary<Mutation["kind"]>,
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
    len: fc.integer({ min: 1, max: 8 }),
  });

/** A valid requirements or config document with 1–3 textual mutations, or pure noise. */
export const mutatedToml = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.oneof(requirementsDoc(), configDoc()).map(toToml),
          fc.array(mutation(), { minLength: 1, maxLength: 3 }),
        )
        .map(([t, ms]) => mutate(t, ms)),
    },
    { weight: 1, arbitrary: fc.oneof(requirementsDoc(), configDoc()).map(toToml) },
    { weight: 1, arbitrary: noiseText() },
  );

const text = () => fc.option(mutatedToml(), { freq: 2, nil: undefined });
const str = () =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom("on-request", "never", "read-only", "danger-full-access", "live", "hooks"),
  );

/** Scenarios with random or mutated TOML in every layer, including cloud, MDM and session strings. */
export const robustnessScenario = (): fc.Arbitrary<Scenario> =>
  fc
    .record({
      os: fc.constantFrom("linux", "macos", "windows"),
      hostname: fc.oneof(fc.constantFrom("dev.example.com", "box"), fc.string({ maxLength: 10 })),
      fqdn: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
      groups: fc.array(fc.constantFrom("eng", "ops", ""), { maxLength: 2 }),
      req: text(),
      managed: text(),
      sysConfig: text(),
      user: text(),
      rules: fc.option(fc.oneof(noiseText(), fc.constant('prefix_rule(pattern=["rm"], decision="allow")')), {
        nil: undefined,
      }),
      hooks: fc.option(fc.oneof(noiseText(), fc.constant('{"hooks":{}}')), { nil: undefined }),
      project: text(),
      trust: fc.constantFrom("trusted", "untrusted", "unknown"),
      cloud: fc.option(
        fc.record({
          default: text(),
          config: text(),
          rules: fc.array(
            fc.record({
              name: fc.constantFrom("a", "b"),
              groups: fc.array(fc.constantFrom("eng", "ops")),
              requirements: mutatedToml(),
            }),
            { maxLength: 2 },
          ),
        }),
        { freq: 3, nil: undefined },
      ),
      mdm: fc.option(
        fc.oneof(
          mutatedToml().map((t) => Buffer.from(t).toString("base64")),
          fc.string({ maxLength: 12 }),
        ),
        { freq: 3, nil: undefined },
      ),
      overrides: fc.array(
        fc.oneof(
          fc.string({ maxLength: 20 }),
          mutatedToml().map((t) => `x=${t}`),
          fc.constantFrom('approval_policy="never"', "sandbox_mode=", "="),
        ),
        { maxLength: 2 },
      ),
      profile: fc.option(str(), { freq: 4, nil: undefined }),
      enable: fc.array(str(), { maxLength: 2 }),
      thread: fc.option(fc.record({ approval_policy: str(), sandbox: str() }, { requiredKeys: [] }), {
        freq: 3,
        nil: undefined,
      }),
      commands: fc.array(
        fc.oneof(
          fc.string({ maxLength: 15 }),
          fc.constantFrom("rm -rf /", "git push && curl x", "'unterminated"),
        ),
        { maxLength: 2 },
      ),
    })
    .map((g) =>
      ScenarioSchema.parse({
        host: { os: g.os, hostname: g.hostname, ...(g.fqdn !== undefined ? { fqdn: g.fqdn } : {}) },
        identity: { auth: "chatgpt", plan: "enterprise", user: "u", account: "a", groups: g.groups },
        system: { requirements: g.req, managed_config: g.managed, config: g.sysConfig },
        user: { config: g.user, rules: g.rules, hooks_json: g.hooks },
        project: { config: g.project, trust: g.trust },
        ...(g.cloud ? { cloud: { cache: "valid", ...g.cloud } } : {}),
        ...(g.mdm !== undefined
          ? { mdm: { requirements_toml_base64: g.mdm, config_toml_base64: g.mdm } }
          : {}),
        session: { overrides: g.overrides, profile: g.profile, enable: g.enable, thread: g.thread },
        probe: { commands: g.commands },
      }),
    );

const LAYERS: ReadonlySet<string> = new Set(LAYER_IDS);
const isLayer = (l: string) => LAYERS.has(l) || /^cloud\.rules\.\d+$/.test(l) || l === "cloud.default";

/** Why an Outcome is not a proper answer (an Outcome or a located, coded error), or null when it is. */
export function robustnessViolation(o: Outcome): string | null {
  if (o.status === "ok") return o.effective ? null : "status ok without effective values";
  const e = o.errors[0];
  if (!e) return "refused without an error";
  if (!(e.code in ERROR_CODES)) return `error code '${e.code}' is not a stable code (${e.message})`;
  if (!isLayer(e.layer)) return `error layer '${e.layer}' names no layer`;
  return null;
}

/** Resolves in both editions; returns the first violation (a throw counts), or null. */
export function checkRobust(s: Scenario): string | null {
  for (const ed of EDITIONS) {
    let o: Outcome;
    try {
      o = resolve(s, ed);
    } catch (e) {
      return `threw: ${(e as Error)?.message ?? e}`;
    }
    const v = robustnessViolation(o);
    if (v) return `${ed}: ${v}`;
  }
  return null;
}
