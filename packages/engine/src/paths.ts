import type { Scenario } from "@codex-policy/spec";

/** File paths Codex uses on each OS, as they appear in its messages. */
export function managedPaths(os: Scenario["host"]["os"]) {
  const dir = os === "windows" ? "C:\\ProgramData\\OpenAI\\Codex" : "/etc/codex";
  const sep = os === "windows" ? "\\" : "/";
  return {
    requirements: `${dir}${sep}requirements.toml`,
    managedConfig: os === "windows" ? "~\\.codex\\managed_config.toml" : "/etc/codex/managed_config.toml",
    systemConfig: `${dir}${sep}config.toml`,
    userConfig: "~/.codex/config.toml",
    projectConfig: ".codex/config.toml",
    mdmRequirements: "MDM com.openai.codex:requirements_toml_base64",
    mdmLegacy: "MDM managed_config.toml (legacy)",
  };
}
