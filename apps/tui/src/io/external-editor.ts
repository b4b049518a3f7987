import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** `$VISUAL` or `$EDITOR`, or null when neither is set. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string | null {
  const cmd = (env.VISUAL || env.EDITOR || "").trim();
  return cmd ? cmd : null;
}

/**
 * Runs the editor on a temporary copy of `text` and returns the edited text,
 * or null if the editor failed (non-zero exit or could not start).
 */
export function editInExternalEditor(command: string, text: string, suffix: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-"));
  const file = join(dir, `layer${suffix}`);
  try {
    writeFileSync(file, text);
    const r = spawnSync(`${command} "${file}"`, { stdio: "inherit", shell: true });
    if (r.status !== 0) return null;
    return readFileSync(file, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
