import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pinnedReleasePath } from "@codex-policy/codex-cli-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binaryMissing, binaryProblem } from "../../../packages/codex-cli-adapter/test/needs-binary.js";

const root = join(import.meta.dirname, "..", "..", "..");
const bin = join(root, "apps/cli/bin/codex-policy.mjs");
const work = mkdtempSync(join(tmpdir(), "codex-policy-try-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const newest = pinnedReleasePath("0.171.0");
const problem = binaryProblem() ?? (newest ? null : "codex 0.171.0 is not installed");

const scratch = join(work, "tmp");
const tarball = join(work, "codex-0.171.0.tar");
const cases = join(work, "cases");

// A package tarball laid out as npm ships it (package/vendor/<triple>/…), made from the pinned
// install so the test needs no network; `--tarball` takes the place of `npm pack`.
beforeAll(() => {
  if (problem !== null) return;
  mkdirSync(scratch);
  const vendor = realpathSync(join(dirname(newest!), "..", ".."));
  mkdirSync(join(work, "pkg", "package"), { recursive: true });
  symlinkSync(vendor, join(work, "pkg", "package", "vendor"));
  const tar = spawnSync("tar", ["-chf", tarball, "-C", join(work, "pkg"), "package"]);
  expect(tar.status).toBe(0);
  mkdirSync(cases);
  for (const f of [
    "rules/rules-absolute-path-basename.toml",
    "approval/approval-defaults-without-requirements.toml",
  ])
    copyFileSync(join(root, "conformance/cases", f), join(cases, f.split("/")[1]!));
});

const tryRelease = (...args: string[]) =>
  spawnSync(process.execPath, [bin, "releases", "--try", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, TMPDIR: scratch },
  });

describe("codex-policy releases --try on a real package", () => {
  if (problem !== null) return binaryMissing("releases --try", problem);

  it("unpacks the release, runs the claims about it under its edition, reports per release and deletes everything", () => {
    const r = tryRelease("0.171.0", "--tarball", tarball, "--cases", cases);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^codex-policy conformance: codex-cli 0\.171\.0/);
    expect(r.stdout).toMatch(/^0\.171\.0\s+[1-9]\d*\s+0\s+0/m);
    expect(r.stdout).toMatch(
      /codex 0\.171\.0 matches codex-0\.171, its own edition, on all [1-9]\d* instances/,
    );
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("an expectation the release does not meet is a difference: listed, counted, exit 1", () => {
    const wrong = join(work, "wrong");
    mkdirSync(wrong);
    writeFileSync(
      join(wrong, "wrong.toml"),
      [
        'id = "policy-expects-live"',
        'description = "claims web search is live under a cached-only policy"',
        'editions = ["codex-0.169"]',
        'codex = ">=0.150.0"',
        'tags = ["policy"]',
        'evidence = ["https://example.com/policy"]',
        "[scenario.system]",
        "requirements = 'allowed_web_search_modes = [\"cached\"]'",
        "[[tests]]",
        'id = "main"',
        "[tests.expect]",
        '"effective.web_search" = "live"',
        "",
      ].join("\n"),
    );
    const r = tryRelease("0.171.0", "--tarball", tarball, "--cases", wrong);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("policy-expects-live:main [codex-0.171]");
    expect(r.stdout).toMatch(
      /codex 0\.171\.0 differs from codex-0\.171, its own edition, in 1 of 1 instances/,
    );
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("a package whose binary is another release is refused", () => {
    const r = tryRelease("0.170.0", "--tarball", tarball, "--cases", cases);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the package holds codex 0\.171\.0, not 0\.170\.0\n$/);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
