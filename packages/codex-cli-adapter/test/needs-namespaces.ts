import { it } from "vitest";
import { AdapterError } from "../src/errors.js";
import { preflightFlags } from "../src/preflight.js";

/** Why private namespaces cannot be made here, or null when they can. */
export function namespaceProblem(): string | null {
  try {
    preflightFlags();
    return null;
  } catch (e) {
    return e instanceof AdapterError ? `${e.code}: ${e.message}` : String(e);
  }
}

/**
 * Registers the stand-in for a test that needs namespaces but cannot have them: a failure in CI
 * (CI=true), a skipped test naming the reason elsewhere.
 */
export function namespacesMissing(problem: string): void {
  if (process.env.CI === "true")
    it("namespaces are available", () => {
      throw new Error(problem);
    });
  else it.skip(`needs Linux namespaces (${problem})`, () => {});
}
