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

describe("profile selection (docs/permission-profiles.md#profile-selection)", () => {
  const SANDBOXES = ["read-only", "workspace-write", "danger-full-access"] as const;
  const BUILTINS = [":read-only", ":workspace", ":danger-full-access"] as const;

  it("ignores sandbox_mode entirely under a managed allow-list", () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...SANDBOXES)),
        fc.option(fc.constantFrom(...SANDBOXES)),
        (user, thread) => {
          const o = run(
            req(
              allowList([
                [":read-only", true],
                [":workspace", true],
                [":danger-full-access", false],
              ]),
              {
                ...(user ? { user: { config: `sandbox_mode = "${user}"\n` } } : {}),
                ...(thread ? { session: { thread: { sandbox: thread } } } : {}),
              },
            ),
          );
          expect(o.effective?.permission_profile).toBe(":workspace");
          expect(o.effective?.sandbox_mode).toBe("workspace-write");
          expect(o.warnings).toStrictEqual([]);
        },
      ),
      { numRuns: 16 },
    );
  });

  it("lets a sandbox_mode beat default_permissions only from a higher layer (binary), from anywhere (docs)", () => {
    const sameLayer = {
      user: { config: 'default_permissions = ":workspace"\nsandbox_mode = "read-only"\n' },
    };
    expect(run(sameLayer).effective?.permission_profile).toBe(":workspace");
    expect(run(sameLayer, "documented").effective?.permission_profile).toBeNull();
    const higher = {
      user: { config: 'default_permissions = ":workspace"\n' },
      session: { overrides: ['sandbox_mode="read-only"'] },
    };
    expect(run(higher).effective).toMatchObject({ permission_profile: null, sandbox_mode: "read-only" });
  });

  it("reports the built-in profile of each sandbox mode, and none after a fallback", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTINS),
        fc.subarray(["workspace-write", "danger-full-access"]),
        (profile, extra) => {
          const o = run(
            req(`allowed_sandbox_modes = ${JSON.stringify(["read-only", ...extra])}\n`, {
              user: { config: `default_permissions = "${profile}"\n` },
            }),
          );
          const mode = {
            ":read-only": "read-only",
            ":workspace": "workspace-write",
            ":danger-full-access": "danger-full-access",
          }[profile];
          const allowed = mode === "read-only" || extra.includes(mode);
          expect(o.effective?.sandbox_mode).toBe(allowed ? mode : "read-only");
          expect(o.effective?.permission_profile).toBe(allowed ? profile : null);
          expect(o.warnings.length).toBe(allowed ? 0 : 1);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("network access (docs/permission-profiles.md#network-access)", () => {
  it("reads the legacy workspace-write setting only without a profile", () => {
    const table = "[sandbox_workspace_write]\nnetwork_access = true\n";
    const legacy = run({ user: { config: `sandbox_mode = "workspace-write"\n${table}` } });
    expect(legacy.effective).toMatchObject({ network_access: true, sources: { network_access: "user" } });
    const profile = run({ user: { config: `default_permissions = ":workspace"\n${table}` } });
    expect(profile.effective?.network_access).toBe(false);
  });

  it("takes a profile's network table over its base (binary 0.169.0)", () => {
    const o = run(
      req(
        `default_permissions = "p"\n${allowList([
          ["p", true],
          ["q", true],
        ])}[permissions.q.filesystem]\n":root" = "write"\n[permissions.q.network]\nenabled = true\n[permissions.p]\nextends = "q"\n[permissions.p.network]\nenabled = false\n`,
      ),
    );
    // Full write access without the network is no legacy mode: Codex reports an external sandbox.
    expect(o.effective).toMatchObject({ sandbox_mode: "external-sandbox", network_access: false });
    expect(o.effective?.sources?.network_access).toBe("requirements");
  });

  it("widens a read-only base to workspace-write for a write in a nested path table (binary 0.169.0)", () => {
    const mode = (fs: string) =>
      run(
        req(
          `default_permissions = "p"\n${allowList([["p", true]])}[permissions.p]\nextends = ":read-only"\n${fs}`,
        ),
      ).effective?.sandbox_mode;
    expect(mode('[permissions.p.filesystem.":workspace_roots"]\n"." = "read"\n"Working" = "write"\n')).toBe(
      "workspace-write",
    );
    expect(mode('[permissions.p.filesystem."/opt/data"]\n"." = "write"\n')).toBe("workspace-write");
    expect(mode('[permissions.p.filesystem.":workspace_roots"]\n"." = "read"\n')).toBe("read-only");
  });
});

describe("deny_read (docs/permission-profiles.md#deny_read)", () => {
  it("stops the thread on a glob rooted at /, and only then", () => {
    for (const [pattern, refused] of [
      ["/**/*.key", true],
      ["/*.pem", true],
      ["/srv/**/*.key", false],
      ["~/**/.env", false],
      ["/etc/shadow", false],
    ] as const) {
      const o = run(req(`[permissions.filesystem]\ndeny_read = ["${pattern}"]\n`));
      expect(o.status, pattern).toBe(refused ? "refused" : "ok");
      if (refused) expect(o.errors[0]?.code).toBe("deny-read-unsafe-glob");
    }
  });
  it("names the first unsafe glob in byte order, not in written order (binary 0.169.0)", () => {
    const o = run(req('[permissions.filesystem]\ndeny_read = ["/**/zz", "/srv/x", "/**/.env", "/**/aa"]\n'));
    expect(o.errors[0]?.message).toContain("unreadable glob `/**/.env` cannot be safely expanded");
  });
});
