import type { ComposedField, RequirementLayer } from "../model.js";

/**
 * How Codex names the source of a composed field in messages: the layer's label, or
 * `requirements layers: a, b` (highest first, de-duplicated) when several layers contributed.
 */
export function layersLabel(layers: readonly RequirementLayer[]): string {
  const labels: string[] = [];
  for (const l of layers) if (!labels.includes(l.label)) labels.push(l.label);
  if (labels.length === 0) return "<unspecified>";
  if (labels.length === 1) return labels[0]!;
  return `requirements layers: ${labels.join(", ")}`;
}

export function fieldLabel(field: ComposedField): string {
  return layersLabel(field.layers.length > 0 ? field.layers : [field.layer]);
}
