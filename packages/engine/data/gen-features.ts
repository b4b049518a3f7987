/**
 * Regenerates features-0.169.json from the pinned Codex binary.
 *
 *   pnpm exec tsx packages/engine/data/gen-features.ts
 *
 * Reads `codex features list` (key, stage, default), probes which keys config toggles
 * cannot change (`--enable`/`--disable`), and, when `unshare` is available, reads the pin
 * order from the conflict error of a private requirements.toml (mounted over a copy of
 * /etc inside a user+mount namespace with no network; the host /etc is never written).
 * Aliases, dependencies and ignored pins were observed on the same binary through the
 * app-server warnings; they are listed below as facts.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(
  here,
  "../../../node_modules/.pnpm/@openai+codex@0.169.0-linux-x64/node_modules/@openai/codex/vendor/x86_64-unknown-linux-musl/bin/codex",
);

/** Legacy keys (observed: requirement warning "Using legacy ..."; config effect via -c). */
const ALIASES: { key: string; canonical: string; requirements: "legacy" | "silent"; config: boolean }[] = [
  { key: "connectors", canonical: "apps", requirements: "legacy", config: true },
  {
    key: "enable_experimental_windows_sandbox",
    canonical: "experimental_windows_sandbox",
    requirements: "legacy",
    config: true,
  },
  {
    key: "experimental_use_unified_exec_tool",
    canonical: "unified_exec",
    requirements: "legacy",
    config: false,
  },
  {
    key: "request_permissions",
    canonical: "exec_permission_approvals",
    requirements: "legacy",
    config: true,
  },
  { key: "web_search", canonical: "web_search_request", requirements: "legacy", config: true },
  { key: "collab", canonical: "multi_agent", requirements: "legacy", config: true },
  { key: "codex_hooks", canonical: "hooks", requirements: "legacy", config: true },
  { key: "memory_tool", canonical: "memories", requirements: "legacy", config: true },
  // `auto_review` pins guardian_approval without a warning; in config.toml it is not a feature key.
  { key: "auto_review", canonical: "guardian_approval", requirements: "silent", config: false },
];

/** Enabling the first key forces the others on (normalisation after pins). */
const REQUIRES: Record<string, string[]> = { code_mode_only: ["code_mode"] };

/** Pins Codex drops: with a warning suffix, or silently (null). */
const IGNORED_PINS: Record<string, string | null> = {
  "guardianv2.thread_context": "thread-owned Guardian context is always enabled.",
  realtime_conversation: "availability no longer depends on this feature flag.",
  worktrees: "availability no longer depends on this feature flag.",
  shell_zsh_fork: "the patched zsh backend has been removed.",
  unified_exec_zsh_fork: "the patched zsh backend has been removed.",
  personality: null,
  plugin_discovery_prefetch: null,
};

/** Features whose `true` needs extra config (enabling them without it fails to load). */
const NEEDS_CONFIG: Record<string, string> = {
  rollout_budget: "features.rollout_budget.limit_tokens is required when rollout_budget is enabled",
};

interface Row {
  key: string;
  stage: string;
  default: boolean;
}

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CODEX_HOME: mkdtempSync(join(tmpdir(), "cx-")),
    HOME: mkdtempSync(join(tmpdir(), "hx-")),
  };
}

function parseList(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split("\n")) {
    const m = /^(\S+)\s+(under development|experimental|stable|deprecated|removed)\s+(true|false)\s*$/.exec(
      line,
    );
    if (m) rows.push({ key: m[1]!, stage: m[2]!, default: m[3] === "true" });
  }
  return rows;
}

async function list(args: string[]): Promise<Map<string, boolean>> {
  const { stdout } = await run(BIN, [...args, "features", "list"], { env: env(), timeout: 60_000 });
  return new Map(parseList(stdout).map((r) => [r.key, r.default]));
}

/** Pins every feature and reads the enum order from the dependency-conflict message. */
function pinOrder(rows: Row[]): string[] | null {
  const w = mkdtempSync(join(tmpdir(), "gen-feat-"));
  try {
    const etc = join(w, "etc");
    cpSync("/etc", etc, { recursive: true, dereference: false, errorOnExist: false, force: true });
    mkdirSync(join(etc, "codex"), { recursive: true });
    const lines = ["[features]"];
    for (const r of rows) {
      let v = r.default;
      if (r.key in NEEDS_CONFIG) v = false;
      if (r.key === "code_mode") v = false;
      if (r.key === "code_mode_only") v = true;
      lines.push(`${JSON.stringify(r.key)} = ${v}`);
    }
    writeFileSync(join(etc, "codex", "requirements.toml"), `${lines.join("\n")}\n`);
    const e = env();
    const out = execFileSync(
      "unshare",
      [
        "-rm",
        "--net",
        "bash",
        "-c",
        `mount --bind ${etc} /etc && ${BIN} app-server --print-startup-config || true`,
      ],
      { env: e, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const m = /is not in the allowed set \[([^\]]*)\]/.exec(out);
    return m ? m[1]!.split(", ").map((p) => p.split("=")[0]!) : null;
  } catch {
    return null;
  } finally {
    rmSync(w, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows = parseList(execFileSync(BIN, ["features", "list"], { env: env(), encoding: "utf8" }));
  // Which keys config toggles cannot move away from the default.
  const inert = new Set<string>();
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: 12 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        if (r.key in NEEDS_CONFIG) continue;
        const flag = r.default ? "--disable" : "--enable";
        const got = await list([flag, r.key]);
        if (got.get(r.key) === r.default) inert.add(r.key);
      }
    }),
  );
  const order = pinOrder(rows);
  const features = rows.map((r) => ({
    key: r.key,
    stage: r.stage,
    default: r.default,
    aliases: ALIASES.filter((a) => a.canonical === r.key).map(({ canonical: _c, ...a }) => a),
    requires: REQUIRES[r.key] ?? [],
    configInert: inert.has(r.key),
    pin: r.key in IGNORED_PINS ? (IGNORED_PINS[r.key] === null ? "ignored" : "ignored-warn") : "effective",
    ...(IGNORED_PINS[r.key] ? { removedNote: IGNORED_PINS[r.key] } : {}),
    ...(NEEDS_CONFIG[r.key] ? { needsConfig: NEEDS_CONFIG[r.key] } : {}),
    order: order ? (order.indexOf(r.key) >= 0 ? order.indexOf(r.key) : null) : null,
  }));
  const doc = {
    codex: "0.169.0",
    generatedBy: "packages/engine/data/gen-features.ts",
    features,
  };
  writeFileSync(join(here, "features-0.169.json"), `${JSON.stringify(doc, null, 2)}\n`);
  console.log(
    `wrote ${features.length} features (${inert.size} config-inert, order ${order ? "probed" : "unavailable"})`,
  );
}

void main();
