import fc from "fast-check";

export const MCP_NAMES = ["github", "linear", "jupyter", "files"] as const;
const COMMANDS = ["gh-mcp", "linear-mcp", "npx", "/usr/bin/gh-mcp"] as const;
const URLS = ["https://mcp.example.com/a", "https://mcp.example.com/b"] as const;

export type McpIdentity = { command: string } | { url: string };
/** A config `[mcp_servers.<name>]` definition. */
export type McpServerDef = { command: string; args?: string[] } | { url: string };

export const mcpIdentity = (): fc.Arbitrary<McpIdentity> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...COMMANDS).map((command) => ({ command })) },
    { weight: 1, arbitrary: fc.constantFrom(...URLS).map((url) => ({ url })) },
  );

export const mcpServerDef = (): fc.Arbitrary<McpServerDef> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        command: fc.constantFrom(...COMMANDS),
        args: fc.array(fc.constantFrom("--stdio", "-v"), { maxLength: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...URLS).map((url) => ({ url })) },
  );

/** Configured servers: name → definition. */
export const mcpServers = (): fc.Arbitrary<Record<string, McpServerDef>> =>
  fc.dictionary(fc.constantFrom(...MCP_NAMES), mcpServerDef(), { minKeys: 1, maxKeys: 3 });

/** An allowlist entry copied from a server, or an independent (usually mismatching) identity. */
function identityFor(def: McpServerDef | undefined): fc.Arbitrary<McpIdentity> {
  if (!def) return mcpIdentity();
  const same: McpIdentity = "command" in def ? { command: def.command } : { url: def.url };
  return fc.oneof({ weight: 3, arbitrary: fc.constant(same) }, { weight: 2, arbitrary: mcpIdentity() });
}

/** Configured servers together with a requirements allowlist that names some of them (rules 40, 41). */
export const mcpServersWithAllowlist = (): fc.Arbitrary<{
  servers: Record<string, McpServerDef>;
  allowlist: Record<string, { identity: McpIdentity }>;
}> =>
  mcpServers().chain((servers) =>
    fc
      .subarray([...MCP_NAMES], { minLength: 0 })
      .chain((names) =>
        fc.tuple(...names.map((n) => identityFor(servers[n]).map((identity) => [n, { identity }] as const))),
      )
      .map((entries) => ({ servers, allowlist: Object.fromEntries(entries) })),
  );
