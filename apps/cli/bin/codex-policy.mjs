#!/usr/bin/env node
// The CLI bin. The workspace ships TypeScript sources and has no build step, so this launcher bundles
// `src/main.ts` once with esbuild into a cache, keyed by the size and mtime of every file the bundle was
// built from, and runs that bundle with plain Node. Compiling the sources on each start through tsx costs
// seconds; loading the cached bundle costs a fraction of that.
// When bundling is impossible (or CODEX_POLICY_NO_BUNDLE is set) it runs the sources through tsx, as before.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cliRoot = resolve(here, "..");
const entry = join(cliRoot, "src", "main.ts");
const require = createRequire(import.meta.url);

/** Where bundles live. Under apps/cli/node_modules, so bare imports left in the bundle resolve as the CLI's. */
const CACHE_DIR =
  process.env.CODEX_POLICY_CACHE_DIR || join(cliRoot, "node_modules", ".cache", "codex-policy");
/** What to bundle and where; tests point both elsewhere. */
const DEFAULTS = { entry, cacheDir: CACHE_DIR };
/**
 * Packages never bundled: the real Codex binary's package (only ever located, never imported), and Ink's
 * optional devtools client (imported only when DEV=true, and not installed).
 */
const EXTERNAL = ["@openai/codex", "@openai/codex/*", "react-devtools-core"];
/** Old bundles are removed once this old, so a process that is still running keeps its lazy chunks. */
const STALE_MS = 60 * 60 * 1000;

/** Size and mtime of every input, plus what shapes the output: esbuild's version, Node's, this launcher. */
function signature(files, esbuildVersion) {
  const h = createHash("sha256");
  h.update(`${esbuildVersion}\0${process.version}\0`);
  for (const f of [fileURLToPath(import.meta.url), ...files]) {
    const st = statSync(f);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest("hex").slice(0, 20);
}

function readManifest(cacheDir) {
  try {
    const m = JSON.parse(readFileSync(join(cacheDir, "manifest.json"), "utf8"));
    return Array.isArray(m.files) && typeof m.sig === "string" && typeof m.esbuild === "string" ? m : null;
  } catch {
    return null;
  }
}

/** The cached bundle's entry when it is still current, else null. */
export function cachedEntry({ cacheDir } = DEFAULTS) {
  const m = readManifest(cacheDir);
  if (!m) return null;
  try {
    if (signature(m.files, m.esbuild) !== m.sig) return null;
    const main = join(cacheDir, `b-${m.sig}`, "main.js");
    statSync(main);
    return main;
  } catch {
    return null; // an input was deleted, or the bundle is gone
  }
}

/**
 * `import.meta.url` in a bundled file would name the bundle; each file gets its own URL back, so paths
 * computed from it (the gallery, package.json reads, the adapter's driver script) still point at the sources.
 */
const keepImportMetaUrl = {
  name: "keep-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      const src = readFileSync(args.path, "utf8");
      if (!src.includes("import.meta.url")) return undefined;
      const ext = args.path.slice(args.path.lastIndexOf(".") + 1);
      const loader = ext === "tsx" ? "tsx" : ext.endsWith("ts") ? "ts" : "js";
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: src.replaceAll("import.meta.url", url), loader };
    });
  },
};

/** How the CLI is bundled, here and in the packed tarball (scripts/pack-cli.mjs). */
export function bundleOptions(entry, outdir) {
  return {
    entryPoints: { main: entry },
    absWorkingDir: dirname(entry),
    bundle: true,
    splitting: true, // each command stays a lazily loaded chunk
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    external: EXTERNAL,
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
    // Less to parse at start; identifiers are kept, so stack traces still name functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // React and its reconciler pick their production build (the TUI asks for it): the development build is
    // dead code in the bundle, and leaving it out makes the TUI's chunk half the size to load.
    define: { "process.env.NODE_ENV": '"production"' },
    // Bundled CommonJS packages (react, …) call require() for Node built-ins.
    banner: {
      js: 'import { createRequire as __cpCreateRequire } from "node:module";\nconst require = __cpCreateRequire(import.meta.url);',
    },
  };
}

/** Bundles the CLI into a fresh directory of the cache and records its inputs. Returns the entry path. */
export async function buildBundle({ entry, cacheDir } = DEFAULTS) {
  const esbuild = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const tmp = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({ ...bundleOptions(entry, tmp), plugins: [keepImportMetaUrl] });
  const files = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes(":"))
    .map((f) => resolve(dirname(entry), f))
    .sort();
  const sig = signature(files, esbuild.version);
  const dir = join(cacheDir, `b-${sig}`);
  writeFileSync(join(tmp, "package.json"), '{ "type": "module" }\n');
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process built the same bundle first
  }
  const manifest = join(cacheDir, "manifest.json");
  writeFileSync(`${manifest}.${process.pid}`, JSON.stringify({ sig, esbuild: esbuild.version, files }));
  renameSync(`${manifest}.${process.pid}`, manifest);
  for (const name of readdirSync(cacheDir)) {
    if (!/^(b|tmp)-/.test(name) || name === `b-${sig}`) continue;
    const p = join(cacheDir, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {}
  }
  return join(dir, "main.js");
}

function runWithTsx() {
  const tsx = require.resolve("tsx/cli");
  const r = spawnSync(process.execPath, [tsx, entry, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

async function launch() {
  let main = null;
  if (!process.env.CODEX_POLICY_NO_BUNDLE) {
    try {
      main = cachedEntry() ?? (await buildBundle());
    } catch (e) {
      if (process.env.CODEX_POLICY_DEBUG) process.stderr.write(`codex-policy: bundling failed: ${e}\n`);
    }
  }
  if (!main) return runWithTsx();
  // main.js runs the CLI on import, reading process.argv as if it were the entry script.
  await import(pathToFileURL(main).href);
}

const isMain = (() => {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (isMain) await launch();
