import { ALL_EDITIONS as EDITIONS, ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildScenario } from "../src/model/build-scenario.js";
import { contextRows } from "../src/model/context-rows.js";
import { reducer } from "../src/model/reducer.js";
import { PANES, type State, stateFromScenario } from "../src/model/state.js";

/** A deliberately simpler picture of the UI: which layers are on, lists, rule names, focus. */
interface Model {
  focus: number;
  enabled: Map<string, boolean>;
  groups: string[];
  probes: string[];
  rules: string[];
  edition: number;
  hostname: string;
}
interface Real {
  state: State;
}

const start = ScenarioSchema.parse({
  system: { requirements: 'allowed_sandbox_modes = ["read-only"]\n' },
  user: { config: 'sandbox_mode = "workspace-write"\n' },
  cloud: { rules: [{ name: "Contractors", groups: ["contractors"], requirements: "" }] },
});

function check(m: Model, r: Real): void {
  const s = r.state;
  expect(s.focus).toBe(PANES[m.focus]);
  for (const l of s.layers) expect(l.enabled).toBe(m.enabled.get(l.key));
  expect(s.context.groups).toEqual(m.groups);
  const built = buildScenario(s).scenario;
  // What the engine receives: only switched-on layers, the lists as edited, the chosen edition.
  expect(built.identity.groups).toEqual(m.groups);
  expect(built.probe.commands).toEqual(m.probes);
  expect(built.edition).toBe(EDITIONS[m.edition]);
  expect(built.host.hostname).toBe(m.hostname);
  const ruleLayers = s.layers.filter((l) => l.kind === "cloud.rule");
  expect(ruleLayers.map((l) => l.name)).toEqual(m.rules);
  expect((built.cloud?.rules ?? []).map((x) => x.name)).toEqual(
    ruleLayers.filter((l) => l.enabled).map((l) => l.name),
  );
  expect(built.system?.requirements !== undefined).toBe(m.enabled.get("system.requirements"));
  expect(built.user?.config !== undefined).toBe(m.enabled.get("user.config"));
  expect(built.system?.managed_config !== undefined).toBe(m.enabled.get("system.managed_config"));
  // Cursors always point at a row.
  expect(s.cursor.layers).toBeGreaterThanOrEqual(0);
  expect(s.cursor.layers).toBeLessThan(Math.max(1, s.layers.length));
  expect(s.cursor.context).toBeLessThan(contextRows(s).length);
}

type Cmd = fc.Command<Model, Real>;
const cmd = (name: string, pre: (m: Model) => boolean, run: (m: Model, r: Real) => void): Cmd => ({
  check: pre,
  run: (m, r) => {
    run(m, r);
    check(m, r);
  },
  toString: () => name,
});

const commands = [
  fc.constantFrom(1, -1).map((d) =>
    cmd(
      `focus ${d}`,
      () => true,
      (m, r) => {
        m.focus = (m.focus + d + 3) % 3;
        r.state = reducer(r.state, { type: "focus", delta: d as 1 | -1 });
      },
    ),
  ),
  fc.nat().map((i) =>
    cmd(
      `toggle layer #${i}`,
      () => true,
      (m, r) => {
        const layer = r.state.layers[i % r.state.layers.length]!;
        m.enabled.set(layer.key, !m.enabled.get(layer.key));
        r.state = reducer(r.state, { type: "toggle-layer", key: layer.key });
      },
    ),
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map((g) =>
    cmd(
      `add group ${JSON.stringify(g)}`,
      () => true,
      (m, r) => {
        m.groups.push(g);
        r.state = reducer(r.state, { type: "add-item", list: "groups", value: g });
      },
    ),
  ),
  fc.nat().map((i) =>
    cmd(
      `remove group #${i}`,
      (m) => m.groups.length > 0,
      (m, r) => {
        const idx = i % m.groups.length;
        m.groups.splice(idx, 1);
        r.state = reducer(r.state, { type: "remove-item", list: "groups", index: idx });
      },
    ),
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map((p) =>
    cmd(
      `add probe ${JSON.stringify(p)}`,
      () => true,
      (m, r) => {
        m.probes.push(p);
        r.state = reducer(r.state, { type: "add-item", list: "probes", value: p });
      },
    ),
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map((n) =>
    cmd(
      `add rule ${JSON.stringify(n)}`,
      () => true,
      (m, r) => {
        m.rules.push(n);
        r.state = reducer(r.state, { type: "add-rule", name: n });
        const added = r.state.layers.filter((l) => l.kind === "cloud.rule").at(-1)!;
        m.enabled.set(added.key, true);
      },
    ),
  ),
  fc.nat().map((i) =>
    cmd(
      `remove rule #${i}`,
      (m) => m.rules.length > 0,
      (m, r) => {
        const rules = r.state.layers.filter((l) => l.kind === "cloud.rule");
        const idx = i % rules.length;
        m.rules.splice(idx, 1);
        m.enabled.delete(rules[idx]!.key);
        r.state = reducer(r.state, { type: "remove-rule", key: rules[idx]!.key });
      },
    ),
  ),
  fc.constant(
    cmd(
      "cycle edition",
      () => true,
      (m, r) => {
        m.edition = (m.edition + 1) % EDITIONS.length;
        r.state = reducer(r.state, { type: "cycle", field: "edition", delta: 1 });
      },
    ),
  ),
  fc.string({ maxLength: 20 }).map((h) =>
    cmd(
      `type hostname ${JSON.stringify(h)}`,
      () => true,
      (m, r) => {
        m.hostname = h.trim();
        r.state = reducer(r.state, {
          type: "open",
          overlay: {
            kind: "prompt",
            title: "hostname",
            value: "",
            target: { kind: "context", field: "hostname" },
          },
        });
        r.state = reducer(r.state, { type: "prompt-input", text: h });
        r.state = reducer(r.state, { type: "prompt-submit" });
        expect(r.state.overlay).toBeNull();
      },
    ),
  ),
  fc.integer({ min: -30, max: 30 }).map((d) =>
    cmd(
      `move ${d}`,
      () => true,
      (_m, r) => {
        const rows = r.state.focus === "layers" ? r.state.layers.length : contextRows(r.state).length;
        r.state = reducer(r.state, { type: "move", delta: d, rows });
      },
    ),
  ),
];

describe("reducer (model-based)", () => {
  it("agrees with a simple model over any sequence of edits", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        const state = stateFromScenario(start);
        const model: Model = {
          focus: 0,
          enabled: new Map(state.layers.map((l) => [l.key, l.enabled])),
          groups: [],
          probes: [],
          rules: ["Contractors"],
          edition: (EDITIONS as readonly string[]).indexOf(state.edition),
          hostname: "localhost",
        };
        fc.modelRun(() => ({ model, real: { state } }), cmds);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the Context cursor on a row when the last row's list item is removed", () => {
    // The shrunk counterexample of fast-check seed 1045048178.
    let s = reducer(stateFromScenario(start), { type: "focus", delta: 1 });
    s = reducer(s, { type: "add-item", list: "groups", value: " " });
    s = reducer(s, { type: "move", delta: 13, rows: contextRows(s).length });
    expect(s.cursor.context).toBe(contextRows(s).length - 1);
    s = reducer(s, { type: "remove-item", list: "groups", index: 0 });
    expect(s.cursor.context).toBe(contextRows(s).length - 1);
  });

  it("switching a layer off and on restores its text", () => {
    let s = stateFromScenario(start);
    const before = buildScenario(s).scenario.system?.requirements;
    s = reducer(s, { type: "toggle-layer", key: "system.requirements" });
    expect(buildScenario(s).scenario.system?.requirements).toBeUndefined();
    s = reducer(s, { type: "toggle-layer", key: "system.requirements" });
    expect(buildScenario(s).scenario.system?.requirements).toBe(before);
  });

  it("the in-app editor applies typed text, newlines and backspace to the layer", () => {
    let s = stateFromScenario(start);
    s = reducer(s, {
      type: "open",
      overlay: { kind: "editor", buffer: { layerKey: "user.config", lines: [""], row: 0, col: 0 } },
    });
    for (const op of [
      { kind: "insert", text: "a = 1x" },
      { kind: "backspace" },
      { kind: "newline" },
      { kind: "insert", text: "b = 2" },
    ] as const) {
      s = reducer(s, { type: "editor", op });
    }
    s = reducer(s, { type: "editor-apply" });
    expect(s.overlay).toBeNull();
    expect(buildScenario(s).scenario.user?.config).toBe("a = 1\nb = 2");
  });
});
