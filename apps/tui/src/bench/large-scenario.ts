import { type Scenario, ScenarioSchema } from "@codex-policy/spec";

/** The benchmark scenario: many group rules (the last one matches) and a large MCP allowlist. */
export function largeScenario(rules = 50, servers = 200): Scenario {
  const names = Array.from({ length: servers }, (_, i) => `server-${String(i).padStart(3, "0")}`);
  const allow = (from: number) =>
    names
      .filter((_, i) => i % 2 === from % 2)
      .map((n) => `[mcp_servers.${n}.identity]\ncommand = "${n}-bin"\n`)
      .join("\n");
  const userConfig = names.map((n) => `[mcp_servers.${n}]\ncommand = "${n}-bin"\n`).join("\n");
  return ScenarioSchema.parse({
    description: `bench: ${rules} group rules, ${servers} MCP servers`,
    host: { os: "linux", hostname: "box1.devbox.example.com" },
    identity: { auth: "chatgpt", plan: "enterprise", groups: [`group-${rules - 1}`] },
    cloud: {
      cache: "valid",
      fetch: "ok",
      rules: Array.from({ length: rules }, (_, i) => ({
        name: `Rule ${i}`,
        groups: [`group-${i}`],
        requirements: `allowed_sandbox_modes = ["read-only", "workspace-write"]\nallowed_web_search_modes = ["cached"]\n\n${allow(i)}`,
      })),
    },
    system: {
      requirements:
        'allowed_sandbox_modes = ["read-only"]\n\n[[remote_sandbox_config]]\nhostname_patterns = ["*.devbox.example.com"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]\n',
    },
    user: { config: `sandbox_mode = "workspace-write"\nweb_search = "live"\n\n${userConfig}` },
  });
}
