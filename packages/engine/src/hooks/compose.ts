import type { OutcomeError } from "@codex-policy/spec";
import type { EditionSpec } from "../editions.js";
import type { RequirementLayer } from "../model.js";
import { isTable, type TomlTable } from "../toml.js";
import { isHookEvent } from "./events.js";

export interface HookLayerInput {
  value: unknown;
  layer: RequirementLayer;
}

/**
 * Composes managed `[hooks]` across requirement layers (highest first). codex-0.169: the
 * highest layer seeds, lower layers' event groups are appended, and the active platform's
 * managed dir must agree; `documented`: the first writer owns the table.
 */
export function composeHooks(
  layersHighFirst: HookLayerInput[],
  edition: EditionSpec,
  os: string = "linux",
): { value: unknown; layers: RequirementLayer[]; error?: OutcomeError } {
  const inputs = (Array.isArray(layersHighFirst) ? layersHighFirst : []).filter((l) => l?.layer);
  if (inputs.length === 0) return { value: undefined, layers: [] };
  if (edition?.merge !== "deep") return { value: inputs[0]!.value, layers: [inputs[0]!.layer] };

  const active = os === "windows" ? "windows_managed_dir" : "managed_dir";
  const inactive = os === "windows" ? "managed_dir" : "windows_managed_dir";
  const out: TomlTable = {};
  const layers: RequirementLayer[] = [];
  let dirOwner: RequirementLayer | undefined;
  for (const { value, layer } of inputs) {
    if (!isTable(value)) continue;
    layers.push(layer);
    const dir = value[active];
    if (dir !== undefined) {
      if (out[active] === undefined) {
        out[active] = dir;
        dirOwner = layer;
      } else if (out[active] !== dir && edition.hooksDirConflictFatal) {
        return {
          value: out,
          layers,
          error: {
            code: "hooks-managed-dir-conflict",
            layer: layer.layerId,
            message: `failed to compose requirements field \`hooks.${active}\` between ${dirOwner!.label} and ${layer.label}: \`${String(out[active])}\` conflicts with \`${String(dir)}\``,
          },
        };
      }
    }
    if (value[inactive] !== undefined && out[inactive] === undefined) out[inactive] = value[inactive];
    for (const [k, v] of Object.entries(value)) {
      if (k === active || k === inactive) continue;
      if (isHookEvent(k) && Array.isArray(v)) {
        const prev = out[k];
        out[k] = Array.isArray(prev) ? [...prev, ...v] : [...v];
      } else if (!(k in out)) {
        out[k] = v;
      }
    }
  }
  return { value: out, layers };
}
