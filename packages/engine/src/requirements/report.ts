import type { RequirementEntry } from "@codex-policy/spec";
import type { EditionSpec } from "../editions.js";
import { normalizeApproval, normalizeReviewer } from "../effective/settings.js";
import { hooksEmpty, reportedHooks } from "../hooks/report-shape.js";
import type { ComposedField } from "../model.js";
import { byBytes, isTable } from "../toml.js";
import { KNOWN_REQUIREMENT_KEYS, REPORTED_REQUIREMENT_KEYS } from "./fields.js";
import { NETWORK_MAP_FORMS, REQUIREMENT_SHAPES, reportedStruct } from "./shapes.js";

/**
 * `[experimental_network]` is reported as `network`. Each name list has a map form (`domains`,
 * `unix_sockets`) and legacy lists; the report shows both, the lists read back from the map in
 * byte order (binary 0.169.0).
 */
function networkReport(value: unknown): unknown {
  if (!isTable(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [target, lists] of NETWORK_MAP_FORMS) {
    const map: Record<string, unknown> = isTable(value[target]) ? { ...value[target] } : {};
    if (value[target] === undefined)
      for (const [list, verdict] of lists) {
        const v = value[list];
        if (Array.isArray(v)) for (const d of v) if (typeof d === "string") map[d] = verdict;
      }
    if (Object.keys(map).length === 0) continue;
    out[target] = map;
    for (const [list, verdict] of lists) {
      const names = Object.keys(map)
        .filter((k) => map[k] === verdict)
        .sort(byBytes);
      if (names.length > 0) out[list] = names;
      else delete out[list];
    }
  }
  return out;
}

/**
 * `[application]` as the report shows it (binary 0.169.0): both tables present (null when unset),
 * `network` with its `domains` map defaulting to empty, `storage` spelled in camel case.
 */
function applicationReport(value: unknown, missing: readonly string[]): unknown {
  if (!isTable(value)) return value;
  const { network, storage } = value;
  return {
    network: isTable(network) ? { enabled: network.enabled ?? null, domains: network.domains ?? {} } : null,
    ...(missing.includes("application.storage")
      ? {}
      : {
          storage: isTable(storage)
            ? {
                defaultProjectParent: storage.default_project_parent ?? null,
                projectlessWorkspaceRoot: storage.projectless_workspace_root ?? null,
              }
            : null,
        }),
  };
}

/** A path requirement is reported as a file URL, relative paths resolved from /etc/codex (binary 0.169.0). */
function pathReport(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const parts: string[] = [];
  for (const seg of (value.startsWith("/") ? value : `/etc/codex/${value}`).split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "" && seg !== ".") parts.push(seg);
  }
  return `file:///${parts.join("/")}`;
}

/** How a composed field appears in the report: under its own name, renamed, or not at all. */
function reportedEntries(key: string, value: unknown, missing: readonly string[]): [string, unknown][] {
  if (key === "experimental_network") return [["network", networkReport(value)]];
  if (key === "application") return [["application", applicationReport(value, missing)]];
  if (REQUIREMENT_SHAPES[key]?.kind === "path") return [[key, pathReport(value)]];
  if (key === "hooks") return [["hooks", reportedHooks(value)]];
  if (key === "windows")
    return isTable(value) && value.allowed_sandbox_implementations !== undefined
      ? [["allowed_windows_sandbox_implementations", value.allowed_sandbox_implementations]]
      : [];
  if (!REPORTED_REQUIREMENT_KEYS.has(key)) return [];
  return [[key, reportedStruct(key, value, missing) ?? value]];
}

const TABLE_FIELDS_EMPTY_IS_UNSET = new Set(["features", "apps", "plugins", "auto_review"]);

/** Whether a composed field counts as a requirement (Codex treats some empty values as unset). */
function counts(key: string, value: unknown): boolean {
  if (key === "hooks" && hooksEmpty(value)) return false;
  if (TABLE_FIELDS_EMPTY_IS_UNSET.has(key) && isTable(value) && Object.keys(value).length === 0) return false;
  if (key === "guardian_policy_config" && typeof value === "string" && value.trim() === "") return false;
  // A [models] table without new_thread is not reported (binary 0.169.0).
  if (key === "models" && isTable(value) && value.new_thread === undefined) return false;
  return true;
}

function normalize(key: string, value: unknown, edition: EditionSpec): unknown {
  if (!Array.isArray(value)) return value;
  const s = value.filter((v): v is string => typeof v === "string");
  switch (key) {
    case "allowed_approval_policies":
      return value.map((v) => (typeof v === "string" ? normalizeApproval(v, edition) : v));
    case "allowed_approvals_reviewers":
      return s.map(normalizeReviewer);
    case "allowed_sandbox_modes":
      return s.filter((m) => m !== "external-sandbox");
    case "allowed_web_search_modes":
      return s.includes("disabled") ? s : [...s, "disabled"];
    default:
      return value;
  }
}

/**
 * Composed fields Codex knows but does not report (MCP allowlist, permission profiles, network
 * proxy, plugins, …), with their sources: explanation data for the trace.
 */
export function unreportedFields(
  fields: Record<string, ComposedField>,
): Record<string, { value: unknown; sources: string[] }> {
  const out: Record<string, { value: unknown; sources: string[] }> = {};
  for (const [key, f] of Object.entries(fields)) {
    if (REPORTED_REQUIREMENT_KEYS.has(key) || key === "windows" || key === "experimental_network") continue;
    if (!KNOWN_REQUIREMENT_KEYS.has(key)) continue;
    out[key] = { value: f.value, sources: f.layers.map((l) => l.source) };
  }
  return out;
}

/** The requirements report: normalized values with the layer each came from, as Codex reports them. */
export function requirementsReport(
  fields: Record<string, ComposedField>,
  hasRules: boolean,
  edition: EditionSpec,
): Record<string, RequirementEntry> {
  const out: Record<string, RequirementEntry> = {};
  for (const [key, f] of Object.entries(fields)) {
    if (!counts(key, f.value)) continue;
    for (const [name, value] of reportedEntries(key, f.value, edition.missingStructFields)) {
      out[name] = {
        value: normalize(name, value, edition),
        source: f.layer.source,
        ...(f.layers.length > 1 ? { sources: f.layers.map((l) => l.source) } : {}),
      };
    }
  }
  if (
    edition.reportsDefaultLoginMethods &&
    // Any requirement Codex knows, reported or not, brings the default login methods into the report.
    (Object.entries(fields).some(([k, f]) => KNOWN_REQUIREMENT_KEYS.has(k) && counts(k, f.value)) ||
      hasRules) &&
    !out.allowed_login_methods
  ) {
    out.allowed_login_methods = { value: ["api", "chatgpt"], source: "default" };
  }
  return out;
}
