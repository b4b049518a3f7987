import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { AdapterError } from "./errors.js";

export const PINNED_CODEX_VERSION = "0.169.0";
export const INSTALL_HINT = `npm install @openai/codex@${PINNED_CODEX_VERSION}`;

export interface CodexBinary {
  path: string;
  version: string;
}

const TRIPLES: Record<string, { triple: string; pkg: string }> = {
  x64: { triple: "x86_64-unknown-linux-musl", pkg: "@openai/codex-linux-x64" },
  arm64: { triple: "aarch64-unknown-linux-musl", pkg: "@openai/codex-linux-arm64" },
};

/** Where the installed `@openai/codex` package keeps the native binary for this machine, or null. */
export function installedCodexPath(
  searchFrom: string[] = [import.meta.url, join(process.cwd(), "noop.js")],
): string | null {
  const target = TRIPLES[process.arch];
  if (!target || process.platform !== "linux") return null;
  for (const from of searchFrom) {
    let pkgJson: string;
    try {
      pkgJson = createRequire(from).resolve("@openai/codex/package.json");
    } catch {
      continue;
    }
    const roots: string[] = [];
    try {
      roots.push(dirname(createRequire(pkgJson).resolve(`${target.pkg}/package.json`)));
    } catch {
      // The platform package may be nested inside the main package instead.
    }
    roots.push(dirname(pkgJson));
    for (const root of roots) {
      const candidate = join(root, "vendor", target.triple, "bin", "codex");
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * The releases CI checks the corpus on: the pinned one, three older ones spread over the modelled
 * eras, and the newest modelled. Each is a root devDependency, an npm alias of the release's Linux
 * x64 platform package (`codex-0.150` → `@openai/codex@0.150.0-linux-x64`); the pinned one is
 * `@openai/codex` itself.
 */
export const PINNED_RELEASES = ["0.100.0", "0.130.0", "0.150.0", PINNED_CODEX_VERSION, "0.171.0"] as const;

/** The installed binary of one of the pinned releases, or null when it is not installed here. */
export function pinnedReleasePath(
  version: string,
  searchFrom: string[] = [import.meta.url, join(process.cwd(), "noop.js")],
): string | null {
  if (version === PINNED_CODEX_VERSION) return installedCodexPath(searchFrom);
  const target = TRIPLES[process.arch];
  if (target?.pkg !== "@openai/codex-linux-x64" || process.platform !== "linux") return null;
  const alias = `codex-${version.split(".").slice(0, 2).join(".")}`;
  for (const from of searchFrom) {
    try {
      const root = dirname(createRequire(from).resolve(`${alias}/package.json`));
      // Older releases keep the binary in `codex/`, newer ones in `bin/`.
      for (const dir of ["bin", "codex"]) {
        const candidate = join(root, "vendor", target.triple, dir, "codex");
        if (existsSync(candidate)) return candidate;
      }
    } catch {
      // not installed from here
    }
  }
  return null;
}

/** Parses `codex --version` output (`codex-cli 0.169.0`). */
export function parseVersion(text: string): string | null {
  const m = /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(text);
  return m ? m[1]! : null;
}

const versionCache = new Map<string, string>();

function checkExecutable(path: string, origin: string): void {
  if (!existsSync(path)) {
    throw new AdapterError(
      "binary-missing",
      `${origin} ${path} does not exist; pass the path of a codex executable (or install it: ${INSTALL_HINT})`,
    );
  }
  if (!statSync(path).isFile())
    throw new AdapterError(
      "binary-missing",
      `${origin} ${path} is not a file; pass the codex executable itself`,
    );
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new AdapterError("binary-missing", `${origin} ${path} is not executable; run chmod +x on it`);
  }
}

function versionOf(path: string): string {
  const cached = versionCache.get(path);
  if (cached) return cached;
  let out: string;
  try {
    out = execFileSync(path, ["--version"], {
      encoding: "utf8",
      timeout: 15_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    throw new AdapterError(
      "binary-broken",
      `${path} --version failed (${why}); reinstall it: ${INSTALL_HINT}`,
    );
  }
  const version = parseVersion(out);
  if (!version)
    throw new AdapterError("binary-broken", `${path} --version printed no version; is it the Codex CLI?`);
  versionCache.set(path, version);
  return version;
}

/** Finds the Codex binary: `--codex-bin`, then `$CODEX_BIN`, then the installed `@openai/codex` package. */
export function findCodexBinary(opts: { codexBin?: string; env?: NodeJS.ProcessEnv } = {}): CodexBinary {
  const env = opts.env ?? process.env;
  let path: string;
  if (opts.codexBin) {
    path = resolve(opts.codexBin);
    checkExecutable(path, "--codex-bin");
  } else if (env.CODEX_BIN) {
    path = resolve(env.CODEX_BIN);
    checkExecutable(path, "CODEX_BIN");
  } else {
    const found = installedCodexPath();
    if (!found) {
      throw new AdapterError(
        "binary-missing",
        `Codex CLI binary not found: install it with \`${INSTALL_HINT}\`, or pass --codex-bin PATH or set CODEX_BIN`,
      );
    }
    path = found;
  }
  return { path, version: versionOf(path) };
}
