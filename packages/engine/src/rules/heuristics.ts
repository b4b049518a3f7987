/** Codex's own judgement of a command no rule matched (subset of its safe/dangerous lists). */

const SAFE_PROGRAMS = new Set([
  "cat",
  "cd",
  "cut",
  "echo",
  "expr",
  "false",
  "grep",
  "head",
  "id",
  "ls",
  "nl",
  "paste",
  "pwd",
  "rev",
  "seq",
  "stat",
  "tail",
  "tr",
  "true",
  "uname",
  "uniq",
  "wc",
  "which",
  "whoami",
]);
const SAFE_GIT = new Set(["status", "log", "diff", "show", "branch"]);
const UNSAFE_FIND = new Set([
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
const UNSAFE_RG = new Set(["--pre", "--hostname-bin", "--search-zip", "-z"]);

const base = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

export function isKnownSafe(argv: string[]): boolean {
  const [prog0, ...args] = argv;
  if (prog0 === undefined) return true;
  const prog = base(prog0);
  if (SAFE_PROGRAMS.has(prog)) return true;
  if (prog === "git") return args[0] !== undefined && SAFE_GIT.has(args[0]);
  if (prog === "find") return !args.some((a) => UNSAFE_FIND.has(a));
  if (prog === "rg") return !args.some((a) => UNSAFE_RG.has(a) || a.startsWith("--pre="));
  if (prog === "sed") return args.length >= 2 && args[0] === "-n" && /^\d+(,\d+)?p$/.test(args[1] ?? "");
  return false;
}

/** `rm` with a force flag, or anything dangerous behind `sudo`. */
export function isDangerous(argv: string[]): boolean {
  const [prog0, ...args] = argv;
  if (prog0 === undefined) return false;
  const prog = base(prog0);
  if (prog === "sudo") return isDangerous(args);
  if (prog === "rm") return args.some((a) => a === "--force" || /^-[A-Za-z]*f[A-Za-z]*$/.test(a));
  if (prog === "git") return args[0] === "reset" || args[0] === "rm";
  return false;
}
