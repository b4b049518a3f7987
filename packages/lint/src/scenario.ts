import type { Scenario } from "@codex-policy/spec";
import type { PolicyKind } from "./kinds.js";

/** Extra files for a probe: a user's config.toml, to see what requirements do to it. */
export interface ProbeLayers {
  userConfig?: string;
  /** Other policy files of the same directory, by kind. */
  siblings?: Partial<Record<PolicyKind, string>>;
}

/** A scenario with `text` where Codex reads a file of `kind` on Linux: under /etc/codex. */
export function scenarioFor(kind: PolicyKind, text: string, extra: ProbeLayers = {}): Scenario {
  const system: NonNullable<Scenario["system"]> = { ...extra.siblings };
  system[kind] = text;
  return {
    host: { os: "linux", hostname: "localhost" },
    identity: { auth: "none", groups: [] },
    system,
    ...(extra.userConfig !== undefined ? { user: { config: extra.userConfig } } : {}),
    project: { trust: "unknown" },
    session: { overrides: [], enable: [], disable: [] },
    probe: { commands: [] },
  };
}
