import { LATEST_EDITION, RELEASE_EDITIONS } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";
import { describeReleases, targetEditions } from "../src/targets.js";

describe("--codex targets", () => {
  it("default to the newest modelled release", () => {
    expect(targetEditions(undefined)).toEqual({ ok: true, editions: [LATEST_EDITION] });
  });
  it("cover every published release in a range", () => {
    const t = targetEditions(">=0.130 <0.133");
    expect(t).toEqual({
      ok: true,
      editions: ["codex-0.130", "codex-0.131", "codex-0.132"].filter((e) => RELEASE_EDITIONS.includes(e)),
    });
  });
  it("explain a bad or empty range", () => {
    expect(targetEditions(">=banana")).toMatchObject({
      ok: false,
      message: expect.stringContaining("--codex"),
    });
    expect(targetEditions(">=9.0")).toMatchObject({
      ok: false,
      message: expect.stringContaining("matches no published"),
    });
  });
  it("describe the releases a finding holds for as ranges of targets", () => {
    const targets = ["codex-0.110", "codex-0.111", "codex-0.112", "codex-0.120", "codex-0.121"];
    expect(describeReleases(["codex-0.110", "codex-0.111", "codex-0.121"], targets)).toBe(
      "0.110–0.111, 0.121",
    );
  });
  it("say which releases a finding applies to when only some do", () => {
    const t = targetEditions(">=0.120 <0.126");
    if (!t.ok) throw new Error(t.message);
    const found = lintText({
      file: "requirements.toml",
      kind: "requirements",
      text: "[features]\nno_such_feature = true\n",
      targets: t.editions,
    });
    const pin = found.filter((f) => f.code === "unknown-feature-requirement");
    expect(pin).toHaveLength(1);
    // An error while releases refuse unknown pins (to 0.123), a warning after: the worst is kept.
    expect(pin[0]!.severity).toBe("error");
    expect(pin[0]!.editions).toEqual(t.editions);
    const unknownInRange = lintText({
      file: "requirements.toml",
      kind: "requirements",
      text: 'allowed_approvals_reviewers = ["user"]\n',
      targets: ["codex-0.118", "codex-0.120"],
    });
    const k = unknownInRange.find((f) => f.code === "unknown-key");
    expect(k?.releases).toBe("0.118");
  });
});
