import { CONFIG_UNTRUSTED_APPROVAL, legacyProfileError, unknownVariant } from "../messages.js";
import type { ConfigLayer, Diagnostics } from "../model.js";
import { isTable } from "../toml.js";

const CONFIG_VARIANTS: Record<string, readonly string[]> = {
  approval_policy: ["untrusted", "on-failure", "on-request", "never"],
  sandbox_mode: ["read-only", "workspace-write", "danger-full-access"],
  web_search: ["disabled", "cached", "indexed", "live"],
  approvals_reviewer: ["user", "auto_review", "guardian_subagent"],
};

/** Config-level refusals: removed settings and values Codex cannot parse. */
export function checkConfigLayers(layers: ConfigLayer[], diag: Diagnostics): void {
  for (const layer of layers) {
    const profile = layer.doc.profile;
    if (typeof profile === "string" && layer.kind !== "session" && layer.kind !== "profile") {
      diag.fail({
        code: "config-legacy-profile",
        layer: layer.layerId,
        message: legacyProfileError(profile),
      });
      return;
    }
    for (const [key, variants] of Object.entries(CONFIG_VARIANTS)) {
      const v = layer.doc[key];
      if (v === undefined) continue;
      if (key === "approval_policy" && isTable(v)) continue; // granular form
      if (key === "approval_policy" && v === "untrusted") {
        diag.fail({
          code: "config-approval-untrusted",
          layer: layer.layerId,
          message: CONFIG_UNTRUSTED_APPROVAL,
        });
        return;
      }
      if (typeof v !== "string" || !variants.includes(v)) {
        const shown = typeof v === "string" ? v : JSON.stringify(v);
        diag.fail({
          code: typeof v === "string" ? "unknown-variant" : "invalid-type",
          layer: layer.layerId,
          message: `${layer.label}: ${unknownVariant(shown, variants)}\nin \`${key}\``,
        });
        return;
      }
    }
  }
}

/** Thread parameters a client passes to thread/start; invalid ones are rejected by the server. */
export function checkThreadParams(
  thread: {
    approval_policy?: string | undefined;
    approvals_reviewer?: string | undefined;
    sandbox?: string | undefined;
  },
  diag: Diagnostics,
): void {
  const pairs: [string, string | undefined, readonly string[]][] = [
    ["approval_policy", thread.approval_policy, CONFIG_VARIANTS.approval_policy!],
    ["approvals_reviewer", thread.approvals_reviewer, CONFIG_VARIANTS.approvals_reviewer!],
    ["sandbox", thread.sandbox, CONFIG_VARIANTS.sandbox_mode!],
  ];
  for (const [key, v, variants] of pairs) {
    if (v !== undefined && !variants.includes(v)) {
      diag.fail({
        code: "unknown-variant",
        layer: "thread",
        message: `${unknownVariant(v, variants)}\nin \`${key}\``,
      });
      return;
    }
  }
}
