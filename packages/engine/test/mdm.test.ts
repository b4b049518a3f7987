import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMdm } from "../src/areas.js";
import { Diagnostics } from "../src/model.js";

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
const run = (mdm: Record<string, string>, os: "macos" | "linux" | "windows" = "macos") => {
  const diag = new Diagnostics();
  const out = decodeMdm(ScenarioSchema.parse({ host: { os }, mdm }), diag);
  return { out, diag };
};

describe("decodeMdm", () => {
  it("decodes both payloads on macOS, trimming whitespace", () => {
    const { out, diag } = run({
      requirements_toml_base64: `  ${b64('allowed_sandbox_modes = ["read-only"]\n')}\n`,
      config_toml_base64: b64('approval_policy = "never"\n'),
    });
    expect(out).toEqual({
      requirements: 'allowed_sandbox_modes = ["read-only"]\n',
      config: 'approval_policy = "never"\n',
    });
    expect(diag.errors).toEqual([]);
  });
  it("empty or whitespace means absent", () => {
    expect(run({ requirements_toml_base64: "  \n" }).out).toEqual({});
  });
  it("no MDM off macOS, with a notice only when payloads exist", () => {
    const r = run({ requirements_toml_base64: b64("x = 1") }, "linux");
    expect(r.out).toEqual({});
    expect(r.diag.notices.map((n) => n.kind)).toEqual(["mdm-absent"]);
    expect(r.diag.errors).toEqual([]);
    expect(run({}, "windows").diag.notices).toEqual([]);
  });
  it("bad base64 is a located error naming the key", () => {
    const { out, diag } = run({ requirements_toml_base64: "abc!", config_toml_base64: b64("a = 1") });
    expect(out).toEqual({ config: "a = 1" });
    expect(diag.errors).toEqual([
      {
        code: "mdm-base64",
        layer: "mdm.requirements",
        message:
          "com.openai.codex:requirements_toml_base64: Failed to decode managed value as base64: Invalid symbol 33, offset 3.",
      },
    ]);
  });
  it("strict padding, length and trailing bits", () => {
    const msg = (s: string) => run({ config_toml_base64: s }).diag.errors[0]?.message.split(": ").pop();
    expect(msg("YQ")).toBe("Invalid padding");
    expect(msg("YQ=")).toBe("Invalid padding");
    expect(msg("YWJjZ")).toBe("Invalid input length.");
    expect(msg("YR==")).toBe("Invalid last symbol 82, offset 1.");
    expect(msg("YQ==YQ==")).toBe("Invalid symbol 61, offset 2.");
    expect(msg("YW Jj")).toBe("Invalid symbol 32, offset 2.");
    expect(run({ config_toml_base64: "YQ==" }).out).toEqual({ config: "a" });
    expect(run({ config_toml_base64: "YWJj" }).out).toEqual({ config: "abc" });
  });
  it("bad UTF-8 is a located error naming the key", () => {
    const { diag } = run({ config_toml_base64: b64(Uint8Array.from([0x61, 0x3d, 0x22, 0xff, 0x22])) });
    expect(diag.errors).toEqual([
      {
        code: "mdm-utf8",
        layer: "mdm.config",
        message:
          "com.openai.codex:config_toml_base64: Managed value base64 contents were not valid UTF-8: invalid utf-8 sequence of 1 bytes from index 3",
      },
    ]);
    expect(
      run({ config_toml_base64: b64(Uint8Array.from([0x61, 0xe2, 0x82])) }).diag.errors[0]?.message,
    ).toMatch(/incomplete utf-8 byte sequence from index 1$/);
    expect(run({ config_toml_base64: b64(Uint8Array.from([0xed, 0xa0, 0x80])) }).diag.errors[0]?.code).toBe(
      "mdm-utf8",
    );
  });
  it("round-trips any text and never throws", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, junk) => {
        const r = run({ requirements_toml_base64: b64(text), config_toml_base64: junk });
        expect(r.out.requirements).toBe(text.trim() === "" && b64(text) === "" ? undefined : text);
        decodeMdm(
          { host: { os: "macos" }, mdm: { requirements_toml_base64: junk } } as never,
          new Diagnostics(),
        );
      }),
    );
  });
});
