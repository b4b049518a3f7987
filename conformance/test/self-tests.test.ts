import { AdapterStartError, JsonlAdapter, loadCorpus, runConformance } from "@codex-policy/harness";
import { describe, expect, it } from "vitest";
import { adapterPath, fixtureCases } from "./helpers.js";

async function runFixture(name: string, opts: { timeoutMs?: number; validate?: boolean } = {}) {
  const cases = await loadCorpus(fixtureCases);
  const adapter = new JsonlAdapter({ argv: [process.execPath, adapterPath(name)], validate: opts.validate });
  return runConformance({ adapter, cases, casesDir: fixtureCases, timeoutMs: opts.timeoutMs ?? 3000 });
}

const ran = (r: Awaited<ReturnType<typeof runFixture>>) => r.records.filter((x) => x.status !== "skipped");

describe("harness self-tests: deliberately broken adapters get the right status", () => {
  it("always permissive: fails every case that restricts something", async () => {
    const r = await runFixture("permissive");
    const failed = ran(r)
      .filter((x) => x.status === "fail")
      .map((x) => x.id);
    expect(failed).toEqual(
      expect.arrayContaining([
        "fixture.approval-explicit:disallowed-falls-back-first",
        "fixture.approval-single:never-configured",
        "fixture.sandbox-fallback:full-access-refused",
        "fixture.empty-approval-list:refused",
      ]),
    );
    expect(r.footer.exit_code).toBe(1);
  });

  it("wrong precedence (config beats requirements): fails exactly where a configured or default value is disallowed", async () => {
    const r = await runFixture("wrong-precedence");
    const failed = ran(r)
      .filter((x) => x.status === "fail")
      .map((x) => x.id)
      .sort();
    expect(failed).toEqual([
      "fixture.approval-default:default-disallowed",
      "fixture.approval-explicit:disallowed-falls-back-first",
      "fixture.approval-single:never-configured",
      "fixture.empty-approval-list:refused",
      "fixture.sandbox-fallback:full-access-refused",
    ]);
    expect(ran(r).find((x) => x.id === "fixture.approval-explicit:allowed-kept")!.status).toBe("pass");
  });

  it("crashes: every run is errored, stderr is captured, and the adapter is restarted", async () => {
    const r = await runFixture("crash");
    const xs = ran(r);
    expect(xs.length).toBeGreaterThan(3);
    for (const x of xs) {
      expect(x.status).toBe("errored");
      expect(x.reason).toMatch(/exited with code 3 while running/);
      expect(x.stderr).toContain(`segfault simulated while running ${x.id}`);
    }
    expect(r.footer.adapter_restarts).toBe(xs.length - 1);
  });

  it("hangs: every run times out, is killed and restarted, and the run finishes", async () => {
    const r = await runFixture("hang", { timeoutMs: 200 });
    const xs = ran(r);
    expect(xs.every((x) => x.status === "timeout" && x.reason === "no reply within 200 ms")).toBe(true);
    expect(r.footer.adapter_restarts).toBe(xs.length - 1);
  });

  it("prints garbage: protocol-error, and the next run goes to a fresh process", async () => {
    const r = await runFixture("garbage");
    const xs = ran(r);
    expect(
      xs.every((x) => x.status === "protocol-error" && x.reason?.startsWith("not JSON: Segmentation fault?")),
    ).toBe(true);
    expect(r.footer.adapter_restarts).toBe(xs.length - 1);
  });

  it("a well-formed but wrong Outcome is a protocol error only under --validate-protocol", async () => {
    const loose = await runFixture("bad-outcome");
    expect(ran(loose).some((x) => x.status === "pass")).toBe(true);
    const strict = await runFixture("bad-outcome", { validate: true });
    const xs = ran(strict);
    expect(xs.every((x) => x.status === "protocol-error" && x.reason?.startsWith("invalid reply"))).toBe(
      true,
    );
  });

  it("an adapter that cannot start or speaks another protocol version is an AdapterStartError", async () => {
    await expect(runFixture("no-start")).rejects.toThrow(AdapterStartError);
    await expect(runFixture("no-start")).rejects.toThrow(
      /exited with code 1 before answering start; stderr: no-start-fixture: missing license file/,
    );
    await expect(runFixture("old-protocol")).rejects.toThrow(/speaks protocol 99/);
  });
});
