import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const drift = (...args: string[]) =>
  spawnSync(process.execPath, [bin, "drift", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
    maxBuffer: 1 << 30,
  });
const work = mkdtempSync(join(tmpdir(), "codex-policy-drift-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Json {
  from: string;
  to: string;
  scenarios: {
    label: string;
    changes: { path: string; from: unknown; to: unknown; causes: { id: string }[]; unexplained: boolean }[];
  }[];
}

describe("codex-policy drift", () => {
  it("0.136 → 0.137 on the legacy example: the legacy flip explains each field, exit 1", () => {
    const r = drift("--from", "0.136", "--to", "codex-0.137", "examples/legacy-managed-config.toml");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^drift 0\.136 → 0\.137: 1 of 1 scenario\(s\) change\n/);
    expect(r.stdout).toMatch(
      /0\.137 {2}legacy-above-requirements\n[\s\S]*effective\.approval_policy +on-request → never/,
    );
    expect(r.stdout).not.toContain("unexplained");
  });

  it("--json carries every field with its causes; a case file gives one scenario per test", () => {
    const r = drift(
      "--from",
      "0.141",
      "--to",
      "0.142.0",
      "--json",
      "conformance/cases/web-search/web-search-indexed-allowed-configured.toml",
    );
    const j = JSON.parse(r.stdout) as Json;
    expect(j.from).toBe("codex-0.141");
    expect(j.scenarios.length).toBeGreaterThan(0);
    expect(j.scenarios[0]!.label).toMatch(/web-search-indexed-allowed-configured\.toml:/);
    const web = j.scenarios
      .flatMap((s) => s.changes)
      .find((c) => c.path === "effective.web_search" && c.to === "indexed");
    expect(web?.causes.map((c) => c.id)).toContain("web-search-indexed");
  });

  it("a drift that finds nothing exits 0", () => {
    const r = drift("--from", "0.138", "--to", "0.139", "examples/contractor-devbox.toml");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("drift 0.138 → 0.139: 0 of 1 scenario(s) change\n");
  });

  it("--format github annotates each changed field", () => {
    const r = drift(
      "--from",
      "0.136",
      "--to",
      "0.137",
      "--format",
      "github",
      "examples/legacy-managed-config.toml",
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::warning file=examples\/legacy-managed-config\.toml,title=drift 0\.136 → 0\.137::.*effective\.approval_policy: on-request → never \(0\.137 legacy-above-requirements\)$/m,
    );
    expect(r.stdout).toMatch(/^::notice title=drift 0\.136 → 0\.137::1 of 1 scenario\(s\) change$/m);
  });

  it("over the whole corpus from the oldest release to latest, every change is explained", () => {
    const r = drift("--from", "0.77", "--to", "latest", "--json");
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.scenarios.length).toBeGreaterThan(500);
    const unexplained = j.scenarios.flatMap((s) =>
      s.changes.filter((c) => c.unexplained).map((c) => `${s.label} ${c.path}`),
    );
    expect(unexplained).toEqual([]);
  });

  it("usage errors exit 2 with one line", () => {
    const file = join(work, "s.toml");
    writeFileSync(file, "[user]\nconfig = ''\n");
    for (const [args, msg] of [
      [["--from", "0.171", "--to", "0.150", file], /later than --to/],
      [["--from", "0.76", "--to", "0.150", file], /not read before 0\.77/],
      [
        ["--from", "0.78", "--to", "0.150", file],
        /never published; the nearest published releases are codex-0\.77 and codex-0\.79/,
      ],
      [["--from", "documented", "--to", "0.150", file], /'documented' is not one/],
      [["--from", "0.150", "--to", "0.171", join(work, "missing.toml")], /no such file/],
      [["--to", "0.171", file], /--from is required/],
      [["--from", "0.150", "--to", "0.171", "--format", "xml", file], /--format takes/],
      [["--impl", "codex-cli", "--codex-to", file, file], /--codex-from PATH is required/],
      [
        ["--impl", "codex-cli", "--codex-from", join(work, "nope"), "--codex-to", file, file],
        /--codex-from: .*does not exist/,
      ],
      [["--impl", "codex-cli", "--from", "0.150", file], /releases come from --codex-from/],
      [["--codex-from", file, "--from", "0.150", "--to", "0.171", file], /go with --impl codex-cli/],
      [["--impl", "nope", file], /--impl takes engine or codex-cli/],
    ] as [string[], RegExp][]) {
      const r = drift(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
