import { describe, expect, it } from "vitest";
import { compareOutcomes } from "../src/model/compare.js";
import { explain } from "../src/model/explain.js";
import { resultRows } from "../src/model/result-rows.js";
import { outcomeFixture } from "./helpers/frames.js";

const text = (lines: { text: string }[]) => lines.map((l) => l.text).join("\n");

describe("result rows", () => {
  it("shows each constrained value with its config source and requirement source", () => {
    const o = outcomeFixture({
      requirements: { allowed_sandbox_modes: { value: ["read-only"], source: "cloud:Contractors" } },
      effective: {
        ...outcomeFixture().effective!,
        sandbox_mode: "read-only",
        sources: { sandbox_mode: "requirements" },
      },
      warnings: [
        { code: "requirement-fallback", message: "Configured value for `sandbox_mode` is disallowed" },
      ],
    });
    const rows = resultRows(o);
    const sandbox = rows.find((r) => r.id === "field:sandbox_mode");
    expect(sandbox).toMatchObject({
      value: "read-only",
      source: "from requirements · req cloud:Contractors",
    });
    expect(rows.find((r) => r.id === "warning:0")?.value).toContain("is disallowed");
  });

  it("shows the permission profile and network access with their sources", () => {
    const base = outcomeFixture().effective!;
    const legacy = resultRows(
      outcomeFixture({
        effective: {
          ...base,
          permission_profile: null,
          network_access: true,
          sources: { network_access: "user" },
        },
      }),
    );
    expect(legacy.find((r) => r.id === "field:permission_profile")?.value).toBe("none (legacy)");
    expect(legacy.find((r) => r.id === "field:network_access")).toMatchObject({
      value: "on",
      source: "from user",
    });
    const managed = resultRows(
      outcomeFixture({
        effective: {
          ...base,
          permission_profile: "managed-standard",
          network_access: false,
          sources: { permission_profile: "requirements" },
        },
      }),
    );
    expect(managed.find((r) => r.id === "field:permission_profile")).toMatchObject({
      value: "managed-standard",
      source: "from requirements",
    });
    // An implementation that does not report them gets no rows, rather than made-up values.
    const silent = resultRows(outcomeFixture({ effective: { ...base } }));
    expect(silent.some((r) => r.id === "field:permission_profile" || r.id === "field:network_access")).toBe(
      false,
    );
  });

  it("shows a refused state with Codex's message and the error location", () => {
    const o = outcomeFixture({
      status: "refused",
      effective: null,
      errors: [
        { code: "toml-syntax", layer: "system.requirements", message: "expected '='", line: 3, column: 7 },
      ],
    });
    const rows = resultRows(o);
    expect(rows[0]).toMatchObject({ label: "REFUSED" });
    expect(rows[1]).toMatchObject({ label: "system.requirements:3:7", value: "expected '='" });
    expect(rows.some((r) => r.id.startsWith("field:"))).toBe(false);
  });

  it("lists MCP servers with the allowlist reason when disabled", () => {
    const base = outcomeFixture().effective!;
    const o = outcomeFixture({
      effective: {
        ...base,
        mcp_servers: {
          github: { enabled: true, reason: null, origin: "user" },
          scratch: { enabled: false, reason: "requirements (/etc/codex/requirements.toml)", origin: "user" },
        },
      },
    });
    const rows = resultRows(o);
    expect(rows.find((r) => r.id === "mcp:scratch")).toMatchObject({
      value: "disabled",
      source: "requirements (/etc/codex/requirements.toml)",
    });
    expect(rows.find((r) => r.id === "mcp:github")).toMatchObject({ value: "enabled", source: "from user" });
  });
});

describe("explain", () => {
  const trace = {
    host: "laptop-42",
    fields: {
      allowed_sandbox_modes: [
        { source: "cloud:Contractors", label: "cloud requirements (Contractors)", value: ["read-only"] },
        { source: "system", label: "/etc/codex/requirements.toml", value: ["read-only", "workspace-write"] },
      ],
    },
    remoteSandbox: [
      {
        source: "system",
        host: "laptop-42",
        entries: [
          {
            index: 0,
            patterns: ["*.devbox.example.com"],
            matched: false,
            modes: ["read-only", "workspace-write"],
          },
        ],
        applied: null,
        replaced: ["read-only"],
      },
    ],
    groupRules: [
      { name: "Security Engineers", groups: ["sec"], matched: false, applied: false },
      { name: "Contractors", groups: ["contractors"], matched: true, applied: true },
    ],
  };
  const o = outcomeFixture({
    requirements: { allowed_sandbox_modes: { value: ["read-only"], source: "cloud:Contractors" } },
    notices: [
      {
        kind: "fallback",
        field: "sandbox_mode",
        configured: "workspace-write",
        effective: "read-only",
        source: "cloud:Contractors",
        message: "falling back to read-only",
      },
    ],
    cloud: { path: "cache", rule: "Contractors", reason: "valid cache for this identity" },
    trace,
  });

  it("names the winning layer, the overridden layer, the misses and the fallback", () => {
    const t = text(explain(o, "field:sandbox_mode", ["contractors"]).lines);
    expect(t).toContain(
      'winning layer: cloud requirements (Contractors) (cloud:Contractors) = ["read-only"]',
    );
    expect(t).toContain("overrode: /etc/codex/requirements.toml (system)");
    expect(t).toContain("✗ system entry 0 [*.devbox.example.com] missed host laptop-42");
    expect(t).toContain("✗ Security Engineers [sec]: identity is not in these groups");
    expect(t).toContain("✓ Contractors [contractors] applied");
    expect(t).toContain("fallback (cloud:Contractors) [workspace-write → read-only]");
    expect(t).toContain("path cache; rule Contractors");
  });

  it("does not show remote sandbox entries for other fields", () => {
    expect(text(explain(o, "field:web_search").lines)).not.toContain("remote_sandbox_config");
  });

  it("explains a refusal from the errors and the cloud report", () => {
    const refused = outcomeFixture({
      status: "refused",
      effective: null,
      errors: [{ code: "cloud-fetch-failed", layer: "cloud", message: "failed to load cloud requirements" }],
      cloud: { path: "refused", rule: null, reason: "cache belongs to another identity; fetch timed out" },
    });
    const t = text(explain(refused, "status").lines);
    expect(t).toContain("failed to load cloud requirements");
    expect(t).toContain("cache belongs to another identity");
  });
});

describe("edition comparison", () => {
  it("marks exactly the paths that differ", () => {
    const a = outcomeFixture({ edition: "documented" });
    const b = outcomeFixture({
      effective: { ...outcomeFixture().effective!, sandbox_mode: "workspace-write" },
    });
    const rows = compareOutcomes(a, b);
    expect(rows.filter((r) => r.differs).map((r) => r.path)).toEqual(["sandbox_mode"]);
    expect(rows.find((r) => r.path === "sandbox_mode")).toMatchObject({
      left: "read-only (default)",
      right: "workspace-write (default)",
    });
  });

  it("shows a refusal on one side against values on the other", () => {
    const a = outcomeFixture({ edition: "documented" });
    const b = outcomeFixture({
      status: "refused",
      effective: null,
      errors: [{ code: "x", layer: "cloud", message: "m" }],
    });
    const rows = compareOutcomes(a, b);
    expect(rows.find((r) => r.path === "status")).toMatchObject({
      left: "ok",
      right: "refused",
      differs: true,
    });
    expect(rows.find((r) => r.path === "sandbox_mode")).toMatchObject({ right: "—", differs: true });
  });
});
