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
});
