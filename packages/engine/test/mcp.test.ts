import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMcpAllowlist,
  checkMcpAllowlist,
  unknownRequirementSubkeys,
  validateMcpRequirement,
} from "../src/areas.js";
import { type ComposedField, type ConfigLayer, Diagnostics, type RequirementLayer } from "../src/model.js";

const SYS = "/etc/codex/requirements.toml";
const req = (doc: Record<string, unknown> = {}, over: Partial<RequirementLayer> = {}): RequirementLayer => ({
  kind: "system",
  source: "system",
  label: SYS,
  layerId: "system.requirements",
  doc,
  ...over,
});
const allow = (value: unknown, layers = [req({ mcp_servers: value })]): ComposedField => ({
  value,
  layer: layers[0]!,
  layers,
});
const cfg = (kind: ConfigLayer["kind"], servers: Record<string, unknown>): ConfigLayer => ({
  kind,
  label: kind,
  layerId: "user.config",
  doc: { mcp_servers: servers },
});
const USER = cfg("user", {
  docs: { command: "docs-server", args: ["--port", "1"] },
  remote: { url: "https://mcp.example.com/mcp" },
  other: { command: "other" },
});
const run = (allowlist: ComposedField | undefined, layers: ConfigLayer[] = [USER]) => {
  const diag = new Diagnostics();
  return { out: applyMcpAllowlist({ configLayers: layers, allowlist }, diag), diag };
};
const REASON = `requirements (${SYS})`;

describe("validateMcpRequirement", () => {
  it("accepts command and url identities, inline or matcher forms", () => {
    expect(validateMcpRequirement({})).toBeNull();
    expect(
      validateMcpRequirement({ a: { identity: { command: "x" } }, b: { identity: { url: "u" } } }),
    ).toBeNull();
    expect(
      validateMcpRequirement({ a: { identity: { command: "x", args: [{ match: "exact", value: "a" }] } } }),
    ).toBeNull();
    expect(
      validateMcpRequirement({ a: { identity: { command: { executable: "x", args: [] } } } }),
    ).toBeNull();
    expect(
      validateMcpRequirement({ a: { identity: { url: { match: "regex", expression: "a" } } } }),
    ).toBeNull();
    expect(validateMcpRequirement({ a: { identity: { url: "u", command: 3 } } })).toBeNull();
  });
  it("missing identity (f10)", () => {
    expect(validateMcpRequirement({ docs: { description: "d" } })).toEqual({
      code: "mcp-identity-invalid",
      message: "missing field `identity`",
      path: "mcp_servers.docs",
    });
  });
  it("identity of no known shape (f11)", () => {
    for (const identity of [
      "x",
      {},
      { command: 3 },
      { url: { match: "exact" } },
      { url: { match: "glob", value: "x" } },
      { command: { executable: "x" } },
    ]) {
      expect(validateMcpRequirement({ docs: { identity } })).toEqual({
        code: "mcp-identity-invalid",
        message: "data did not match any variant of untagged enum RawMcpServerIdentity",
        path: "mcp_servers.docs.identity",
      });
    }
  });
  it("wrong container types", () => {
    expect(validateMcpRequirement(3)).toMatchObject({
      message: "invalid type: integer `3`, expected a map",
      path: "mcp_servers",
    });
    expect(validateMcpRequirement({ docs: 3 })).toMatchObject({
      message: "invalid type: integer `3`, expected struct RawMcpServerRequirement",
      path: "mcp_servers.docs",
    });
  });
  it("keys next to identity are unrecognized; identity's extra keys are not", () => {
    expect(
      unknownRequirementSubkeys("mcp_servers", {
        docs: { description: "d", identity: { command: "x", weird: 1 } },
      }),
    ).toEqual(["mcp_servers.docs.description"]);
  });
});

describe("applyMcpAllowlist", () => {
  it("no allowlist: nothing filtered (f01)", () => {
    const { out } = run(undefined);
    expect(out.docs).toEqual({ enabled: true, reason: null, origin: "user", transport: "stdio" });
    expect(out.remote?.transport).toBe("http");
  });
  it("empty table disables every server (f02)", () => {
    const { out, diag } = run(allow({}));
    expect(Object.values(out).map((s) => [s.enabled, s.reason])).toEqual([
      [false, REASON],
      [false, REASON],
      [false, REASON],
    ]);
    expect(diag.notices.filter((n) => n.kind === "mcp-disabled")).toHaveLength(3);
  });
  it("name plus identity, exact strings (f03, f04, f05, f06, f16)", () => {
    const { out } = run(
      allow({
        docs: { identity: { command: "docs-server" } },
        remote: { identity: { url: "https://mcp.example.com/mcp" } },
      }),
    );
    expect(out.docs?.enabled).toBe(true);
    expect(out.remote?.enabled).toBe(true);
    expect(out.other).toMatchObject({ enabled: false, reason: REASON });
    const mismatch = run(
      allow({
        docs: { identity: { command: "/usr/bin/docs-server" } },
        remote: { identity: { url: "https://mcp.example.com/mcp/" } },
        other: { identity: { url: "other" } },
      }),
    ).out;
    expect([mismatch.docs?.enabled, mismatch.remote?.enabled, mismatch.other?.enabled]).toEqual([
      false,
      false,
      false,
    ]);
  });
  it("args are ignored by the plain command form; command+url acts as command (f07, f08, f09)", () => {
    const { out } = run(
      allow({
        docs: { identity: { command: "docs-server", args: ["--other"] } },
        other: { identity: { command: "other", url: "nope", args: [{ match: "exact", value: "zzz" }] } },
      }),
    );
    expect(out.docs?.enabled).toBe(true);
    expect(out.other?.enabled).toBe(true);
  });
  it("url matchers and command matchers", () => {
    const { out } = run(
      allow({
        remote: { identity: { url: { match: "prefix", value: "https://mcp.example.com/" } } },
        docs: {
          identity: {
            command: {
              executable: "docs-server",
              args: [
                { match: "exact", value: "--port" },
                { match: "regex", expression: "\\d+" },
              ],
            },
          },
        },
        other: { identity: { command: { executable: "other", args: [{ match: "exact", value: "x" }] } } },
      }),
    );
    expect([out.remote?.enabled, out.docs?.enabled, out.other?.enabled]).toEqual([true, true, false]);
  });
  it("a bad regex stops Codex naming the server, even with no server configured", () => {
    const err = checkMcpAllowlist(
      allow({ remote: { identity: { url: { match: "regex", expression: "[" } } } }),
    );
    expect(err?.code).toBe("mcp-identity-invalid");
    expect(err?.message).toMatch(
      /^invalid requirement for MCP server `remote` \(set by \/etc\/codex\/requirements.toml\): invalid regex `\[`: /,
    );
    const args = checkMcpAllowlist(
      allow({
        d: { identity: { command: { executable: "x", args: [{ match: "regex", expression: "(" }] } } },
      }),
    );
    expect(args?.message).toContain("invalid argument matcher at index 0: invalid regex `(`");
    expect(checkMcpAllowlist(allow({ ok: { identity: { command: "x" } } }))).toBeNull();
  });
  it("servers from project and -c are filtered too; user-disabled stays disabled with null reason (f12, f13, f14)", () => {
    const layers = [
      cfg("user", { docs: { command: "docs-server", enabled: false } }),
      cfg("project", { proj: { command: "p" } }),
      cfg("session", { cli: { url: "http://x" } }),
    ];
    const { out } = run(allow({ docs: { identity: { command: "docs-server" } } }), layers);
    expect(out.docs).toEqual({ enabled: false, reason: null, origin: "user", transport: "stdio" });
    expect(out.proj).toMatchObject({ enabled: false, reason: REASON, origin: "project" });
    expect(out.cli).toMatchObject({ enabled: false, reason: REASON, origin: "session" });
  });
  it("higher config layers merge into a server definition", () => {
    const layers = [
      cfg("user", { docs: { command: "old" } }),
      cfg("project", { docs: { command: "docs-server" } }),
    ];
    const { out } = run(allow({ docs: { identity: { command: "docs-server" } } }), layers);
    expect(out.docs).toMatchObject({ enabled: true, origin: "project" });
  });
  it("several contributing layers make a composite reason", () => {
    const mdm = req(
      {},
      {
        kind: "mdm",
        source: "mdm",
        label: "MDM com.openai.codex:requirements_toml_base64",
        layerId: "mdm.requirements",
      },
    );
    const { out } = run(allow({}, [mdm, req()]));
    expect(out.other?.reason).toBe(
      `requirements (requirements layers: MDM com.openai.codex:requirements_toml_base64, ${SYS})`,
    );
  });
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, c) => {
        const diag = new Diagnostics();
        validateMcpRequirement(a);
        unknownRequirementSubkeys("mcp_servers", a);
        applyMcpAllowlist(
          {
            configLayers: [
              { kind: "user", label: "u", layerId: "user.config", doc: { mcp_servers: c } as never },
            ],
            allowlist: allow(a),
          },
          diag,
        );
      }),
    );
  });
});
