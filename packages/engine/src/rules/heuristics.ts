/** Codex's own judgement of a command no rule matched (subset of its safe/dangerous lists). */

const base = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

/**
 * Codex's built-in command checks, each with the reason it gives when it rejects. On 0.169.0 only
 * `rm` with a force flag (also behind `sudo`) counts; `git reset --hard` and `git rm` run.
 */
export const BUILTIN_CHECKS = {
  "rm-force": "rm -f style commands are not permitted. Use a safer approach",
} as const;
export type BuiltinCheck = keyof typeof BUILTIN_CHECKS;

/** The built-in check a segment trips, or null. */
export function dangerousCheck(argv: string[]): BuiltinCheck | null {
  const [prog0, ...args] = argv;
  if (prog0 === undefined) return null;
  const prog = base(prog0);
  if (prog === "sudo") return dangerousCheck(args);
  if (prog === "rm" && args.some((a) => a === "--force" || /^-[A-Za-z]*f[A-Za-z]*$/.test(a)))
    return "rm-force";
  return null;
}

/**
 * Rule prefixes too broad for an `allow` to count under the `untrusted` policy: interpreters with
 * their inline-code flags, shells, `env`, `sudo`, bare `git` and `rm`. Probed one by one on the
 * 0.169.0 binary (`prefix_rule(["rm"], "allow")` still asks for `rm x`, `["rm", "-r"]` does not);
 * a rule with alternatives at some position is never broad.
 */
const BROAD_PREFIXES = new Set([
  ...["python3", "python"].flatMap((p) => [p, `${p} -`, `${p} -c`]),
  ...["py", "py -3", "pythonw", "pyw", "pypy", "pypy3"],
  ...["bash", "sh", "zsh", "dash", "ksh", "fish"].flatMap((p) => [p, `${p} -c`]),
  ...["bash -lc", "sh -lc", "zsh -lc"],
  ...["/bin/bash", "/bin/bash -lc", "/bin/zsh", "/bin/zsh -lc", "/bin/sh", "/bin/sh -c"],
  ...["pwsh", "powershell", "powershell.exe"].flatMap((p) => [p, `${p} -Command`, `${p} -c`]),
  ...["node", "nodejs", "perl", "ruby", "lua", "julia", "bun"].flatMap((p) => [p, `${p} -e`]),
  ...["php", "php -r", "deno", "deno eval", "bun run", "Rscript", "osascript"],
  ...["env", "sudo", "git", "rm"],
]);

/** Whether a rule pattern (alternatives per position) is one of the broad prefixes. */
export function isBroadPattern(pattern: readonly (readonly string[])[]): boolean {
  if (!pattern.every((alts) => alts.length === 1)) return false;
  return BROAD_PREFIXES.has(pattern.map((alts) => alts[0]).join(" "));
}
