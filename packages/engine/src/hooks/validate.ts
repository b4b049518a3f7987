import type { FieldIssue } from "../features/validate.js";
import { isTable, serdeType } from "../toml.js";
import { HANDLER_TYPES, isHookEvent } from "./events.js";

// Codex reports every error inside an event group at the path `hooks`.
const at = (v: unknown, what: string, path = "hooks"): FieldIssue => ({
  code: "invalid-type",
  message: `invalid type: ${serdeType(v)}, expected ${what}`,
  path,
});

function handlerIssue(h: unknown): FieldIssue | null {
  if (!isTable(h)) return at(h, "internally tagged enum HookHandlerConfig");
  if (!("type" in h)) return { code: "missing-field", message: "missing field `type`", path: "hooks" };
  const type = h.type;
  if (typeof type !== "string") return at(type, "variant identifier");
  if (!(HANDLER_TYPES as readonly string[]).includes(type)) {
    const list = HANDLER_TYPES.map((t) => `\`${t}\``).join(", ");
    return {
      code: "unknown-variant",
      message: `unknown variant \`${type}\`, expected one of ${list}`,
      path: "hooks",
    };
  }
  if (type !== "command") return null;
  for (const [k, v] of Object.entries(h)) {
    if (
      (k === "command" || k === "command_windows" || k === "commandWindows" || k === "statusMessage") &&
      typeof v !== "string"
    ) {
      return at(v, "a string");
    }
    if (k === "timeout" && !(typeof v === "number" && Number.isInteger(v) && v >= 0)) return at(v, "u64");
    if (k === "async" && typeof v !== "boolean") return at(v, "a boolean");
  }
  if (!("command" in h)) return { code: "missing-field", message: "missing field `command`", path: "hooks" };
  return null;
}

/** Type check of a managed `[hooks]` requirement table. */
export function validateHooksRequirement(value: unknown): FieldIssue | null {
  if (!isTable(value)) return at(value, "struct ManagedHooksRequirementsToml");
  for (const [k, v] of Object.entries(value)) {
    if (k === "managed_dir" || k === "windows_managed_dir") {
      if (typeof v !== "string") return at(v, "path string", `hooks.${k}`);
      continue;
    }
    if (!isHookEvent(k)) continue;
    if (!Array.isArray(v)) return at(v, "a sequence");
    for (const g of v) {
      if (!isTable(g)) return at(g, "struct MatcherGroup");
      if ("matcher" in g && typeof g.matcher !== "string") return at(g.matcher, "a string");
      if ("hooks" in g) {
        if (!Array.isArray(g.hooks)) return at(g.hooks, "a sequence");
        for (const h of g.hooks) {
          const issue = handlerIssue(h);
          if (issue) return issue;
        }
      }
    }
  }
  return null;
}
