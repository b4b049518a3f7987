import type { Edition } from "@codex-policy/spec";
import { editionFlag } from "../edition-flag.js";
import { UserError } from "../user-error.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy tui [SCENARIO.toml] [--edition codex-0.<minor>|codex-latest|documented]

Opens the interactive simulator on a blank scenario or on SCENARIO.toml.
Needs an interactive terminal; use \`codex-policy resolve\` for scripts.
Honours NO_COLOR, and $VISUAL / $EDITOR for full TOML editing.`;

function parseArgs(argv: string[]): { file: string | null; edition: Edition | null } {
  let file: string | null = null;
  let edition: Edition | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--edition" || a.startsWith("--edition=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v) throw new UserError(`--edition needs a value\n${USAGE}`);
      edition = editionFlag(v) ?? null;
    } else if (a.startsWith("-")) throw new UserError(`unknown option ${a}\n${USAGE}`);
    else if (file) throw new UserError(`only one scenario file can be opened\n${USAGE}`);
    else file = a;
  }
  return { file, edition };
}

export const command: Command = {
  name: "tui",
  summary: "Open the interactive simulator",
  usage: USAGE,
  async run(argv) {
    const { file, edition } = parseArgs(argv);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UserError("tui needs an interactive terminal; use `codex-policy resolve` for scripts");
    }
    // Ink renders only the final frame when it believes it runs in CI; an interactive terminal wants every frame.
    // The flag must be set before Ink is first imported.
    process.env.CI = "false";
    // React's development build roughly doubles the keystroke-to-frame time.
    process.env.NODE_ENV ??= "production";
    const tui = await import("@codex-policy/tui");
    const { resolve, releaseTimeline } = await import("@codex-policy/engine");
    let scenario = tui.blankScenario();
    if (file) {
      const r = tui.loadScenarioFile(file);
      if (!r.ok) throw new UserError(r.message);
      scenario = r.scenario;
    }
    if (edition) scenario = { ...scenario, edition };
    return tui.runTui({ scenario, file, resolve, timeline: (s) => releaseTimeline(s) });
  },
};
