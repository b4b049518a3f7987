/**
 * Whether a probe command fails inside the sandbox in a way Codex reads as a denial, which under
 * `on-failure` makes it ask to run the command again without the sandbox. The probe runs in an
 * empty git workspace, so commands that need an existing file (`rm x`, `mv a b`, `cat README.md`)
 * fail on the missing file, which Codex does not take for a denial; what the sandbox stops is a
 * command creating a path it may not write (binary 0.130.0: under read-only `touch notes.txt`,
 * `mkdir d` and `ls -la > out.txt` ask, `rm x` and `git status` run; under workspace-write
 * `touch /tmp/q` runs).
 */

/** Programs that create the paths named by their operands, in an empty workspace. */
const CREATORS = new Set(["touch", "mkdir", "tee"]);

/**
 * git subcommands that write the repository even in an empty one (binary 0.120.0, 0.130.0); `git
 * status`, `git stash`, `git branch x` and `git push` fail first or write nothing.
 */
const GIT_WRITERS = new Set([
  "add",
  "checkout",
  "commit",
  "config",
  "fetch",
  "gc",
  "init",
  "pull",
  "reset",
  "rm",
]);

/** Paths every sandbox lets a command write. */
const ALWAYS_WRITABLE = new Set(["/dev/null", "/dev/stdout", "/dev/stderr"]);

/** The paths a segment writes: its creators' operands and its output redirections. */
function writeTargets(argv: string[]): string[] {
  const out: string[] = [];
  const args = argv[0] === "sudo" ? argv.slice(1) : argv;
  const prog = (args[0] ?? "").split("/").pop() ?? "";
  for (let i = 0; i < argv.length; i++) {
    const m = /^[0-9&]?>>?(.*)$/.exec(argv[i]!);
    if (!m) continue;
    const target = m[1] !== "" ? m[1] : argv[i + 1];
    if (target !== undefined && !target.startsWith("&")) out.push(target);
    if (m[1] === "") i++;
  }
  if (prog === "git" && GIT_WRITERS.has(args[1] ?? "")) out.push(".git");
  if (CREATORS.has(prog)) {
    for (const a of args.slice(1)) if (!a.startsWith("-") && !/^[0-9&]?>/.test(a)) out.push(a);
  }
  return out;
}

/**
 * Whether the sandbox lets a command write `path` (relative paths are in the workspace), where
 * `gitProtected` says workspace-write keeps the workspace's `.git` read-only.
 */
function writable(path: string, sandbox: string, gitProtected: boolean): boolean {
  if (sandbox === "danger-full-access" || ALWAYS_WRITABLE.has(path)) return true;
  if (sandbox !== "workspace-write") return false;
  if (gitProtected && (path === ".git" || path.startsWith(".git/"))) return false;
  if (path.startsWith("~") || path.startsWith("$")) return false;
  if (!path.startsWith("/")) return true;
  return path === "/tmp" || path.startsWith("/tmp/");
}

/** Whether running the command's segments under `sandbox` hits a write the sandbox denies. */
export function deniedInSandbox(segments: string[][], sandbox: string, gitProtected: boolean): boolean {
  return segments.some((argv) => writeTargets(argv).some((p) => !writable(p, sandbox, gitProtected)));
}
