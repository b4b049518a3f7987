import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// The cover script runs with a stand-in `mount` first on PATH, so no namespace is needed: the
// stand-in logs each target and then does what the test asks of it.
const SCRIPT = join(import.meta.dirname, "..", "src", "driver", "cover-codex-dirs.sh");
const FAKE_MOUNT = `#!/bin/sh
for last; do :; done
echo "$last" >> "$MOUNT_LOG"
case "$MOUNT_DOES" in
  vanish) rmdir "$last"; echo "mount: $last: mount point does not exist." >&2; exit 32 ;;
  fail) echo "mount: $last: permission denied." >&2; exit 32 ;;
esac
`;

let root = "";
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "codex-policy-cover-")));
  mkdirSync(join(root, "bin"));
  writeFileSync(join(root, "bin", "mount"), FAKE_MOUNT);
  chmodSync(join(root, "bin", "mount"), 0o755);
  mkdirSync(join(root, "a", "b", "c"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function cover(does: "succeed" | "vanish" | "fail") {
  const log = join(root, "mounts.log");
  writeFileSync(log, "");
  const r = spawnSync("sh", [SCRIPT, join(root, "a", "b", "c")], {
    env: {
      ...process.env,
      PATH: `${join(root, "bin")}:${process.env.PATH}`,
      MOUNT_LOG: log,
      MOUNT_DOES: does,
    },
    encoding: "utf8",
  });
  // The walk goes on to /, where the host may have its own `.codex`: only ours count.
  const mounted = readFileSync(log, "utf8")
    .split("\n")
    .filter((t) => t.startsWith(`${root}/`));
  return { status: r.status, stderr: r.stderr, mounted };
}

describe("cover-codex-dirs.sh", () => {
  it("covers each .codex folder from the directory up, but not a symlink or a file", () => {
    mkdirSync(join(root, "a", "b", "c", ".codex"));
    mkdirSync(join(root, "a", ".codex"));
    symlinkSync(join(root, "a", ".codex"), join(root, "a", "b", ".codex"));
    writeFileSync(join(root, ".codex"), "not a folder");
    const r = cover("succeed");
    expect(r).toEqual({
      status: 0,
      stderr: "",
      mounted: [join(root, "a", "b", "c", ".codex"), join(root, "a", ".codex")],
    });
  });

  it("passes over a folder that vanishes before its mount (a sandbox's mount point)", () => {
    mkdirSync(join(root, "a", ".codex"));
    const r = cover("vanish");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.mounted).toEqual([join(root, "a", ".codex")]);
  });

  it("fails, naming the folder, when a mount fails on a folder still there", () => {
    mkdirSync(join(root, "a", ".codex"));
    const r = cover("fail");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot cover ${join(root, "a", ".codex")}: mount: `);
    expect(r.stderr).toContain("permission denied");
  });
});
