import { it } from "vitest";
import { AdapterError } from "../src/errors.js";
import { preflight } from "../src/index.js";

/** Why the real binary cannot run here, or null when it can. */
export function binaryProblem(): string | null {
  try {
    preflight();
    return null;
  } catch (e) {
    return e instanceof AdapterError ? `${e.code}: ${e.message}` : String(e);
  }
}

/**
 * Registers the stand-in for a real-binary test that cannot run here. In CI (CI=true) that is a
 * failure, because CI must check the binary; elsewhere it is a skipped test whose name says why,
 * which the suite's summary (scripts/run-tests.mjs) prints.
 */
export function binaryMissing(what: string, problem: string): void {
  if (process.env.CI === "true") {
    it(`${what}: the real binary runs`, () => {
      throw new Error(problem);
    });
  } else {
    it.skip(`${what}: needs the real binary (${problem})`, () => {});
  }
}
