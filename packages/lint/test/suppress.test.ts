import { LATEST_EDITION } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { applyBaseline, makeBaseline, parseBaseline } from "../src/baseline.js";
import { lintText } from "../src/lint.js";

const lint = (text: string) =>
  lintText({ file: "requirements.toml", kind: "requirements", text, targets: [LATEST_EDITION] });

describe("suppression comments", () => {
  it("suppress a finding on their own line or the line above, with the reason kept", () => {
    const same = lint("[mcp_servers] # codex-policy: ignore mcp-servers-empty no MCP on this fleet\n");
    expect(same.find((f) => f.code === "mcp-servers-empty")?.suppressed).toEqual({
      by: "comment",
      reason: "no MCP on this fleet",
    });
    const above = lint(
      "# codex-policy: ignore mcp-servers-empty,unknown-key agreed in review\n\n[mcp_servers]\n",
    );
    expect(above.find((f) => f.code === "mcp-servers-empty")?.suppressed?.by).toBe("comment");
  });

  it("suppress only the codes they name, on the line they cover", () => {
    const found = lint(
      "# codex-policy: ignore unknown-key reason\n[mcp_servers]\nallowed_approval_policys = []\n",
    );
    expect(found.find((f) => f.code === "mcp-servers-empty")?.suppressed).toBeUndefined();
  });

  it("without a reason, suppress nothing and draw a finding of their own", () => {
    const found = lint("# codex-policy: ignore mcp-servers-empty\n[mcp_servers]\n");
    expect(found.find((f) => f.code === "mcp-servers-empty")?.suppressed).toBeUndefined();
    expect(found.find((f) => f.code === "suppression-without-reason")?.span.line).toBe(1);
  });
});

describe("baselines", () => {
  const before = 'allowed_approval_policys = ["never"]\n[mcp_servers]\n';
  const pairs = (text: string) => lint(text).map((finding) => ({ finding, text }));

  it("absorb the findings they record, also after lines move", () => {
    const baseline = parseBaseline(JSON.stringify(makeBaseline(pairs(before))), "b.json");
    const moved = pairs(`# a new comment\n\n${before}`);
    applyBaseline(moved, baseline);
    expect(moved.every((p) => p.finding.suppressed?.by === "baseline")).toBe(true);
  });

  it("let a new finding through", () => {
    const baseline = parseBaseline(JSON.stringify(makeBaseline(pairs(before))), "b.json");
    const grown = pairs(`allowed_sandbox_modes = ["workspace-write"]\n${before}`);
    applyBaseline(grown, baseline);
    const open = grown.filter((p) => !p.finding.suppressed).map((p) => p.finding.code);
    expect(open).toContain("sandbox-without-read-only");
  });

  it("each entry absorbs one finding only", () => {
    const one = pairs("[mcp_servers]\n");
    const baseline = makeBaseline(one);
    const twice = [...pairs("[mcp_servers]\n"), ...pairs("[mcp_servers]\n")];
    applyBaseline(twice, baseline);
    expect(twice.filter((p) => !p.finding.suppressed)).toHaveLength(1);
  });

  it("reject a file that is not a baseline, naming it", () => {
    expect(() => parseBaseline("{", "b.json")).toThrow(/b\.json: not JSON/);
    expect(() => parseBaseline('{"version":2,"findings":[]}', "b.json")).toThrow(
      /not a codex-policy lint baseline/,
    );
  });
});
