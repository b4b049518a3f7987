import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEATURES, featureEnabled, resolveFeatures, validateFeaturesRequirement } from "../src/areas.js";
import { type ComposedField, type ConfigLayer, Diagnostics, type RequirementLayer } from "../src/model.js";

const SYS = "/etc/codex/requirements.toml";
const req = (doc: Record<string, unknown>, over: Partial<RequirementLayer> = {}): RequirementLayer => ({
  kind: "system",
  source: "system",
  label: SYS,
  layerId: "system.requirements",
  doc,
  ...over,
});
const pins = (value: Record<string, unknown>, layers?: RequirementLayer[]): ComposedField => {
  const ls = layers ?? [req({ features: value })];
  return { value, layer: ls[0]!, layers: ls };
};
const cfg = (kind: ConfigLayer["kind"], features: Record<string, unknown>): ConfigLayer => ({
  kind,
  label: kind,
  layerId: "user.config",
  doc: { features },
});
const run = (input: Partial<Parameters<typeof resolveFeatures>[0]>) => {
  const diag = new Diagnostics();
  const out = resolveFeatures({ pins: undefined, configLayers: [], enable: [], disable: [], ...input }, diag);
  return { out, diag };
};

describe("feature catalogue (0.169 data)", () => {
  it("is internally consistent", () => {
    const keys = new Set(FEATURES.map((f) => f.key));
    expect(keys.size).toBe(FEATURES.length);
    expect(FEATURES.length).toBe(215);
    const orders = FEATURES.map((f) => f.order).filter((o): o is number => o !== null);
    expect(new Set(orders).size).toBe(orders.length);
    for (const f of FEATURES) {
      expect(["under development", "experimental", "stable", "deprecated", "removed"]).toContain(f.stage);
      for (const r of f.requires) expect(keys.has(r)).toBe(true);
      for (const a of f.aliases) expect(keys.has(a.key)).toBe(false);
      // A pin Codex drops has no place in the pin order, and every kept pin has one.
      expect(f.order === null).toBe(f.pin !== "effective");
      expect(f.pin === "ignored-warn").toBe(typeof f.removedNote === "string");
    }
    const aliases = FEATURES.flatMap((f) => f.aliases.map((a) => a.key));
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it("carries observed facts", () => {
    const get = (k: string) => FEATURES.find((f) => f.key === k)!;
    expect(get("shell_tool")).toMatchObject({ stage: "stable", default: true });
    expect(get("personality")).toMatchObject({ stage: "removed", default: false, pin: "ignored" });
    expect(get("code_mode_only").requires).toEqual(["code_mode"]);
    expect(get("apps").aliases.map((a) => a.key)).toEqual(["connectors"]);
    expect(get("guardian_approval").aliases).toEqual([
      { key: "auto_review", requirements: "silent", config: false },
    ]);
  });
});

describe("validateFeaturesRequirement", () => {
  it("accepts bool tables, empty tables", () => {
    expect(validateFeaturesRequirement({ a: true, b: false })).toBeNull();
    expect(validateFeaturesRequirement({})).toBeNull();
  });
  it("words non-bool values like serde (e04, e16)", () => {
    expect(validateFeaturesRequirement({ shell_tool: "yes" })?.message).toBe(
      'invalid type: string "yes", expected a boolean',
    );
    expect(validateFeaturesRequirement({ shell_tool: 1 })?.message).toBe(
      "invalid type: integer `1`, expected a boolean",
    );
    expect(validateFeaturesRequirement({ ok: true, x: [1] })?.message).toBe(
      "invalid type: sequence, expected a boolean",
    );
    expect(validateFeaturesRequirement({ x: { a: 1 } })?.code).toBe("invalid-type");
  });
  it("rejects a non-table (h27)", () => {
    expect(validateFeaturesRequirement(true)?.message).toBe(
      "invalid type: boolean `true`, expected struct FeatureRequirementsInput",
    );
  });
});

describe("resolveFeatures", () => {
  it("defaults with no config and no pins", () => {
    const { out, diag } = run({});
    expect(out.shell_tool).toEqual({ enabled: true, stage: "stable", source: "default" });
    expect(out.memories?.enabled).toBe(false);
    expect(diag.warnings).toEqual([]);
  });

  it("config layers apply lowest first, aliases included", () => {
    const { out } = run({
      configLayers: [cfg("user", { memories: true, connectors: false }), cfg("project", { memories: false })],
    });
    expect(out.memories).toMatchObject({ enabled: false, source: "project" });
    expect(out.apps).toMatchObject({ enabled: false, source: "user" });
  });

  it("--enable/--disable sit with the session layer, below legacy managed config", () => {
    const { out } = run({
      configLayers: [
        cfg("user", { memories: false }),
        cfg("session", {}),
        cfg("legacy", { shell_tool: false }),
      ],
      enable: ["memories", "shell_tool"],
    });
    expect(out.memories).toMatchObject({ enabled: true, source: "session" });
    expect(out.shell_tool).toMatchObject({ enabled: false, source: "legacy" });
  });

  it("config toggles cannot move config-inert features", () => {
    const { out } = run({
      configLayers: [cfg("user", { unified_exec: false, personality: true })],
      enable: ["js_repl"],
    });
    expect(out.unified_exec?.enabled).toBe(true);
    expect(out.personality?.enabled).toBe(false);
    expect(out.js_repl?.enabled).toBe(false);
  });

  it("pins override config silently and record the pin source (e05, e06, e07)", () => {
    const { out, diag } = run({
      pins: pins({ shell_tool: false, memories: true }),
      configLayers: [cfg("user", { shell_tool: true })],
      disable: ["memories"],
    });
    expect(out.shell_tool).toMatchObject({ enabled: false, pinned_by: "system", source: "user" });
    expect(out.memories).toMatchObject({ enabled: true, pinned_by: "system" });
    expect(diag.warnings).toEqual([]);
    expect(diag.notices.map((n) => [n.kind, n.field, n.configured, n.effective])).toEqual([
      ["pin-override", "features.memories", false, true],
      ["pin-override", "features.shell_tool", true, false],
    ]);
  });

  it("no notice when the pin agrees or nothing was configured", () => {
    const { diag } = run({
      pins: pins({ memories: true, shell_tool: true }),
      configLayers: [cfg("user", { shell_tool: true })],
    });
    expect(diag.notices).toEqual([]);
  });

  it("pins on config-inert features still apply (observed for unified_exec)", () => {
    expect(run({ pins: pins({ unified_exec: false }) }).out.unified_exec?.enabled).toBe(false);
  });

  it("ignores pins on removed features, with Codex's warning when it prints one (e09)", () => {
    const { out, diag } = run({ pins: pins({ personality: true, worktrees: false, shell_zsh_fork: true }) });
    expect(out.personality).toEqual({ enabled: false, stage: "removed", source: "default" });
    expect(out.worktrees?.enabled).toBe(true);
    expect(diag.warnings).toEqual([
      {
        code: "removed-feature-requirement",
        message: `Ignoring removed \`features\` requirement \`shell_zsh_fork\` from ${SYS}; the patched zsh backend has been removed.`,
      },
      {
        code: "removed-feature-requirement",
        message: `Ignoring removed \`features\` requirement \`worktrees\` from ${SYS}; availability no longer depends on this feature flag.`,
      },
    ]);
  });

  it("warns on unknown keys and legacy aliases, in key order (e03)", () => {
    const { out, diag } = run({
      pins: pins({ zz_unknown: true, connectors: false, auto_review: false, collab: false }),
    });
    expect(diag.warnings.map((w) => w.code)).toEqual([
      "legacy-feature-requirement",
      "legacy-feature-requirement",
      "unknown-feature-requirement",
    ]);
    expect(diag.warnings[0]!.message).toBe(
      `Using legacy \`features\` requirement \`collab\` from ${SYS}; prefer canonical feature key \`multi_agent\``,
    );
    expect(diag.warnings[2]!.message).toBe(
      `Ignoring unknown \`features\` requirement \`zz_unknown\` from ${SYS}`,
    );
    expect(out.apps).toMatchObject({ enabled: false, pinned_by: "system" });
    expect(out.guardian_approval).toMatchObject({ enabled: false, pinned_by: "system" });
    expect(out.zz_unknown).toBeUndefined();
  });

  it("dependency normalisation turns code_mode on", () => {
    expect(run({ configLayers: [cfg("user", { code_mode_only: true })] }).out.code_mode?.enabled).toBe(true);
    expect(run({ pins: pins({ code_mode_only: true }) }).out.code_mode?.enabled).toBe(true);
  });

  it("contradicting pins are fatal with every pin listed in enum order", () => {
    const { diag } = run({
      pins: pins({
        memories: true,
        code_mode_only: true,
        zz: true,
        code_mode: false,
        shell_tool: false,
        hooks: true,
        apps: true,
        web_search: true,
        sqlite: false,
        worktrees: false,
      }),
    });
    expect(diag.errors).toEqual([
      {
        code: "feature-pin-conflict",
        layer: "system.requirements",
        message: `invalid value for \`features\`: \`code_mode=true\` is not in the allowed set [shell_tool=false, hooks=true, code_mode=false, code_mode_only=true, web_search_request=true, memories=true, apps=true, sqlite=false] (set by ${SYS})`,
      },
    ]);
  });

  it("a config value contradicting a pin through a dependency is also fatal", () => {
    const { diag } = run({
      pins: pins({ code_mode: false }),
      configLayers: [cfg("user", { code_mode_only: true })],
    });
    expect(diag.errors[0]?.message).toContain("`code_mode=true` is not in the allowed set [code_mode=false]");
  });

  it("per-key pin sources across layers; composite label in messages", () => {
    const mdm = req(
      { features: { apps: false } },
      {
        kind: "mdm",
        source: "mdm",
        label: "MDM com.openai.codex:requirements_toml_base64",
        layerId: "mdm.requirements",
      },
    );
    const sys = req({ features: { memories: true, nope: true } });
    const { out, diag } = run({ pins: pins({ apps: false, memories: true, nope: true }, [mdm, sys]) });
    expect(out.apps?.pinned_by).toBe("mdm");
    expect(out.memories?.pinned_by).toBe("system");
    expect(diag.warnings[0]!.message).toBe(
      `Ignoring unknown \`features\` requirement \`nope\` from requirements layers: MDM com.openai.codex:requirements_toml_base64, ${SYS}`,
    );
  });

  it("rollout_budget without limit_tokens fails to load", () => {
    expect(run({ pins: pins({ rollout_budget: true }) }).diag.errors[0]?.message).toBe(
      "features.rollout_budget.limit_tokens is required when rollout_budget is enabled",
    );
    expect(
      run({ configLayers: [cfg("user", { rollout_budget: { enabled: true, limit_tokens: 5 } })] }).diag
        .errors,
    ).toEqual([]);
  });

  it("featureEnabled follows pins, aliases and config (e14)", () => {
    const a = run({ pins: pins({ web_search_request: true }) }).out;
    expect(featureEnabled(a, "web_search_request")).toBe(true);
    expect(featureEnabled(a, "web_search")).toBe(true);
    const b = run({ configLayers: [cfg("user", { web_search_request: true })] }).out;
    expect(b.web_search_request?.pinned_by).toBeUndefined();
    expect(featureEnabled(run({ pins: pins({ hooks: false }) }).out, "hooks")).toBe(false);
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.array(fc.string()), (p, c, e) => {
        const diag = new Diagnostics();
        const layer = req({ features: p });
        resolveFeatures(
          {
            pins: { value: p, layer, layers: [layer] },
            configLayers: [
              { kind: "user", label: "u", layerId: "user.config", doc: { features: c } as never },
            ],
            enable: e,
            disable: e,
          },
          diag,
        );
        validateFeaturesRequirement(p);
      }),
    );
  });
});
