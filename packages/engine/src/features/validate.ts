import { isTable, serdeType } from "../toml.js";

export interface FieldIssue {
  code: string;
  message: string;
  /** Dotted path Codex prints after `in`; absent means the field's own key. */
  path?: string;
}

/** Type check of a `[features]` requirement table, as Codex's deserializer words it. */
export function validateFeaturesRequirement(value: unknown): FieldIssue | null {
  if (!isTable(value)) {
    return {
      code: "invalid-type",
      message: `invalid type: ${serdeType(value)}, expected struct FeatureRequirementsInput`,
    };
  }
  for (const v of Object.values(value)) {
    if (typeof v !== "boolean") {
      return { code: "invalid-type", message: `invalid type: ${serdeType(v)}, expected a boolean` };
    }
  }
  return null;
}
