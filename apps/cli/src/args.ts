import { UserError } from "./user-error.js";

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/** Minimal `--flag value` / `--flag=value` / `--bool` parser; unknown flags are errors. */
export function parseArgs(argv: string[], known: Record<string, "string" | "bool">): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new UserError(`unknown option --${name}`);
    if (kind === "bool") flags[name] = true;
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UserError(`option --${name} needs a value`);
      flags[name] = v;
    }
  }
  return { positional, flags };
}
