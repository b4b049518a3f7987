import { type Scenario, ScenarioSchema } from "@codex-policy/spec";

/** All layers present, 50 group rules, 200 MCP servers, 100 prefix rules and a ~1 KB user config. */
export function heavyScenario(): Scenario {
  const servers = Array.from({ length: 200 }, (_, i) => i);
  const allow = servers
    .filter((i) => i % 2 === 0)
    .map((i) => `[mcp_servers.srv${i}.identity]\ncommand = "srv-${i}"`)
    .join("\n");
  const rules = Array.from(
    { length: 100 },
    (_, i) =>
      `{ pattern = [{ token = "tool${i}" }, { any_of = ["a", "b"] }], decision = "${i % 3 === 0 ? "forbidden" : "prompt"}" }`,
  ).join(",\n  ");
  const userServers = servers
    .map((i) => `[mcp_servers.srv${i}]\ncommand = "srv-${i}"\nargs = ["--port", "${i}"]`)
    .join("\n");
  const userConfig = `approval_policy = "on-request"\nsandbox_mode = "workspace-write"\nweb_search = "live"\nmodel = "gpt-5.5"\n[features]\nshell_tool = true\n${"# padding to reach a kilobyte of user settings\n".repeat(16)}${userServers}`;
  return ScenarioSchema.parse({
    host: { os: "macos", hostname: "box7", fqdn: "box7.devbox.example.com" },
    identity: { auth: "chatgpt", plan: "enterprise", user: "alice@example.com", groups: ["g49", "g10"] },
    cloud: {
      cache: "valid",
      default: 'allowed_web_search_modes = ["cached"]',
      rules: Array.from({ length: 50 }, (_, i) => ({
        name: `Group ${i}`,
        groups: [`g${i}`],
        requirements: `allowed_sandbox_modes = ["read-only"${i % 2 ? ', "workspace-write"' : ""}]\nallowed_web_search_modes = ["cached"]`,
      })),
    },
    mdm: {
      requirements_toml_base64: Buffer.from('allowed_approvals_reviewers = ["user", "auto_review"]').toString(
        "base64",
      ),
      config_toml_base64: Buffer.from('web_search = "cached"').toString("base64"),
    },
    system: {
      requirements: `allowed_approval_policies = ["on-request", "never"]\nallowed_sandbox_modes = ["read-only"]\n[[remote_sandbox_config]]\nhostname_patterns = ["*.devbox.example.com"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]\n[features]\nshell_tool = false\n${allow}\n[rules]\nprefix_rules = [\n  ${rules}\n]`,
      managed_config: 'sandbox_mode = "workspace-write"',
      config: 'model = "gpt-5.5"',
    },
    user: { config: userConfig, rules: 'prefix_rule(pattern = ["git", "push"], decision = "allow")' },
    project: { trust: "trusted", config: 'web_search = "live"' },
    session: { overrides: ['web_search="live"'], enable: ["shell_tool"] },
    probe: { commands: ["tool3 a --x", "git push origin main && rm -rf build", "/usr/bin/tool6 b"] },
  });
}
