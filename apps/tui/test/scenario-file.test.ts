import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenarioText, serializeScenario } from "../src/io/scenario-file.js";
import { buildScenario } from "../src/model/build-scenario.js";
import { stateFromScenario } from "../src/model/state.js";

const doc = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "a = 1\n",
    "x = '''y'''\n",
    "ends with quote'",
    'back\\slash "q"\n',
    "crlf\r\nline",
    "tab\there",
  ),
);
const name = fc.string({ minLength: 1, maxLength: 12 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const scenarioArb = fc
  .record({
    edition: opt(fc.constantFrom("documented", "codex-0.169")),
    description: opt(fc.string()),
    host: fc.record({
      os: fc.constantFrom("linux", "macos", "windows"),
      hostname: fc.string(),
      fqdn: opt(fc.string()),
    }),
    identity: fc.record({
      auth: fc.constantFrom("chatgpt", "api-key", "none"),
      plan: opt(fc.constantFrom("team", "enterprise", "business")),
      user: opt(fc.string()),
      groups: fc.array(fc.string(), { maxLength: 3 }),
    }),
    cloud: opt(
      fc.record({
        cache: fc.constantFrom("missing", "valid", "expired", "corrupt", "other-identity"),
        fetch: fc.constantFrom("ok", "error", "timeout"),
        default: opt(doc),
        rules: fc.array(
          fc.record({ name, groups: fc.array(fc.string(), { maxLength: 2 }), requirements: doc }),
          {
            maxLength: 3,
          },
        ),
      }),
    ),
    system: opt(fc.record({ requirements: opt(doc), managed_config: opt(doc), config: opt(doc) })),
    user: opt(fc.record({ config: opt(doc), rules: opt(doc) })),
    project: fc.record({ trust: fc.constantFrom("trusted", "untrusted", "unknown"), config: opt(doc) }),
    session: fc.record({
      overrides: fc.array(fc.string(), { maxLength: 2 }),
      enable: fc.array(fc.string(), { maxLength: 2 }),
      disable: fc.array(fc.string(), { maxLength: 2 }),
    }),
    probe: fc.record({ commands: fc.array(fc.string(), { maxLength: 2 }) }),
  })
  .map((x) => ScenarioSchema.parse(JSON.parse(JSON.stringify(x))));

describe("scenario files", () => {
  it("round-trips any scenario through TOML", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const text = serializeScenario(s);
        const back = parseScenarioText(text);
        expect(back).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 200 },
    );
  });

  it("writes layer documents as multi-line literal strings", () => {
    const s = ScenarioSchema.parse({ system: { requirements: 'allowed_sandbox_modes = ["read-only"]\n' } });
    expect(serializeScenario(s)).toContain(`requirements = '''\nallowed_sandbox_modes = ["read-only"]\n'''`);
  });

  it("reports TOML errors at line and column", () => {
    const r = parseScenarioText('[host]\nhostname = "a"\nos = \n', "x.toml");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^x\.toml:3:\d+: /);
  });

  it("reports schema errors by path", () => {
    const r = parseScenarioText('[host]\nos = "beos"\n', "x.toml");
    expect(!r.ok && r.message).toContain("host.os");
  });

  it("UI state built from a scenario gives the same scenario back to the engine", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const built = buildScenario(stateFromScenario(s));
        expect(built.issues).toEqual([]);
        // An empty [system]/[user] table holds no layer, so the UI does not keep it; the edition is made explicit.
        const expected: Record<string, unknown> = { ...s, edition: s.edition ?? "codex-0.169" };
        for (const k of ["system", "user"] as const) {
          if (s[k] && Object.values(s[k]).every((v) => v === undefined)) delete expected[k];
        }
        expect(built.scenario).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps MDM payloads: clean base64 is decoded for editing and re-encoded", () => {
    const b64 = Buffer.from('allowed_sandbox_modes = ["read-only"]\n').toString("base64");
    const s = ScenarioSchema.parse({
      host: { os: "macos" },
      mdm: { requirements_toml_base64: b64, config_toml_base64: "%%not" },
    });
    const state = stateFromScenario(s);
    expect(state.layers.find((l) => l.kind === "mdm.requirements")?.text).toContain("allowed_sandbox_modes");
    expect(state.layers.find((l) => l.kind === "mdm.config")).toMatchObject({
      rawBase64: true,
      text: "%%not",
    });
    expect(buildScenario(state).scenario.mdm).toEqual(s.mdm);
  });
});
