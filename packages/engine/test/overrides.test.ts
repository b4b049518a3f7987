import { describe, expect, it } from "vitest";
import { overridesToDoc } from "../src/config/overrides.js";

describe("-c overrides", () => {
  it("parses values as TOML and nests dotted keys", () => {
    const { doc, error } = overridesToDoc([
      'web_search="live"',
      "features.shell_tool=false",
      "mcp_servers.a.args=[1,2]",
    ]);
    expect(error).toBeUndefined();
    expect(doc).toEqual({
      web_search: "live",
      features: { shell_tool: false },
      mcp_servers: { a: { args: [1, 2] } },
    });
  });
  it("keeps a value that is not TOML as a plain string", () => {
    expect(overridesToDoc(["approval_policy=never"]).doc).toEqual({ approval_policy: "never" });
  });
  it("rejects an override without '='", () => {
    expect(overridesToDoc(["approval_policy"]).error).toBe("Invalid override (missing '='): approval_policy");
  });
});
