import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeHooks, resolveHooks, validateHooksRequirement } from "../src/areas.js";
import { EDITIONS, type EditionSpec } from "../src/editions.js";
import { hooksEmpty } from "../src/hooks/report-shape.js";
import { type ComposedField, type ConfigLayer, Diagnostics, type RequirementLayer } from "../src/model.js";

const layer = (source: string, label: string, hooks: unknown): RequirementLayer => ({
  kind: source === "system" ? "system" : "cloud",
  source,
  label,
  layerId: source === "system" ? "system.requirements" : "cloud.rules.0",
  doc: { hooks },
});
const group = (matcher: string | null, ...commands: string[]) => ({
  ...(matcher ? { matcher } : {}),
  hooks: commands.map((command) => ({ type: "command", command })),
});
const HIGH = "enterprise-managed requirements High (req_high)";
const LOW = "enterprise-managed requirements Low (req_low)";

describe("validateHooksRequirement", () => {
  it("accepts managed hooks, unknown events of any shape, empty groups (i03, i06, i07)", () => {
    expect(
      validateHooksRequirement({ managed_dir: "/etc/codex/hooks", PreToolUse: [group("Bash", "audit.sh")] }),
    ).toBeNull();
    expect(validateHooksRequirement({ OnBoot: 3, managed_dir: "hooks" })).toBeNull();
    expect(
      validateHooksRequirement({ PreToolUse: [{}], Stop: [{ hooks: [{ type: "prompt" }] }] }),
    ).toBeNull();
  });
  it("serde texts, all at path `hooks` inside event groups", () => {
    const msg = (v: unknown) => validateHooksRequirement(v);
    expect(msg(3)).toMatchObject({
      message: "invalid type: integer `3`, expected struct ManagedHooksRequirementsToml",
    });
    expect(msg({ managed_dir: 3 })).toMatchObject({
      message: "invalid type: integer `3`, expected path string",
      path: "hooks.managed_dir",
    });
    expect(msg({ windows_managed_dir: true })).toMatchObject({ path: "hooks.windows_managed_dir" });
    expect(msg({ PreToolUse: 3 })).toMatchObject({
      message: "invalid type: integer `3`, expected a sequence",
      path: "hooks",
    });
    expect(msg({ PreToolUse: [3] })).toMatchObject({
      message: "invalid type: integer `3`, expected struct MatcherGroup",
    });
    expect(msg({ PreToolUse: [{ matcher: 3 }] })).toMatchObject({
      message: "invalid type: integer `3`, expected a string",
    });
    expect(msg({ PreToolUse: [{ hooks: [3] }] })?.message).toBe(
      "invalid type: integer `3`, expected internally tagged enum HookHandlerConfig",
    );
    expect(msg({ PreToolUse: [{ hooks: [{ type: "command" }] }] })).toMatchObject({
      code: "missing-field",
      message: "missing field `command`",
    });
    expect(msg({ PreToolUse: [{ hooks: [{ command: "x" }] }] })?.message).toBe("missing field `type`");
    expect(msg({ PreToolUse: [{ hooks: [{ type: "bogus", command: "x" }] }] })?.message).toBe(
      "unknown variant `bogus`, expected one of `command`, `mcp_tool`, `prompt`, `agent`",
    );
    expect(msg({ PreToolUse: [{ hooks: [{ type: 3 }] }] })?.message).toBe(
      "invalid type: integer `3`, expected variant identifier",
    );
    expect(msg({ PreToolUse: [{ hooks: [{ type: "command", command: "x", timeout: "x" }] }] })?.message).toBe(
      'invalid type: string "x", expected u64',
    );
  });
});

describe("composeHooks", () => {
  it("codex-0.169: high seeds, low groups appended, same dir kept", () => {
    const r = composeHooks(
      [
        {
          value: { managed_dir: "/managed/hooks", PreToolUse: [group("Edit", "high")] },
          layer: layer("cloud:High", HIGH, {}),
        },
        {
          value: {
            managed_dir: "/managed/hooks",
            PreToolUse: [group("Bash", "low")],
            Stop: [group(null, "s")],
          },
          layer: layer("system", LOW, {}),
        },
      ],
      EDITIONS["codex-0.169"],
    );
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({
      managed_dir: "/managed/hooks",
      PreToolUse: [group("Edit", "high"), group("Bash", "low")],
      Stop: [group(null, "s")],
    });
    expect(r.layers.map((l) => l.source)).toEqual(["cloud:High", "system"]);
  });
  it("codex-0.169: differing managed_dir is fatal with both labels", () => {
    const r = composeHooks(
      [
        { value: { managed_dir: "/managed/high" }, layer: layer("cloud:High", HIGH, {}) },
        { value: { managed_dir: "/managed/low" }, layer: layer("system", LOW, {}) },
      ],
      EDITIONS["codex-0.169"],
    );
    expect(r.error).toEqual({
      code: "hooks-managed-dir-conflict",
      layer: "system.requirements",
      message: `failed to compose requirements field \`hooks.managed_dir\` between ${HIGH} and ${LOW}: \`/managed/high\` conflicts with \`/managed/low\``,
    });
  });
  it("the inactive platform's dir is first-filled without conflict", () => {
    const r = composeHooks(
      [
        { value: { windows_managed_dir: "C:\\high" }, layer: layer("cloud:High", HIGH, {}) },
        { value: { windows_managed_dir: "C:\\low", managed_dir: "/m" }, layer: layer("system", LOW, {}) },
      ],
      EDITIONS["codex-0.169"],
    );
    expect(r.error).toBeUndefined();
    expect(r.value).toMatchObject({ windows_managed_dir: "C:\\high", managed_dir: "/m" });
    expect(
      composeHooks(
        [
          { value: { windows_managed_dir: "a" }, layer: layer("cloud:High", HIGH, {}) },
          { value: { windows_managed_dir: "b" }, layer: layer("system", LOW, {}) },
        ],
        EDITIONS["codex-0.169"],
        "windows",
      ).error?.message,
    ).toContain("hooks.windows_managed_dir");
  });
  it("documented: the first writer owns the table", () => {
    const r = composeHooks(
      [
        { value: { managed_dir: "/a", Stop: [group(null, "x")] }, layer: layer("cloud:High", HIGH, {}) },
        { value: { managed_dir: "/b", Stop: [group(null, "y")] }, layer: layer("system", LOW, {}) },
      ],
      EDITIONS.documented,
    );
    expect(r).toEqual({
      value: { managed_dir: "/a", Stop: [group(null, "x")] },
      layers: [expect.objectContaining({ source: "cloud:High" })],
    });
  });
});

describe("resolveHooks", () => {
  const managedValue = {
    managed_dir: "/etc/codex/hooks",
    PreToolUse: [group("Bash", "/etc/codex/hooks/audit.sh")],
  };
  const sys = layer("system", "/etc/codex/requirements.toml", managedValue);
  const composed: ComposedField = { value: managedValue, layer: sys, layers: [sys] };
  const user: ConfigLayer = {
    kind: "user",
    label: "~/.codex/config.toml",
    layerId: "user.config",
    doc: { hooks: { Stop: [group(null, "notify")] } },
  };
  const project: ConfigLayer = {
    kind: "project",
    label: ".codex/config.toml",
    layerId: "project.config",
    doc: { hooks: { PostToolUse: [group("Edit", "fmt")] } },
  };
  const hooksJson = JSON.stringify({
    hooks: { SessionStart: [group(null, "hello")], OnBoot: [group(null, "ignored")] },
  });
  const run = (over: Partial<Parameters<typeof resolveHooks>[0]> = {}) =>
    resolveHooks(
      {
        composed,
        allowManagedOnly: false,
        configLayers: [user, project],
        hooksJson,
        hooksFeatureEnabled: true,
        ...over,
      },
      new Diagnostics(),
    );

  it("lists managed hooks with their layer, then user, project and hooks.json hooks (i03, i04, i14)", () => {
    expect(run()).toEqual([
      {
        event: "PreToolUse",
        matcher: "Bash",
        command: "/etc/codex/hooks/audit.sh",
        source: "system",
        managed: true,
        layer: "system",
      },
      { event: "Stop", matcher: null, command: "notify", source: "user", managed: false },
      { event: "PostToolUse", matcher: "Edit", command: "fmt", source: "project", managed: false },
      { event: "SessionStart", matcher: null, command: "hello", source: "hooks.json", managed: false },
    ]);
  });
  it("allow_managed_hooks_only drops user, project and hooks.json hooks (i01, i09)", () => {
    expect(run({ allowManagedOnly: true }).map((h) => h.source)).toEqual(["system"]);
  });
  it("the hooks feature off means no hooks at all (e17)", () => {
    expect(run({ hooksFeatureEnabled: false })).toEqual([]);
  });
  it("attributes appended groups to the layer that delivered them", () => {
    const hi = layer("cloud:High", HIGH, { Stop: [group(null, "hi")] });
    const lo = layer("system", LOW, { Stop: [group(null, "lo")] });
    const c = composeHooks(
      [
        { value: hi.doc.hooks, layer: hi },
        { value: lo.doc.hooks, layer: lo },
      ],
      EDITIONS["codex-0.169"],
    );
    const hooks = run({
      composed: { value: c.value, layer: hi, layers: c.layers },
      configLayers: [],
      hooksJson: undefined,
    });
    expect(hooks.map((h) => [h.command, h.layer])).toEqual([
      ["hi", "cloud:High"],
      ["lo", "system"],
    ]);
  });
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.string(), (a, b, j) => {
        validateHooksRequirement(a);
        const la = layer("system", "x", a);
        const lb = layer("cloud:y", "y", b);
        for (const ed of Object.values(EDITIONS) as EditionSpec[]) {
          const c = composeHooks(
            [
              { value: a, layer: la },
              { value: b, layer: lb },
            ],
            ed,
          );
          resolveHooks(
            {
              composed: { value: c.value, layer: la, layers: c.layers },
              allowManagedOnly: false,
              configLayers: [{ ...user, doc: { hooks: b } as never }],
              hooksJson: j,
              hooksFeatureEnabled: true,
            },
            new Diagnostics(),
          );
        }
      }),
    );
  });
});

describe("managed hooks in the report", () => {
  it("leaves out a table with no directory and no matcher group", () => {
    expect(hooksEmpty({})).toBe(true);
    expect(hooksEmpty({ enabled: false, reason: "later" })).toBe(true);
    expect(hooksEmpty({ PreToolUse: [] })).toBe(true);
    expect(hooksEmpty({ managed_dir: "/opt/hooks" })).toBe(false);
    expect(hooksEmpty({ PreToolUse: [{ matcher: "x", hooks: [] }] })).toBe(false);
  });
});
