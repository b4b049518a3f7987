/** Codex's own judgement of a command no rule matched (subset of its safe/dangerous lists). */

const base = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

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
