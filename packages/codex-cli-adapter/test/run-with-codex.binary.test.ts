import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithCodex } from "../src/index.js";
import { hostFingerprint, leftovers, processesMentioning, settled } from "./host-guard.js";
import { binaryMissing, binaryProblem } from "./needs-binary.js";

// Real-binary tests: a few scenarios end to end. Each file uses its own TMPDIR so that its leftover
// checks do not see other files' runs.
const available = binaryProblem();
const ownTmp = mkdtempSync(join(tmpdir(), "codex-adapter-binary-test-"));
const savedTmp = process.env.TMPDIR;
let before = "";

beforeAll(() => {
  process.env.TMPDIR = ownTmp;
  before = hostFingerprint();
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

const scenario = (input: unknown) => ScenarioSchema.parse(input);

describe("runWithCodex against codex-cli 0.169.0", () => {
  if (available !== null) return binaryMissing("runWithCodex", available);
  it("reports requirements, session values and the fallback warning (a05)", async () => {
    const run = await runWithCodex(
      scenario({
        system: { requirements: 'allowed_web_search_modes = ["cached"]' },
        user: { config: 'web_search = "live"' },
      }),
      { channels: ["session", "web_search"] },
    );
    if (run.kind !== "outcome") throw new Error("expected an outcome");
    expect(run.binaryVersion).toBe("0.169.0");
    const o = run.outcome;
    expect(o.status).toBe("ok");
    expect(o.requirements.allowed_web_search_modes?.value).toEqual(["cached", "disabled"]);
    expect(o.effective?.web_search).toBe("cached");
    expect(o.effective?.approval_policy).toBe("on-request");
    expect(o.warnings.map((w) => w.code)).toEqual(["requirement-fallback"]);
    expect(o.unobserved).toContain("effective.features");
  });

  it("reports a refusal with the binary's text (b17)", async () => {
    const run = await runWithCodex(
      scenario({ system: { requirements: 'allowed_sandbox_modes = ["workspace-write"]' } }),
      {
        channels: ["session"],
      },
    );
    if (run.kind !== "outcome") throw new Error("expected an outcome");
    expect(run.outcome.status).toBe("refused");
    expect(run.outcome.effective).toBeNull();
    expect(run.outcome.errors[0]?.code).toBe("sandbox-without-read-only");
    expect(run.outcome.errors[0]?.message).toContain("must include 'read-only'");
  });

  it("runs probe commands: forbidden is rejected, prompt asks, allowed runs; the FQDN hostname selects the remote entry", async () => {
    const run = await runWithCodex(
      scenario({
        host: { hostname: "box1", fqdn: "box1.devbox.example.com" },
        system: {
          requirements: [
            'allowed_sandbox_modes = ["read-only"]',
            "[[remote_sandbox_config]]",
            'hostname_patterns = ["*.devbox.example.com"]',
            'allowed_sandbox_modes = ["read-only", "workspace-write"]',
            "[rules]",
            'prefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }, { pattern = [{ token = "git" }, { token = "push" }], decision = "prompt" }]',
          ].join("\n"),
        },
        project: { trust: "trusted" },
        probe: { commands: ["rm -rf ./scratch", "git push origin main", "echo hi"] },
      }),
      { channels: ["session", "commands"] },
    );
    if (run.kind !== "outcome") throw new Error("expected an outcome");
    const o = run.outcome;
    expect(o.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "workspace-write"]);
    expect(o.effective?.sandbox_mode).toBe("workspace-write");
    expect(o.effective?.commands.map((c) => [c.command, c.decision, c.outcome])).toEqual([
      ["rm -rf ./scratch", "forbidden", "rejected"],
      ["git push origin main", "prompt", "ask-user"],
      ["echo hi", "none", "run"],
    ]);
    expect(o.effective?.commands[0]?.message).toContain("policy forbids commands starting with `rm`");
  });

  it("reports unsupported scenarios without running anything", async () => {
    const run = await runWithCodex(scenario({ host: { os: "macos" } }));
    expect(run.kind).toBe("unsupported");
  });

  it("a timeout kills the whole namespace, removes the temp dir and names the phase", async () => {
    await expect(
      runWithCodex(scenario({ probe: { commands: ["sleep 30"] } }), {
        channels: ["commands"],
        timeoutMs: 700,
      }),
    ).rejects.toMatchObject({ code: "probe-timeout" });
    expect(await settled(() => processesMentioning(ownTmp))).toEqual([]);
    expect(leftovers(ownTmp)).toEqual([]);
  });

  it("leaves the host's /etc untouched, no process behind and no temp dir", async () => {
    expect(hostFingerprint()).toBe(before);
    expect(await settled(() => processesMentioning(ownTmp))).toEqual([]);
    expect(leftovers(ownTmp)).toEqual([]);
  });
});
