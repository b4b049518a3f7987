import { describe, expect, it } from "vitest";
import { unknownRequirementSubkeys, validatePluginsRequirement } from "../src/areas.js";

describe("validatePluginsRequirement", () => {
  it("accepts empty plugin tables and plugin allowlists of the top-level shape", () => {
    expect(validatePluginsRequirement({})).toBeNull();
    expect(validatePluginsRequirement({ a: {}, b: { mcp_servers: {} } })).toBeNull();
    expect(
      validatePluginsRequirement({ a: { mcp_servers: { s: { identity: { command: "x" } } } } }),
    ).toBeNull();
  });

  it("names the plugin or server that has the wrong shape", () => {
    expect(validatePluginsRequirement(["a"])).toEqual({
      code: "invalid-type",
      message: "invalid type: sequence, expected a map",
      path: "plugins",
    });
    expect(validatePluginsRequirement({ a: true })).toEqual({
      code: "invalid-type",
      message: "invalid type: boolean `true`, expected struct PluginMcpRequirements",
      path: "plugins.a",
    });
    expect(validatePluginsRequirement({ a: { mcp_servers: { s: 1 } } })).toMatchObject({
      message: "invalid type: integer `1`, expected struct RawMcpServerRequirement",
      path: "plugins.a.mcp_servers.s",
    });
    expect(validatePluginsRequirement({ a: { mcp_servers: { s: {} } } })).toMatchObject({
      code: "mcp-identity-invalid",
      path: "plugins.a.mcp_servers.s",
    });
  });

  it("lists the keys Codex ignores inside plugin tables and their servers", () => {
    expect(
      unknownRequirementSubkeys("plugins", {
        a: { owner: "x", mcp_servers: { s: { identity: { command: "c" }, note: "n" } } },
        b: {},
      }),
    ).toEqual(["plugins.a.owner", "plugins.a.mcp_servers.s.note"]);
  });
});
