import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { afterAll, describe, expect, it } from "vitest";
import { findCodexBinary, parseVersion } from "../src/discover.js";
import { AdapterError } from "../src/errors.js";
import { hostsLine, sessionArgs, threadParams, userConfigText } from "../src/plan.js";
import { checkEnvironment, type PreflightDeps } from "../src/preflight.js";
import { turnProbeConflict, unsupportedReason } from "../src/unsupported.js";

const dir = mkdtempSync(join(tmpdir(), "codex-adapter-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeCodex(name: string, script: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${script}\n`);
  chmodSync(p, 0o755);
  return p;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AdapterError) return e.code;
    throw e;
  }
  return undefined;
}

describe("findCodexBinary", () => {
  it("prefers --codex-bin, then CODEX_BIN, and reports the version", () => {
    const a = fakeCodex("a", 'echo "codex-cli 9.8.7"');
    const b = fakeCodex("b", 'echo "codex-cli 1.2.3"');
    expect(findCodexBinary({ codexBin: a, env: { CODEX_BIN: b } })).toEqual({ path: a, version: "9.8.7" });
    expect(findCodexBinary({ env: { CODEX_BIN: b } })).toEqual({ path: b, version: "1.2.3" });
  });

  it("a missing path is binary-missing with a one-line fix", () => {
    let err: AdapterError | undefined;
    try {
      findCodexBinary({ codexBin: join(dir, "nope") });
    } catch (e) {
      err = e as AdapterError;
    }
    expect(err?.code).toBe("binary-missing");
    expect(err?.message).not.toContain("\n");
    expect(err?.message).toMatch(/codex/);
  });

  it("a non-executable file and a binary that prints no version are reported", () => {
    const p = join(dir, "plain");
    writeFileSync(p, "x");
    chmodSync(p, 0o644);
    expect(codeOf(() => findCodexBinary({ codexBin: p }))).toBe("binary-missing");
    expect(codeOf(() => findCodexBinary({ codexBin: fakeCodex("mute", "echo hello") }))).toBe(
      "binary-broken",
    );
    expect(codeOf(() => findCodexBinary({ codexBin: fakeCodex("fails", "exit 3") }))).toBe("binary-broken");
  });

  it("finds the installed @openai/codex binary without options", () => {
    const found = findCodexBinary({ env: {} });
    expect(found.path).toMatch(/vendor\/[^/]+-linux-musl\/bin\/codex$/);
    expect(found.version).toBe("0.169.0");
  });

  it("parseVersion", () => {
    expect(parseVersion("codex-cli 0.169.0\n")).toBe("0.169.0");
    expect(parseVersion("nothing")).toBeNull();
  });
});

describe("preflight checks", () => {
  const ok: PreflightDeps = { platform: "linux", uid: 0, which: () => true, canUnshare: () => true };
  it("passes on Linux as root with unshare", () => {
    expect(checkEnvironment(ok)).toEqual([]);
  });
  it("uses a user namespace when not root and it works", () => {
    expect(checkEnvironment({ ...ok, uid: 1000 })).toEqual(["--user", "--map-root-user"]);
  });
  it.each([
    [{ ...ok, platform: "darwin" }, "not-linux"],
    [{ ...ok, which: (t: string) => t !== "unshare" }, "unshare-missing"],
    [{ ...ok, which: (t: string) => t !== "ip" }, "unshare-missing"],
    [{ ...ok, uid: 1000, canUnshare: () => false }, "no-namespaces"],
    [{ ...ok, canUnshare: () => false }, "no-namespaces"],
  ])("fails with a stable code (%#)", (deps, code) => {
    let err: AdapterError | undefined;
    try {
      checkEnvironment(deps as PreflightDeps);
    } catch (e) {
      err = e as AdapterError;
    }
    expect(err?.code).toBe(code);
    expect(err?.message.split("\n")).toHaveLength(1);
  });
});

describe("unsupportedReason", () => {
  const base = ScenarioSchema.parse({});
  it("a plain Linux scenario is supported", () => {
    expect(unsupportedReason(base)).toBeNull();
  });
  it.each([
    [{ host: { os: "macos" } }, /macos/],
    [{ host: { os: "windows" } }, /windows/],
    [{ cloud: { rules: [] } }, /cloud/],
    [{ mdm: { requirements_toml_base64: "YQ==" } }, /MDM/],
    [{ session: { profile: "p" } }, /profile/],
    [{ host: { hostname: "x".repeat(65) } }, /hostname/],
  ])("%o is unsupported with a reason", (input, re) => {
    expect(unsupportedReason(ScenarioSchema.parse(input))).toMatch(re);
  });
});

describe("turnProbeConflict", () => {
  it("refuses the turn probe only when requirements name models for auto review", () => {
    expect(turnProbeConflict(ScenarioSchema.parse({}))).toBeNull();
    expect(
      turnProbeConflict(
        ScenarioSchema.parse({ system: { requirements: '[auto_review]\nrequired_on_models = ["o3"]\n' } }),
      ),
    ).toMatch(/required_on_models/);
    expect(turnProbeConflict(ScenarioSchema.parse({ user: { config: 'model = "o3"\n' } }))).toBeNull();
  });
});

describe("scenario → probe plan", () => {
  it("appends the trust entry to the user's config verbatim", () => {
    const s = ScenarioSchema.parse({
      user: { config: 'web_search = "live"' },
      project: { trust: "trusted" },
    });
    expect(userConfigText(s, "/w/p")).toBe(
      'web_search = "live"\n\n[projects."/w/p"]\ntrust_level = "trusted"\n',
    );
    expect(userConfigText(ScenarioSchema.parse({ project: { trust: "unknown" } }), "/w/p")).toBeNull();
    expect(userConfigText(ScenarioSchema.parse({ project: { trust: "untrusted" } }), "/w/p")).toContain(
      'trust_level = "untrusted"',
    );
  });
  it("session flags and thread params", () => {
    const s = ScenarioSchema.parse({
      session: {
        overrides: ['web_search="live"'],
        enable: ["a"],
        disable: ["b"],
        thread: { approval_policy: "never", sandbox: "read-only" },
      },
    });
    expect(sessionArgs(s)).toEqual(["-c", 'web_search="live"', "--enable", "a", "--disable", "b"]);
    expect(threadParams(s)).toEqual({ approvalPolicy: "never", sandbox: "read-only" });
  });
  it("/etc/hosts line gives the host its FQDN", () => {
    expect(hostsLine(ScenarioSchema.parse({ host: { hostname: "box1", fqdn: "box1.a.b" } }))).toBe(
      "127.0.0.1 box1.a.b box1",
    );
    expect(hostsLine(ScenarioSchema.parse({ host: { hostname: "box1" } }))).toBeNull();
  });
});
