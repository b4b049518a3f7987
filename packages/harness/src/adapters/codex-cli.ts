import { editionForVersion, type Outcome, type Scenario } from "@codex-policy/spec";
import { CAPABILITIES } from "../capabilities.js";
import { AdapterStartError } from "../errors.js";
import { InProcessAdapter } from "./in-process.js";

/** The part of @codex-policy/codex-cli-adapter the harness uses. */
interface CodexCliModule {
  runWithCodex(
    scenario: Scenario,
    opts?: { codexBin?: string; timeoutMs?: number; channels?: string[] },
  ): Promise<
    { kind: "outcome"; outcome: Outcome; binaryVersion: string } | { kind: "unsupported"; reason: string }
  >;
  unsupportedReason(scenario: Scenario): string | null;
  findCodexBinary(opts?: { codexBin?: string }): { path: string; version: string };
  preflight(opts?: { codexBin?: string }): void;
  channelsFor(paths: string[]): string[];
  NEVER_OBSERVED?: string[];
  adapterExitCode(e: { code?: string }, given?: string): 2 | 3;
}

/** What the real binary cannot be given: a cloud backend, macOS MDM, a non-Linux host. */
// 0.169.0 rejects --profile outside runtime commands, so the probe cannot select a profile.
const NOT_CLAIMED = new Set(["cloud", "mdm", "profile", "os:macos", "os:windows"]);

async function load(): Promise<CodexCliModule> {
  try {
    return (await import("@codex-policy/codex-cli-adapter")) as CodexCliModule;
  } catch (e) {
    throw new AdapterStartError(
      `cannot load @codex-policy/codex-cli-adapter: ${(e as Error).message.split("\n")[0]}`,
    );
  }
}

/** The real Codex binary, through the codex-cli adapter. Loaded lazily; absent means exit 3. */
export function codexCliAdapter(opts: { codexBin?: string } = {}): InProcessAdapter {
  let mod: CodexCliModule | null = null;
  return new InProcessAdapter({
    info: {
      name: "codex-cli",
      version: "unknown",
      language: "rust",
      kind: "codex-cli",
      capabilities: CAPABILITIES.filter((c) => !NOT_CLAIMED.has(c)),
      editions: ["codex-0.169"],
    },
    async start() {
      mod = await load();
      try {
        mod.preflight(opts);
        const bin = mod.findCodexBinary(opts);
        const own = editionForVersion(bin.version);
        return {
          version: bin.version,
          editions: own.ok ? [own.edition] : [],
          unobservable: mod.NEVER_OBSERVED ?? ["notices", "trace", "cloud"],
        };
      } catch (e) {
        const message = `codex binary not usable: ${(e as Error).message.split("\n")[0]}`;
        if (mod.adapterExitCode(e as { code?: string }, opts.codexBin ?? process.env.CODEX_BIN) === 2)
          throw new AdapterStartError(message, "codex-bin-invalid", 2);
        throw new AdapterStartError(message);
      }
    },
    async resolve(scenario, _edition, ctx) {
      const m = mod!;
      const why = m.unsupportedReason(scenario);
      if (why) return { skipped: why };
      const r = await m.runWithCodex(scenario, {
        ...opts,
        timeoutMs: ctx.timeoutMs,
        channels: m.channelsFor(ctx.paths),
      });
      return r.kind === "unsupported" ? { skipped: r.reason } : r.outcome;
    },
  });
}
