import type { LayerId, Scenario } from "@codex-policy/spec";
import type { Diagnostics } from "../model.js";
import { decodeBase64Strict, decodeUtf8Strict } from "./base64.js";

const DOMAIN = "com.openai.codex";

const KEYS = [
  { key: "requirements_toml_base64", field: "requirements", layer: "mdm.requirements" },
  { key: "config_toml_base64", field: "config", layer: "mdm.config" },
] as const;

/** How Codex names the MDM requirements layer in messages. */
export const MDM_REQUIREMENTS_LABEL = `MDM ${DOMAIN}:requirements_toml_base64`;
/** How Codex names the legacy layer built from `config_toml_base64`. */
export const MDM_CONFIG_LABEL = "MDM managed_config.toml (legacy)";

/**
 * Decodes the macOS managed-preference payloads. Only macOS has MDM; elsewhere payloads are
 * ignored with an `mdm-absent` notice. A value is trimmed (empty means absent), then strict
 * base64, then UTF-8; each failure is an error naming the key. TOML is left to the caller.
 */
export function decodeMdm(scenario: Scenario, diag: Diagnostics): { requirements?: string; config?: string } {
  const mdm = scenario?.mdm;
  if (!mdm) return {};
  const present = KEYS.filter(({ key }) => typeof mdm[key] === "string");
  if (present.length === 0) return {};
  if (scenario.host?.os !== "macos") {
    diag.notice({
      kind: "mdm-absent",
      field: null,
      source: "mdm",
      message: `MDM payloads (${present.map((p) => p.key).join(", ")}) are ignored: host.os is ${String(scenario.host?.os ?? "linux")}, and only macOS reads managed preferences.`,
    });
    return {};
  }
  const out: { requirements?: string; config?: string } = {};
  for (const { key, field, layer } of present) {
    const raw = (mdm[key] as string).trim();
    if (raw === "") continue;
    const fail = (code: "mdm-base64" | "mdm-utf8", detail: string): void =>
      diag.fail({ code, layer: layer as LayerId, message: `${DOMAIN}:${key}: ${detail}` });
    const b = decodeBase64Strict(raw);
    if (!b.ok) {
      fail("mdm-base64", `Failed to decode managed value as base64: ${b.error}`);
      continue;
    }
    const t = decodeUtf8Strict(b.bytes);
    if (!t.ok) {
      fail("mdm-utf8", `Managed value base64 contents were not valid UTF-8: ${t.error}`);
      continue;
    }
    out[field] = t.text;
  }
  return out;
}
