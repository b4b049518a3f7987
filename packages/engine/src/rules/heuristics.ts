/** Codex's own judgement of a command no rule matched (subset of its safe/dangerous lists). */

const base = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

/** The reason releases before the per-check reasons give for any command their danger check rejects. */
export const BLOCKED_BY_POLICY = "blocked by policy";

/**
 * Codex's built-in command checks, each with the reason it gives when it rejects. On 0.169.0 only
 * `rm` with a force flag (also behind `sudo`) counts; until 0.101 `git reset` and `git rm` count too.
 */
export const BUILTIN_CHECKS = {
  "rm-force": "rm -f style commands are not permitted. Use a safer approach",
  "git-destructive": BLOCKED_BY_POLICY,
} as const;
export type BuiltinCheck = keyof typeof BUILTIN_CHECKS;

/** The built-in check a segment trips, or null; `gitFlagged`: `git reset` and `git rm` count (until 0.101). */
export function dangerousCheck(argv: string[], gitFlagged = false): BuiltinCheck | null {
  const [prog0, ...args] = argv;
  if (prog0 === undefined) return null;
  const prog = base(prog0);
  if (prog === "sudo") return dangerousCheck(args, gitFlagged);
  if (prog === "rm" && args.some((a) => a === "--force" || /^-[A-Za-z]*f[A-Za-z]*$/.test(a)))
    return "rm-force";
  if (gitFlagged && prog === "git" && (args[0] === "reset" || args[0] === "rm")) return "git-destructive";
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

/** Programs that only read, whatever their arguments (binary 0.128.0). */
const SAFE_PROGRAMS = new Set([
  ...["cat", "cd", "cut", "echo", "expr", "false", "grep", "head", "id", "ls", "nl", "paste", "pwd"],
  ...["rev", "seq", "stat", "tail", "tr", "true", "uname", "uniq", "wc", "which", "whoami"],
]);
/** `find` actions that write, delete or run something. */
const FIND_UNSAFE = new Set([
  "-exec",
  "-execdir",
  "-ok",
  "-okdir",
  "-delete",
  "-fls",
  "-fprint",
  "-fprint0",
  "-fprintf",
]);
/** `rg` options that run a program or decompress through one. */
const RG_UNSAFE = ["--pre", "--hostname-bin", "--search-zip", "-z"];
const GIT_READ = new Set(["status", "log", "diff", "show"]);
const GIT_BRANCH_LISTING = new Set([
  "--list",
  "-l",
  "-a",
  "--all",
  "-r",
  "--remotes",
  "-v",
  "-vv",
  "--show-current",
]);

/**
 * Whether Codex knows a segment to be read-only (the list older releases run without asking under
 * `untrusted`). Probed on 0.128.0: `find -delete`, `rg --pre`, `git branch -D`, `sed -i`, `printf`,
 * `date` and `env` are not on it.
 */
export function isKnownSafe(argv: string[]): boolean {
  const [prog0, ...args] = argv;
  if (prog0 === undefined) return false;
  const prog = base(prog0);
  if (SAFE_PROGRAMS.has(prog)) return true;
  if (prog === "find") return !args.some((a) => FIND_UNSAFE.has(a));
  if (prog === "rg") return !args.some((a) => RG_UNSAFE.some((o) => a === o || a.startsWith(`${o}=`)));
  if (prog === "git") {
    const [sub, ...rest] = args;
    if (sub !== undefined && GIT_READ.has(sub)) return true;
    return sub === "branch" && rest.every((a) => GIT_BRANCH_LISTING.has(a));
  }
  // `sed -n Np` or `sed -n M,Np`, on at most one file.
  if (prog === "sed") return args[0] === "-n" && /^\d+(,\d+)?p$/.test(args[1] ?? "") && args.length <= 3;
  return false;
}
