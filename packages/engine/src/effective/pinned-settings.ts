import { configured } from "../config/stack.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";

/**
 * Boolean settings a requirement of the same name overrides outright, in the order Codex warns
 * about them (binary 0.169.0). The warnings come after the unrecognized-settings one and before
 * any permission-profile or approval fallback.
 */
const PINNED = ["check_for_update_on_startup", "allow_login_shell"] as const;

export type PinnedSettings = Record<(typeof PINNED)[number], boolean>;

/** Each setting's value: the requirement's, else the configured one, else on. Warns when a requirement overrides config. */
export function pinnedSettings(
  fields: Record<string, ComposedField>,
  layers: readonly ConfigLayer[],
  diag: Diagnostics,
): PinnedSettings {
  const out = {} as PinnedSettings;
  for (const key of PINNED) {
    const required = fields[key];
    const set = configured(layers, key);
    const configuredValue = typeof set?.value === "boolean" ? set.value : undefined;
    if (typeof required?.value === "boolean") {
      out[key] = required.value;
      if (configuredValue !== undefined && configuredValue !== required.value) {
        const message = `Configured value for \`${key}\` is overridden by the required value ${required.value} from ${required.layer.label}.`;
        diag.warn("requirement-fallback", message);
        diag.notice({
          kind: "fallback",
          field: key,
          configured: configuredValue,
          effective: required.value,
          source: required.layer.source,
          message,
        });
      }
    } else out[key] = configuredValue ?? true;
  }
  return out;
}
