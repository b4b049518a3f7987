import type { Outcome } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import type { Decided, Trace } from "../src/index.js";
import { req, run } from "./helpers.js";

const decided = (o: Outcome): Decided[] => (o.trace as Trace).decided;
const paths = (o: Outcome, layerId = "system.requirements") =>
  decided(o)
    .filter((d) => d.layerId === layerId)
    .map((d) => d.path.join("."));

describe("trace.decided: the requirement entries that decided an Outcome", () => {
  it("names the highest layer's field, not the lower one it overrides", () => {
    const o = run({
      ...req('allowed_approval_policies = ["on-request"]\nallowed_web_search_modes = ["cached"]'),
      host: { os: "macos" },
      user: { config: 'approval_policy = "on-request"\nweb_search = "live"' },
      mdm: {
        requirements_toml_base64: Buffer.from('allowed_approval_policies = ["never"]').toString("base64"),
      },
    });
    expect(o.status).toBe("ok");
    expect(paths(o, "mdm.requirements")).toEqual(["allowed_approval_policies"]);
    expect(paths(o)).toEqual(["allowed_web_search_modes"]);
  });

  it("credits the matching remote_sandbox_config entry instead of the list it replaces", () => {
    const text = `allowed_sandbox_modes = ["read-only"]
[[remote_sandbox_config]]
hostname_patterns = ["*.other.example"]
allowed_sandbox_modes = ["read-only"]
[[remote_sandbox_config]]
hostname_patterns = ["*.corp.example"]
allowed_sandbox_modes = ["read-only", "workspace-write"]
`;
    const hit = run(req(text, { host: { hostname: "box", fqdn: "box.corp.example" } }));
    expect(paths(hit)).toEqual(["remote_sandbox_config.1"]);
    const miss = run(
      req(text, { host: { hostname: "laptop" }, user: { config: 'sandbox_mode = "workspace-write"' } }),
    );
    expect(paths(miss)).toEqual(["allowed_sandbox_modes"]);
  });

  it("counts an allow-list only when a value was checked against it, not for a default it allows", () => {
    const policy = 'allowed_approval_policies = ["on-request", "never"]\nallowed_web_search_modes = ["live"]';
    // Nobody asks: the approval default passes the list, the web search default does not.
    expect(paths(run(req(policy)))).toEqual(["allowed_web_search_modes"]);
    const asked = run(req(policy, { user: { config: 'approval_policy = "never"' } }));
    expect(asked.effective?.sources?.approval_policy).toBe("user");
    expect(paths(asked)).toContain("allowed_approval_policies");
  });

  it("names the prefix rule each probe command matched, by its index in its own layer", () => {
    const rules = (first: string) => `[rules]
prefix_rules = [
  { pattern = [{ token = "${first}" }], decision = "forbidden" },
  { pattern = [{ token = "git" }, { token = "push" }], decision = "prompt" },
]`;
    const o = run({
      ...req(rules("rm"), { probe: { commands: ["git push", "ls"] } }),
      host: { os: "macos" },
      mdm: { requirements_toml_base64: Buffer.from(rules("curl")).toString("base64") },
    });
    // The MDM layer is higher, so its rules come first in the composed list; the system file's
    // `git push` rule is still its own index 1.
    expect(o.effective?.commands.map((c) => c.rule)).toEqual(["mdm#1", null]);
    expect(paths(o, "mdm.requirements")).toEqual(["rules.prefix_rules.1"]);
    expect(paths(o)).toEqual([]);
  });

  it("names allowlist entries for the servers the user configured, feature pins and managed hooks", () => {
    const o = run(
      req(
        `[mcp_servers.github.identity]
command = "github-mcp"
[mcp_servers.unused.identity]
command = "unused"
[feature_requirements]
hooks = true
[hooks]
managed_dir = "/etc/codex/hooks"
[[hooks.PreToolUse]]
matcher = "Bash"
[[hooks.PreToolUse.hooks]]
type = "command"
command = "/etc/codex/hooks/check.sh"
`,
        {
          user: {
            config: '[mcp_servers.github]\ncommand = "github-mcp"\n[mcp_servers.jira]\ncommand = "jira"',
          },
        },
      ),
    );
    expect(o.status).toBe("ok");
    expect(o.effective?.mcp_servers.jira?.enabled).toBe(false);
    expect(paths(o).sort()).toEqual(
      ["feature_requirements.hooks", "hooks.PreToolUse.0", "mcp_servers.github"].sort(),
    );
  });

  it("names the cloud group rule that applied", () => {
    const o = run({
      user: { config: 'web_search = "live"' },
      identity: { auth: "chatgpt", plan: "enterprise", groups: ["b"] },
      cloud: {
        cache: "valid",
        rules: [
          { name: "A", groups: ["a"], requirements: 'allowed_web_search_modes = ["cached"]' },
          { name: "B", groups: ["b"], requirements: 'allowed_web_search_modes = ["cached"]' },
        ],
      },
    });
    expect(decided(o)).toContainEqual({ layerId: "cloud", path: ["rules", 1] });
    expect(decided(o)).toContainEqual({ layerId: "cloud.rules.1", path: ["allowed_web_search_modes"] });
    expect(decided(o)).not.toContainEqual({ layerId: "cloud", path: ["rules", 0] });
  });

  it("names the cloud default when no group rule matched, and no cloud entry when the layer is not in force", () => {
    const cloud = {
      cache: "valid" as const,
      default: 'allowed_web_search_modes = ["cached"]',
      rules: [{ name: "A", groups: ["a"], requirements: 'allowed_web_search_modes = ["cached"]' }],
    };
    const user = { config: 'web_search = "live"' };
    const fallback = run({ identity: { auth: "chatgpt", plan: "enterprise", groups: ["z"] }, cloud, user });
    expect(decided(fallback)).toContainEqual({ layerId: "cloud", path: ["default"] });
    expect(decided(fallback)).toContainEqual({
      layerId: "cloud.default",
      path: ["allowed_web_search_modes"],
    });
    const signedOut = run({ identity: { auth: "api-key", groups: ["a"] }, cloud, user });
    expect(decided(signedOut).filter((d) => d.layerId.startsWith("cloud"))).toEqual([]);
  });

  it("is empty when Codex refuses to start", () => {
    const o = run(req("allowed_approval_policies = []"));
    expect(o.status).toBe("refused");
    expect(decided(o) ?? []).toEqual([]);
  });
});
