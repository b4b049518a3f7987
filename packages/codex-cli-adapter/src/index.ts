import { editionForVersion, type Outcome, type Scenario } from "@codex-policy/spec";
import { CHANNELS, type Channel } from "./channels.js";
import { findCodexBinary } from "./discover.js";
import { mapOutcome } from "./map/outcome.js";
import { requirementsChannelFor } from "./plan.js";
import { probe } from "./run.js";
import { turnProbeConflict, unsupportedReason } from "./unsupported.js";

export {
  CHANNELS,
  type Channel,
  channelsFor,
  NEVER_OBSERVED,
  underPrefix,
  unobservedFor,
} from "./channels.js";
export { type DiffRow, diffOutcomes, flatten } from "./compare.js";
export {
  type CodexBinary,
  findCodexBinary,
  INSTALL_HINT,
  installedCodexPath,
  PINNED_CODEX_VERSION,
  PINNED_RELEASES,
  pinnedReleasePath,
} from "./discover.js";
export { ADAPTER_ERROR_CODES, AdapterError, type AdapterErrorCode, adapterExitCode } from "./errors.js";
export { packRelease, unpackBinary } from "./fetch-release.js";
export { mapOutcome, UNOBSERVED } from "./map/outcome.js";
export { preflight } from "./preflight.js";
export type { RawObservations } from "./run.js";
export { unsupportedReason } from "./unsupported.js";

export type CodexRun =
  | { kind: "outcome"; outcome: Outcome; binaryVersion: string; raw: unknown }
  | { kind: "unsupported"; reason: string };

export interface RunOptions {
  codexBin?: string;
  /** Whole-probe limit; the namespace is killed when it passes. Default 60 s. */
  timeoutMs?: number;
  /** Limit for each step inside the probe (a command, an RPC, a model turn). Default a third of the whole, at least 2 s. */
  stepTimeoutMs?: number;
  /** Observations to make; default all. `requirements` always runs. */
  channels?: Channel[];
}

/**
 * Runs the scenario through the real Codex binary, isolated in private namespaces, and reports the
 * Outcome it showed. Throws AdapterError when the binary cannot be run at all.
 */
export async function runWithCodex(scenario: Scenario, opts: RunOptions = {}): Promise<CodexRun> {
  const reason = unsupportedReason(scenario);
  if (reason !== null) return { kind: "unsupported", reason };
  const binary = findCodexBinary({ codexBin: opts.codexBin });
  const wanted = new Set<Channel>(opts.channels ?? CHANNELS);
  wanted.add("requirements");
  const channels = CHANNELS.filter((c) => wanted.has(c));
  const turnConflict = turnProbeConflict(scenario);
  if (turnConflict !== null && (wanted.has("web_search") || wanted.has("commands")))
    return { kind: "unsupported", reason: turnConflict };
  const { raw, paths } = await probe(scenario, {
    codexBin: binary.path,
    channels,
    requirementsVia: requirementsChannelFor(binary.version),
    timeoutMs: opts.timeoutMs ?? 60_000,
    stepTimeoutMs: opts.stepTimeoutMs,
  });
  const own = editionForVersion(binary.version);
  const outcome = mapOutcome(raw, scenario, channels, paths, own.ok ? own.edition : undefined);
  return { kind: "outcome", outcome, binaryVersion: binary.version, raw };
}
