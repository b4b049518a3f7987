import { describe, expect, it } from "vitest";
import { REQ, req, run, warningMessages } from "./helpers.js";

const overridden = (key: string, value: boolean) =>
  `Configured value for \`${key}\` is overridden by the required value ${value} from ${REQ}.`;

describe("settings a requirement overrides outright", () => {
  it("warns for each configured value that differs, update check first, before approval fallbacks", () => {
    const o = run(
      req(
        'allow_login_shell = false\ncheck_for_update_on_startup = false\nallowed_approval_policies = ["on-request"]',
        {
          user: {
            config: 'allow_login_shell = true\ncheck_for_update_on_startup = true\napproval_policy = "never"',
          },
        },
      ),
    );
    const w = warningMessages(o);
    expect(w.slice(0, 2)).toEqual([
      overridden("check_for_update_on_startup", false),
      overridden("allow_login_shell", false),
    ]);
    expect(w[2]).toMatch(/^Configured value for `approval_policy` is disallowed/);
    expect(o.notices).toContainEqual(
      expect.objectContaining({
        kind: "fallback",
        field: "allow_login_shell",
        configured: true,
        effective: false,
      }),
    );
  });

  it("says nothing when config agrees or is silent", () => {
    const same = req("allow_login_shell = false", { user: { config: "allow_login_shell = false" } });
    expect(run(same).warnings).toEqual([]);
    expect(run(req("allow_login_shell = false")).warnings).toEqual([]);
  });

  it("decides the shell that commands run in", () => {
    const rules = '[rules]\nprefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }]';
    const shown = (requirements: string, config?: string) =>
      run(
        req(requirements, {
          ...(config ? { user: { config } } : {}),
          probe: { commands: ["rm x"] },
        }),
      ).effective?.commands[0]?.message;
    expect(shown(rules)).toContain("`/bin/bash -lc 'rm x'`");
    expect(shown(`allow_login_shell = false\n${rules}`)).toContain("`/bin/bash -c 'rm x'`");
    expect(shown(rules, "allow_login_shell = false")).toContain("`/bin/bash -c 'rm x'`");
    expect(shown(`allow_login_shell = true\n${rules}`, "allow_login_shell = false")).toContain(
      "`/bin/bash -lc 'rm x'`",
    );
  });
});
