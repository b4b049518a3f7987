import { describe, expect, it } from "vitest";
import { req, run } from "./helpers.js";

const notModelled = (o: ReturnType<typeof run>) =>
  o.notices.filter((n) => n.kind === "not-modelled").map((n) => [n.field, n.source]);

describe("what the engine accepts but does not simulate says so", () => {
  it("names each requirement and config setting with the layer that set it", () => {
    const o = run(
      req('allowed_login_methods = ["chatgpt"]\n[permissions.filesystem]\ndeny_read = ["/srv/x"]\n', {
        user: { config: '[shell_environment_policy]\ninherit = "core"\n' },
        project: { trust: "trusted", config: '[sandbox_workspace_write]\nwritable_roots = ["/opt"]\n' },
      }),
    );
    expect(notModelled(o).sort()).toStrictEqual([
      ["allowed_login_methods", "system"],
      ["permissions.filesystem.deny_read", "system"],
      ["sandbox_workspace_write.writable_roots", "project"],
      ["shell_environment_policy", "user"],
    ]);
    expect(o.notices.every((n) => n.kind !== "not-modelled" || n.message.includes("not simulated"))).toBe(
      true,
    );
  });

  it("stays quiet when everything present is simulated", () => {
    const o = run(
      req('allowed_approval_policies = ["on-request"]\n', {
        user: { config: 'sandbox_mode = "read-only"\n' },
      }),
    );
    expect(notModelled(o).sort()).toStrictEqual([]);
  });

  it("flags the parts of an active profile whose paths it does not follow", () => {
    const o = run({
      user: {
        config:
          'default_permissions = "p"\n[permissions.p]\nextends = ":workspace"\nworkspace_roots = ["/opt"]\n',
      },
    });
    expect(notModelled(o).map(([f]) => f)).toContain("permissions.p.workspace_roots");
  });

  it("flags a feature-table key the engine cannot judge, and only that", () => {
    const o = run({
      user: {
        config:
          "[features.code_mode]\nenabled = true\nexcluded_tool_namespaces = []\nnot_named_yet = 1\n[features.token_budget]\nenabled = false\n",
      },
    });
    expect(o.status).toBe("ok");
    expect(notModelled(o)).toStrictEqual([["features.code_mode.not_named_yet", "user"]]);
  });

  it("says that a shell PreToolUse hook may decide the commands, and only then", () => {
    const hook = (matcher: string) =>
      `[features]\nhooks = true\n[[hooks.PreToolUse]]\nmatcher = "${matcher}"\n[[hooks.PreToolUse.hooks]]\ntype = "command"\ncommand = "/opt/guard.sh"\n`;
    const fields = (requirements: string, commands: string[]) =>
      notModelled(run(req(requirements, { probe: { commands } }))).map(([f]) => f);
    expect(fields(hook("^Bash$"), ["ls"])).toContain("hooks.PreToolUse");
    expect(fields(hook("*"), ["ls"])).toContain("hooks.PreToolUse");
    expect(fields(hook("^apply_patch$"), ["ls"])).not.toContain("hooks.PreToolUse");
    expect(fields(hook("^Bash$"), [])).not.toContain("hooks.PreToolUse");
  });
});
