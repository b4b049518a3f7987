import type { Scenario } from "@codex-policy/spec";
import type { Diagnostics } from "../model.js";
import { catalogueFor } from "./catalogue.js";

/**
 * `--enable` and `--disable` name features of the running release; any other name stops Codex while it
 * reads its command line, before `-c` overrides and any file (binary 0.128.0, 0.169.0).
 */
export function checkFeatureFlags(session: Scenario["session"], release: string, diag: Diagnostics): void {
  const cat = catalogueFor(release);
  for (const name of [...session.enable, ...session.disable]) {
    if (cat.config(name) || cat.alias(name)) continue;
    diag.fail({ code: "unknown-feature-flag", layer: "session", message: `Unknown feature flag: ${name}` });
    return;
  }
}
