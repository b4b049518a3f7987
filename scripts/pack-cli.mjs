#!/usr/bin/env node
// `pnpm pack:cli`: writes dist/codex-policy-<version>.tgz, the publish-ready CLI. The workspace packages and
// every third-party dependency are bundled into dist/ of the package, so installing it needs only npm and
// Node 20; the real Codex binary is an optional dependency. The corpus, its baselines and the examples ship
// beside the bundle, where the CLI finds them by walking up from its own files.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleOptions } from "../apps/cli/bin/codex-policy.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "apps", "cli");
const require = createRequire(join(CLI, "package.json"));

/** Shipped as files beside the bundle, each from its place in the monorepo (corpus evidence cites docs/). */
const DATA = ["conformance/cases", "conformance/baselines", "conformance/examples", "examples", "docs"];

const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));

function manifest(cli, codexVersion) {
  return {
    name: "codex-policy",
    version: cli.version,
    description:
      "Conformance suite and simulator for the managed configuration of OpenAI's Codex CLI (requirements.toml)",
    keywords: ["codex", "requirements.toml", "policy", "conformance", "managed-configuration"],
    license: "MIT",
    type: "module",
    bin: { "codex-policy": "bin/codex-policy.mjs" },
    files: ["bin", "dist", ...DATA, "README.md", "LICENSE", "THIRD-PARTY-NOTICES.txt"],
    engines: cli.engines,
    // The real binary for `--impl codex-cli`; npm skips it where it cannot install.
    optionalDependencies: { "@openai/codex": codexVersion },
  };
}

/** The npm package a bundled file comes from (`node_modules/.pnpm/x@1/node_modules/@s/n/lib/a.js` → its root). */
function packageRootOf(file) {
  const parts = file.split("/");
  const i = parts.lastIndexOf("node_modules");
  if (i < 0) return null;
  const n = parts[i + 1]?.startsWith("@") ? 2 : 1;
  return parts.slice(0, i + 1 + n).join("/");
}

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/** One section per bundled third-party package: name, version, licence, and its licence text when it ships one. */
function thirdPartyNotices(inputs) {
  const roots = [...new Set(inputs.map(packageRootOf).filter(Boolean))].sort();
  const sections = roots.map((root) => {
    const pkg = readJson(join(root, "package.json"));
    const file = readdirSync(root).find((f) => LICENCE_FILE.test(f));
    const text = file ? readFileSync(join(root, file), "utf8").trim() : "(no licence text shipped)";
    return `${pkg.name}@${pkg.version} (${pkg.license ?? "unknown licence"})\n\n${text}\n`;
  });
  return `codex-policy bundles the following packages.\n\n${sections.join(`\n${"-".repeat(72)}\n\n`)}`;
}

export async function packCli({ outDir = join(ROOT, "dist"), log = console.error } = {}) {
  const esbuild = await import(require.resolve("esbuild"));
  const cli = readJson(join(CLI, "package.json"));
  const adapter = readJson(join(ROOT, "packages", "codex-cli-adapter", "package.json"));
  const codexVersion = adapter.peerDependencies["@openai/codex"];
  const stage = mkdtempSync(join(tmpdir(), "codex-policy-pack-"));
  const pkgDir = join(stage, "package");
  try {
    // Unlike the dev launcher's bundle, import.meta.url stays the bundle's own: the files it locates ship beside it.
    const result = await esbuild.build(bundleOptions(join(CLI, "src", "main.ts"), join(pkgDir, "dist")));
    // The adapter runs these as files next to its code (`new URL("./driver/…", import.meta.url)`).
    const driver = join(pkgDir, "dist", "driver");
    cpSync(join(ROOT, "packages", "codex-cli-adapter", "src", "driver"), driver, { recursive: true });
    for (const f of readdirSync(driver)) if (f.endsWith(".sh")) chmodSync(join(driver, f), 0o755);
    for (const d of DATA)
      cpSync(join(ROOT, d), join(pkgDir, d), {
        recursive: true,
        filter: (src) => !src.includes("node_modules") && !src.endsWith(".test.ts"),
      });
    mkdirSync(join(pkgDir, "bin"));
    writeFileSync(
      join(pkgDir, "bin", "codex-policy.mjs"),
      '#!/usr/bin/env node\n// dist/main.js runs the CLI on import, with process.argv as given.\nimport "../dist/main.js";\n',
    );
    chmodSync(join(pkgDir, "bin", "codex-policy.mjs"), 0o755);
    cpSync(join(CLI, "README.md"), join(pkgDir, "README.md"));
    cpSync(join(ROOT, "LICENSE"), join(pkgDir, "LICENSE"));
    const inputs = Object.keys(result.metafile.inputs).map((f) => resolve(CLI, "src", f));
    writeFileSync(join(pkgDir, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices(inputs));
    writeFileSync(join(pkgDir, "package.json"), `${JSON.stringify(manifest(cli, codexVersion), null, 2)}\n`);

    mkdirSync(outDir, { recursive: true });
    const tarball = join(outDir, `codex-policy-${cli.version}.tgz`);
    rmSync(tarball, { force: true });
    execFileSync("npm", ["pack", "--silent", "--pack-destination", outDir], {
      cwd: pkgDir,
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
    log(`wrote ${relative(process.cwd(), tarball) || basename(tarball)}`);
    return tarball;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packCli().catch((e) => {
    process.stderr.write(`pack:cli: ${e?.message ?? e}\n`);
    process.exit(1);
  });
}
