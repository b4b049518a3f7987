import { spawnSync } from "node:child_process";
import { findCodexBinary } from "./discover.js";
import { AdapterError } from "./errors.js";

/** Namespaces every probe runs in. */
export const NAMESPACE_FLAGS = ["--mount", "--uts", "--net", "--pid", "--fork", "--kill-child"];

export interface PreflightDeps {
  platform: string;
  uid: number;
  which(tool: string): boolean;
  canUnshare(flags: string[]): boolean;
}

const realDeps = (): PreflightDeps => ({
  platform: process.platform,
  uid: process.getuid?.() ?? -1,
  which: (tool) => spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status === 0,
  canUnshare: (flags) =>
    spawnSync("unshare", [...flags, "true"], { stdio: "ignore", timeout: 10_000 }).status === 0,
});

/** Extra unshare flags needed when not root (user namespace mapped to root), or null when none work. */
export function checkEnvironment(deps: PreflightDeps): string[] {
  if (deps.platform !== "linux") {
    throw new AdapterError(
      "not-linux",
      `the real-binary adapter needs Linux namespaces; this is ${deps.platform}: run it on Linux (or in a Linux container/VM)`,
    );
  }
  for (const tool of ["unshare", "ip", "mount"]) {
    if (!deps.which(tool)) {
      const pkg = tool === "ip" ? "iproute2" : "util-linux";
      throw new AdapterError(
        "unshare-missing",
        `\`${tool}\` is not on PATH: install ${pkg} (e.g. apt-get install ${pkg})`,
      );
    }
  }
  const attempts = deps.uid === 0 ? [[]] : [["--user", "--map-root-user"]];
  for (const extra of attempts) {
    if (deps.canUnshare([...extra, ...NAMESPACE_FLAGS])) return extra;
  }
  throw new AdapterError(
    "no-namespaces",
    deps.uid === 0
      ? "cannot create mount/uts/net/pid namespaces (container without CAP_SYS_ADMIN?): run privileged or on a host that allows unshare"
      : "not root and user namespaces are unavailable: run as root, or enable them (sysctl kernel.unprivileged_userns_clone=1)",
  );
}

let cached: string[] | null = null;

/** Checks that scenarios can run isolated; returns the extra unshare flags to use. Throws AdapterError. */
export function preflightFlags(deps?: PreflightDeps): string[] {
  if (deps) return checkEnvironment(deps);
  if (!cached) cached = checkEnvironment(realDeps());
  return cached;
}

/** Throws an AdapterError (`not-linux`, `no-namespaces`, `unshare-missing`, `binary-missing`) naming the fix. */
export function preflight(opts: { codexBin?: string } = {}): void {
  preflightFlags();
  findCodexBinary(opts);
}
