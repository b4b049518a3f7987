import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { req, run } from "./helpers.js";

const profilesToml = (names: string[]): string =>
  names.map((n) => `[permissions."${n}"]\nextends = ":workspace"\n`).join("");
const allowList = (entries: [string, boolean][]): string =>
  `allowed_permission_profiles = { ${entries.map(([n, v]) => `"${n}" = ${v}`).join(", ")} }\n`;

describe("managed permission-profile allow-list (docs/permission-profiles.md)", () => {
  it("refuses the first undefined name in byte order, before any default check", () => {
    const o = run(
      req(
        `default_permissions = "zzz"\n${allowList([
          [":read-only", true],
          ["b", true],
          ["B", false],
        ])}`,
      ),
    );
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.message).toContain("undefined profile `B`");
  });

  it("counts profiles defined by requirements and by config files as defined", () => {
    const o = run(
      req(
        `${allowList([
          [":read-only", true],
          [":workspace", true],
          ["managed", true],
          ["mine", false],
        ])}${profilesToml(["managed"])}`,
        {
          user: { config: '[permissions.mine]\nextends = ":read-only"\n' },
        },
      ),
    );
    expect(o.status).toBe("ok");
  });

  it("needs a listed default unless both :workspace and :read-only are allowed", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(":read-only", ":workspace")),
        (ro, ws, def) => {
          const text = `${def ? `default_permissions = "${def}"\n` : ""}${allowList([
            [":read-only", ro],
            [":workspace", ws],
          ])}`;
          const o = run(req(text));
          const ok = def ? (def === ":read-only" ? ro : ws) : ro && ws;
          expect(o.status).toBe(ok ? "ok" : "refused");
          if (!ok) expect(o.errors[0]?.code).toBe("permission-profiles-invalid");
        },
      ),
      { numRuns: 40 },
    );
  });

  it("keeps profile keys out of requirements' [permissions.filesystem]", () => {
    for (const key of ["description", "extends", "workspace_roots", "network"]) {
      const o = run(req(`[permissions.filesystem]\n${key} = "x"\n`));
      expect(o.errors[0]?.message, key).toContain("`permissions.filesystem` is reserved");
    }
    expect(run(req('[permissions.filesystem]\ndeny_read = ["/srv/secret"]\n')).status).toBe("ok");
  });
});

describe("config-side profile errors fall back to defaults", () => {
  it("names the missing table, then the undefined profile", () => {
    const none = run({ user: { config: 'default_permissions = "mine"\n' } });
    expect(none.errors[0]?.message).toBe("default_permissions requires a `[permissions]` table");
    expect(none.warnings[0]?.message).toBe("Invalid configuration; using defaults.");
    const other = run({
      user: { config: 'default_permissions = "other"\n[permissions.mine]\nextends = ":read-only"\n' },
    });
    expect(other.errors[0]?.message).toBe("default_permissions refers to undefined profile `other`");
  });

  it("refuses a config profile that shadows a managed one", () => {
    const o = run(
      req(`default_permissions = "mine"\n${allowList([["mine", true]])}${profilesToml(["mine"])}`, {
        user: { config: '[permissions.mine]\nextends = ":read-only"\n' },
      }),
    );
    expect(o.errors[0]?.message).toContain("profile `mine` conflicts with a config-defined profile");
  });
});
