import { configured } from "../config/stack.js";
import { debugName, notInAllowedSet, reviewerDebug } from "../messages.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { isTable } from "../toml.js";
import type { Resolved } from "./constrained.js";
import { reviewerConstraint } from "./settings.js";

export const autoReviewNeeded = (model: string): string =>
  `To use model \`${model}\`, you need to use auto review.`;

/**
 * `[auto_review] required_on_models`: when the configured `model` is listed (exact match), the
 * reviewer is the automatic one whatever the config says, silently. Codex stops when the reviewer
 * allow-list leaves it out, or when the `guardian_approval` feature is off (0.169.0 binary). A
 * model Codex picks by default is not checked.
 */
export function requireAutoReview(
  layers: ConfigLayer[],
  fields: Record<string, ComposedField>,
  reviewer: Resolved,
  guardianOn: boolean,
  diag: Diagnostics,
  release: { autoReviewerDebug: string },
): Resolved {
  const field = fields.auto_review;
  const models = isTable(field?.value) ? field.value.required_on_models : undefined;
  const model = configured(layers, "model")?.value;
  if (!field || !Array.isArray(models) || typeof model !== "string" || !models.includes(model))
    return reviewer;
  const k = reviewerConstraint(fields.allowed_approvals_reviewers);
  if (k.allowed && !k.allowed.includes("auto_review")) {
    diag.fail({
      code: "config-invalid",
      layer: fields.allowed_approvals_reviewers?.layer.layerId ?? field.layer.layerId,
      message: notInAllowedSet(
        "approvals_reviewer",
        reviewerDebug(debugName("auto_review"), release),
        k.display.map((d) => reviewerDebug(d, release)),
        k.label,
      ),
    });
    return reviewer;
  }
  if (!guardianOn) {
    diag.fail({ code: "config-invalid", layer: field.layer.layerId, message: autoReviewNeeded(model) });
    return reviewer;
  }
  return reviewer.value === "auto_review"
    ? reviewer
    : { value: "auto_review", origin: field.layer.source, fellBack: false };
}
