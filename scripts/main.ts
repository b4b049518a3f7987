// The README's main job: resolve the bundled example, then run the conformance corpus against the
// reference engine (both editions) and, where this machine can run it, the real Codex binary.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "apps", "cli", "src", "main.ts");
const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");

function step(title: string, args: string[]): number {
  console.log(`\n=== ${title}\n$ codex-policy ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, stdio: "inherit" });
  return r.status ?? 1;
}

async function binaryAvailable(): Promise<string | null> {
  try {
    const adapter = await import("@codex-policy/codex-cli-adapter");
    adapter.preflight();
    return null;
  } catch (e) {
    return (e as Error).message.split("\n")[0] ?? "unavailable";
  }
}

const results: [string, number][] = [];
results.push([
  "resolve example",
  step("Resolve the bundled example", ["resolve", "examples/contractor-devbox.toml"]),
]);
results.push([
  "corpus (engine, both editions)",
  step("Conformance: reference engine", ["conformance", "run", "--impl", "engine", "--reporter", "pretty"]),
]);
const why = await binaryAvailable();
if (why === null) {
  results.push([
    "corpus (real codex 0.169.0)",
    step("Conformance: real Codex binary", [
      "conformance",
      "run",
      "--impl",
      "codex-cli",
      "--baseline",
      "conformance/baselines/codex-cli.toml",
      "--reporter",
      "pretty",
    ]),
  ]);
} else {
  console.log(`\n(real Codex binary not run here: ${why})`);
}
console.log("\n=== Summary");
for (const [name, code] of results) console.log(`${code === 0 ? "PASS" : "FAIL"}  ${name}`);
process.exitCode = results.some(([, c]) => c !== 0) ? 1 : 0;
