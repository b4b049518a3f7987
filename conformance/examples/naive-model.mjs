// A deliberately small Codex-compatible resolver, as an outside implementer might write it.
// It understands system requirements (allowed_approval_policies, allowed_sandbox_modes) and the
// user's config.toml (approval_policy, sandbox_mode). Everything else is out of its scope.
//
// KNOWN FLAW (on purpose, see README.md): when the approval policy is disallowed, it falls back
// to the LAST allowed policy. Codex falls back to the FIRST.
import { parse } from "smol-toml";

const DEFAULT_APPROVAL = "on-request";
const DEFAULT_SANDBOX = "read-only";

function refused(edition, layer, code, message, extra = {}) {
  return {
    edition,
    status: "refused",
    requirements: {},
    effective: null,
    notices: [],
    warnings: [],
    errors: [{ code, layer, message, ...extra }],
  };
}

function parseLayer(text) {
  try {
    return { ok: true, doc: text ? parse(text) : {} };
  } catch (e) {
    return { ok: false, message: String(e.message).split("\n")[0], line: e.line, column: e.column };
  }
}

/** Whether this resolver can express the scenario at all; null when it can. */
export function unsupported(scenario) {
  if (scenario.cloud || scenario.mdm) return "cloud and MDM layers are out of scope";
  if (scenario.system?.managed_config) return "legacy managed_config.toml is out of scope";
  return null;
}

export function resolve(scenario) {
  const edition = scenario.edition ?? "codex-0.169";
  const reqs = parseLayer(scenario.system?.requirements);
  if (!reqs.ok) {
    return refused(edition, "system.requirements", "toml-syntax", reqs.message, {
      line: reqs.line,
      column: reqs.column,
    });
  }
  const user = parseLayer(scenario.user?.config);
  if (!user.ok) return refused(edition, "user.config", "config-invalid", user.message);

  const requirements = {};
  const allowedApproval = reqs.doc.allowed_approval_policies;
  const allowedSandbox = reqs.doc.allowed_sandbox_modes;
  for (const [field, list] of [
    ["allowed_approval_policies", allowedApproval],
    ["allowed_sandbox_modes", allowedSandbox],
  ]) {
    if (list === undefined) continue;
    if (Array.isArray(list) && list.length === 0) {
      return refused(edition, "system.requirements", "empty-list", `field \`${field}\` cannot be empty`);
    }
    requirements[field] = { value: list, source: "system" };
  }

  const warnings = [];
  const pick = (field, configured, fallbackDefault, allowed, fallbackOf) => {
    const value = configured ?? fallbackDefault;
    if (!allowed || allowed.includes(value)) return value;
    const fallback = fallbackOf(allowed);
    if (configured !== undefined) {
      warnings.push({
        code: "requirement-fallback",
        message: `Configured value for \`${field}\` is disallowed by requirements; falling back to ${fallback}`,
      });
    }
    return fallback;
  };

  // THE FLAW: `at(-1)` where Codex uses the first element.
  const approval = pick("approval_policy", user.doc.approval_policy, DEFAULT_APPROVAL, allowedApproval, (l) =>
    l.at(-1),
  );
  const sandbox = pick(
    "sandbox_mode",
    user.doc.sandbox_mode,
    DEFAULT_SANDBOX,
    allowedSandbox,
    () => "read-only",
  );

  return {
    edition,
    status: "ok",
    requirements,
    effective: {
      approval_policy: approval,
      approvals_reviewer: "user",
      sandbox_mode: sandbox,
      web_search: "cached",
      features: {},
      mcp_servers: {},
      hooks: [],
      commands: [],
    },
    notices: [],
    warnings,
    errors: [],
  };
}

export const implementation = {
  name: "naive-example",
  version: "1.0.0",
  language: "javascript",
};
export const capabilities = ["requirements", "config", "explanations"];
export const editions = ["codex-0.169"];
