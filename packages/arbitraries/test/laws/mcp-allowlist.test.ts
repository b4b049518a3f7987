import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layerStack } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

describe("law 8: an MCP server outside a present allowlist is never enabled", () => {
  // Evidence: oracle-findings rules 40, 41, 43; documented-edition.md "MCP server allowlist".
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(layerStack(), ({ scenario: s }) => {
        const o = run(s, ed);
        if (o.status !== "ok") return;
        const allow = o.requirements.mcp_servers?.value as Record<string, unknown> | undefined;
        if (allow === undefined) return;
        for (const [name, server] of Object.entries(o.effective!.mcp_servers)) {
          if (!(name in allow)) expect(server.enabled, `server ${name}`).toBe(false);
        }
      }),
      params(),
    );
  });
});
