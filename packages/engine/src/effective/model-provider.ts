import { configured } from "../config/stack.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { isTable } from "../toml.js";

/** Providers Codex knows without a `model_providers` entry (0.169.0 binary: others are "not found"). */
export const BUILT_IN_MODEL_PROVIDERS = ["openai", "ollama", "lmstudio", "amazon-bedrock"];

/**
 * The provider Codex starts with must exist: a built-in, or an entry of `model_providers` in the
 * requirements or any config file. Otherwise Codex stops with `Model provider `x` not found`.
 */
export function checkModelProvider(
  fields: Record<string, ComposedField>,
  layers: ConfigLayer[],
  diag: Diagnostics,
): void {
  const required = fields.model_provider;
  const config = configured(layers, "model_provider");
  const [chosen, layer] =
    typeof required?.value === "string"
      ? [required.value, required.layer.layerId]
      : [config?.value, config?.layer.layerId];
  if (typeof chosen !== "string" || BUILT_IN_MODEL_PROVIDERS.includes(chosen)) return;
  const defined = [fields.model_providers?.value, ...layers.map((l) => l.doc.model_providers)];
  if (defined.some((t) => isTable(t) && isTable(t[chosen]))) return;
  // No warning, no defaults: Codex stops (binary).
  diag.fail({
    code: "model-provider-unknown",
    layer: layer ?? "scenario",
    message: `Model provider \`${chosen}\` not found`,
  });
}
