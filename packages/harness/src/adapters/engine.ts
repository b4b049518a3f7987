import { createRequire } from "node:module";
import { ALL_EDITIONS, type Edition, type Outcome, type Scenario } from "@codex-policy/spec";
import { CAPABILITIES } from "../capabilities.js";
import { AdapterStartError } from "../errors.js";
import { SUITE_VERSION } from "../version.js";
import { InProcessAdapter } from "./in-process.js";

type Resolve = (scenario: Scenario, edition?: Edition) => Outcome;

/** The engine package's version; in the installed tool, where the engine is bundled in, the tool's. */
function engineVersion(): string {
  try {
    const req = createRequire(import.meta.url);
    return (req("@codex-policy/engine/package.json") as { version: string }).version;
  } catch {
    return SUITE_VERSION;
  }
}

/** Loads the reference engine's `resolve`, lazily so that importing the harness stays cheap. */
export async function loadEngineResolve(): Promise<Resolve> {
  let mod: { resolve?: Resolve };
  try {
    mod = (await import("@codex-policy/engine")) as { resolve?: Resolve };
  } catch (e) {
    throw new AdapterStartError(`cannot load @codex-policy/engine: ${(e as Error).message.split("\n")[0]}`);
  }
  if (typeof mod.resolve !== "function")
    throw new AdapterStartError("@codex-policy/engine does not export resolve()");
  return mod.resolve;
}

/** The reference engine, in-process. It declares every capability and every edition. */
export function engineAdapter(resolve?: Resolve): InProcessAdapter {
  let fn = resolve;
  return new InProcessAdapter({
    info: {
      name: "codex-policy-engine",
      version: engineVersion(),
      language: "typescript",
      kind: "engine",
      capabilities: [...CAPABILITIES],
      editions: [...ALL_EDITIONS],
    },
    async start() {
      fn ??= await loadEngineResolve();
      return undefined;
    },
    resolve: (scenario, edition) => fn!(scenario, edition),
  });
}
