import type { OutcomeError } from "@codex-policy/spec";
import { debugName, emptyListError, LOGIN_METHODS_EMPTY, sandboxWithoutReadOnly } from "../messages.js";
import type { ComposedField } from "../model.js";

/** Constraints Codex checks once the layers are composed, in the order it checks them. */
export function checkComposed(fields: Record<string, ComposedField>): OutcomeError | null {
  for (const key of ["allowed_approval_policies", "allowed_approvals_reviewers"]) {
    const f = fields[key];
    if (f && Array.isArray(f.value) && f.value.length === 0) {
      return { code: "empty-list", layer: f.layer.layerId, message: emptyListError(key) };
    }
  }
  const sandbox = fields.allowed_sandbox_modes;
  if (sandbox && Array.isArray(sandbox.value) && !sandbox.value.includes("read-only")) {
    const label = sandbox.layer.label;
    const modes = (sandbox.value as string[]).map(debugName);
    return {
      code: "sandbox-without-read-only",
      layer: sandbox.layer.layerId,
      message: sandboxWithoutReadOnly(modes, label),
    };
  }
  const windows = fields.windows?.value as Record<string, unknown> | undefined;
  if (
    windows &&
    Array.isArray(windows.allowed_sandbox_implementations) &&
    windows.allowed_sandbox_implementations.length === 0
  ) {
    return {
      code: "empty-list",
      layer: fields.windows!.layer.layerId,
      message: emptyListError("windows.allowed_sandbox_implementations"),
    };
  }
  const login = fields.allowed_login_methods;
  if (login && Array.isArray(login.value) && login.value.length === 0) {
    return { code: "login-methods-empty", layer: login.layer.layerId, message: LOGIN_METHODS_EMPTY };
  }
  return null;
}
