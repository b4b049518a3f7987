import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const dir = mkdtempSync(join(tmpdir(), "codex-policy-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "lint", ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function emptyDir(name: string): string {
  mkdirSync(join(dir, name), { recursive: true });
  return join(dir, name);
}

const BAD =
  '# fleet\nallowed_approval_policys = ["never"]\n\n[[command_rules]]\npattern = ["rm", "-rf"]\ndecision = "forbidden"\n';

describe("codex-policy lint: exit codes", () => {
  it("0 on a clean policy", () => {
    const r = cli(
      file(
        "clean/requirements.toml",
        'allowed_sandbox_modes = ["read-only", "workspace-write", "danger-full-access"]\n',
      ),
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("1 file linted, no findings\n");
  });

  it("1 on findings at or above --fail-on, 0 below it", () => {
    const warnOnly = file("warn/requirements.toml", "[mcp_servers]\n");
    expect(cli(warnOnly).code).toBe(0);
    expect(cli(warnOnly, "--fail-on", "warning").code).toBe(1);
    const r = cli(file("bad/requirements.toml", BAD));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/requirements\.toml:4:1 {2}error {2}command-rules-blog-syntax/);
    expect(r.out).toMatch(
      /requirements\.toml:2:1 {2}warning {2}unknown-key .*did you mean `allowed_approval_policies`\?/,
    );
  });

  it("2 with one coded line for usage errors", () => {
    const p = file("u/requirements.toml", "[mcp_servers]\n");
    for (const args of [
      [],
      [p, "--format", "xml"],
      [p, "--fail-on", "fatal"],
      [p, "--codex", ">=banana"],
      [p, "--nope"],
      [p, "--kind", "policy"],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/^codex-policy lint: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe("codex-policy lint: bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      "a missing path",
      () => [join(dir, "nowhere/requirements.toml")],
      /no such file or directory \[input-missing\]/,
    ],
    [
      "a binary file",
      () => [file("bin/requirements.toml", Buffer.from([0x61, 0x00, 0x62]))],
      /binary content .* \[input-binary\]/,
    ],
    [
      "an empty file",
      () => [file("empty/requirements.toml", "  \n")],
      /requirements\.toml:1:1: the file is empty \[input-empty\]/,
    ],
    [
      "a file over 1 MB",
      () => [file("huge/requirements.toml", `# ${"x".repeat(1024 * 1024)}\n`)],
      /over the 1 MB limit for a policy file \[input-too-large\]/,
    ],
    [
      "invalid UTF-8",
      () => [file("latin/requirements.toml", Buffer.from([0x23, 0xe9, 0x0a]))],
      /not valid UTF-8.* \[input-not-utf8\]/,
    ],
    [
      "a name that implies no kind",
      () => [file("policy.txt", "[mcp_servers]\n")],
      /pass --kind .* \[input-kind-unknown\]/,
    ],
    ["a directory without policy files", () => [emptyDir("none")], /\[input-no-policy\]/],
    [
      "a malformed baseline",
      () => [file("bl/requirements.toml", "[mcp_servers]\n"), "--baseline", file("bl/b.json", "{")],
      /not JSON.* \[baseline-invalid\]/,
    ],
  ];
  it.each(cases)("%s: exit 2, one line naming the file, no stack", (_, args, message) => {
    const r = cli(...args());
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a FIFO (which a read would block on): exit 2 without reading it", () => {
    const p = join(emptyDir("fifo"), "requirements.toml");
    expect(spawnSync("mkfifo", [p]).status).toBe(0);
    const r = cli(p);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/requirements\.toml: not a regular file \[input-unreadable\]/);
  });

  it("non-TOML is a located toml-syntax finding (exit 1)", () => {
    const r = cli(file("nottoml/requirements.toml", "this is not toml\n"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/requirements\.toml:1:\d+ {2}error {2}toml-syntax/);
  });
});

describe("codex-policy lint: files", () => {
  it("never modifies what it reads, in any format", () => {
    const p = file("ro/requirements.toml", BAD);
    const before = statSync(p).mtimeMs;
    for (const f of ["readable", "json", "sarif", "github"]) cli(p, "--format", f);
    expect(readFileSync(p, "utf8")).toBe(BAD);
    expect(statSync(p).mtimeMs).toBe(before);
  });

  it("--fix rewrites the mechanical findings and leaves the rest to the author", () => {
    const p = file("fix/requirements.toml", BAD);
    const r = cli(p, "--fix");
    expect(r.code).toBe(0);
    expect(readFileSync(p, "utf8")).toBe(
      '# fleet\nallowed_approval_policies = ["never"]\n\n[rules]\nprefix_rules = [\n  { pattern = [{ token = "rm" }, { token = "-rf" }], decision = "forbidden" },\n]\n',
    );
  });

  it("a directory lints each policy file, and requirements against managed_config", () => {
    file("pair/requirements.toml", 'allowed_approval_policies = ["on-request"]\n');
    file("pair/managed_config.toml", 'approval_policy = "never"\n');
    file("pair/notes.md", "# not a policy\n");
    const r = cli(join(dir, "pair"), "--codex", ">=0.135 <0.139", "--format", "json");
    const out = JSON.parse(r.out);
    expect(out.files).toBe(2);
    const byCode = Object.fromEntries(
      out.findings.map((f: { code: string; releases: string }) => [f.code, f.releases]),
    );
    expect(byCode).toEqual({
      "legacy-key-overridden": "0.135–0.136",
      "legacy-overrides-requirements": "0.137–0.138",
    });
  });

  it("--write-baseline then --baseline: only new findings fail", () => {
    const p = file("base/requirements.toml", BAD);
    const b = join(dir, "base/baseline.json");
    expect(cli(p, "--write-baseline", b).code).toBe(0);
    expect(cli(p, "--baseline", b).code).toBe(0);
    writeFileSync(p, `allowed_login_methods = []\n${BAD}`);
    const r = cli(p, "--baseline", b);
    expect(r.code).toBe(1);
    expect(r.out).toContain("login-methods-empty");
    expect(r.out).not.toContain("command-rules-blog-syntax");
  });

  it("--format sarif and github print their formats", () => {
    const p = file("fmt/requirements.toml", BAD);
    const sarif = JSON.parse(cli(p, "--format", "sarif").out);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "fmt/requirements.toml",
    );
    expect(cli(p, "--format", "github").out).toMatch(/^::error file=.*requirements\.toml,line=4,col=1,/m);
  });
});
