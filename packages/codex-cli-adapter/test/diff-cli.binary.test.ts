import { describe, expect, it } from "vitest";
import { diff, scratch } from "./cli.js";
import { binaryMissing, binaryProblem } from "./needs-binary.js";

// `codex-policy diff` end to end against the real binary.
const { write } = scratch("codex-adapter-diff-binary-test-");
const problem = binaryProblem();

describe("codex-policy diff against codex-cli 0.169.0", () => {
  if (problem !== null) return binaryMissing("codex-policy diff", problem);
  it("prints both implementations field by field and exits 0 or 1 by whether they differ", () => {
    const file = write(
      "a05.toml",
      "[system]\nrequirements = 'allowed_web_search_modes = [\"cached\"]'\n[user]\nconfig = 'web_search = \"live\"'\n",
    );
    const r = diff(file, "--json");
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as {
      binaryVersion: string;
      equal: boolean;
      rows: { path: string; binary: unknown; state: string }[];
    };
    expect(report.binaryVersion).toBe("0.169.0");
    expect(report.equal).toBe(r.code === 0);
    const web = report.rows.find((row) => row.path === "effective.web_search");
    expect(web?.binary).toBe("cached");
    expect(report.rows.some((row) => row.state === "differs")).toBe(r.code === 1);
  });
});
