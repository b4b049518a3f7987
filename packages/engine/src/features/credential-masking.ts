import type { FeatureState } from "@codex-policy/spec";
import type { ComposedField } from "../model.js";
import { isTable } from "../toml.js";
import { featureEnabled } from "./resolve.js";

/**
 * Credential masking works through the managed network proxy, which runs only when requirements
 * enable `[experimental_network]`; the `network_proxy` feature alone does not start it (binary).
 */
export function credentialMaskingInactive(
  features: Record<string, FeatureState>,
  network: ComposedField | undefined,
): boolean {
  if (!featureEnabled(features, "credential_masking")) return false;
  return !(isTable(network?.value) && network.value.enabled === true);
}
