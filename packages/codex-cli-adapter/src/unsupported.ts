import type { Scenario } from "@codex-policy/spec";

/** Linux limits the kernel hostname to 64 bytes. */
const MAX_HOSTNAME = 64;

/**
 * Why the binary cannot be given this scenario on Linux, or null when it can. Never guesses: a
 * scenario with any part the probe cannot express is reported, not run with that part dropped.
 */
export function unsupportedReason(scenario: Scenario): string | null {
  if (scenario.host.os !== "linux") {
    return `host.os = "${scenario.host.os}": the Linux binary only reads /etc/codex; ${scenario.host.os} paths and MDM cannot be expressed`;
  }
  if (scenario.cloud) {
    return "cloud requirements need a ChatGPT login and the network; the probe runs with loopback only and cannot express a cloud layer";
  }
  if (scenario.mdm && Object.values(scenario.mdm).some((v) => v !== undefined)) {
    return "MDM managed preferences exist only on macOS; the Linux binary cannot read them";
  }
  if (scenario.session.profile !== undefined) {
    return "session.profile: `codex app-server` and `codex features list` reject --profile (0.169.0 applies it only to runtime commands), so the probe cannot select a profile";
  }
  if (Buffer.byteLength(scenario.host.hostname) > MAX_HOSTNAME || scenario.host.hostname.includes("\n")) {
    return `host.hostname is not a valid Linux kernel hostname (at most ${MAX_HOSTNAME} bytes, one line)`;
  }
  if (scenario.host.fqdn !== undefined && /\s/.test(scenario.host.fqdn)) {
    return "host.fqdn contains whitespace and cannot be written as an /etc/hosts name";
  }
  if (/\s/.test(scenario.host.hostname) && scenario.host.fqdn !== undefined) {
    return "host.hostname contains whitespace and cannot be written as an /etc/hosts alias";
  }
  return null;
}

/**
 * Why the turn probe (web search, commands) cannot run this scenario, or null. The turn needs a
 * model on the thread, and the thread's model is what `[auto_review] required_on_models` is
 * checked against, so any such list would judge the probe's model instead of the scenario's.
 */
export function turnProbeConflict(scenario: Scenario): string | null {
  const texts = [scenario.system?.requirements, scenario.system?.managed_config];
  if (texts.some((t) => t !== undefined && /required_on_models/.test(t))) {
    return "the turn probe puts its own model on the thread, which `[auto_review] required_on_models` would check in place of the scenario's model";
  }
  return null;
}
