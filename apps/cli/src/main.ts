#!/usr/bin/env node
import { COMMANDS } from "./commands/index.js";
import { UserError } from "./user-error.js";

function help(): string {
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)} ${c.summary}`);
  return [
    "usage: codex-policy <command> [options]",
    "",
    "commands:",
    ...rows,
    "",
    "Run `codex-policy <command> --help` for a command's options; `codex-policy --version` for the version.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-V") {
    const { versionText } = await import("./version.js");
    process.stdout.write(`${versionText()}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`codex-policy: unknown command '${name}'\n${help()}\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`codex-policy ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`codex-policy: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 70;
  },
);
