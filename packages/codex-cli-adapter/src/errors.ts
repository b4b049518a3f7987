/** Stable codes for failures to run the real binary at all (not scenario refusals). */
export const ADAPTER_ERROR_CODES = [
  "not-linux",
  "no-namespaces",
  "unshare-missing",
  "binary-missing",
  "binary-broken",
  "probe-failed",
  "probe-timeout",
] as const;
export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

/** A failure of the adapter's environment. `message` is one line that names the fix. */
export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AdapterError";
  }
}

/**
 * The exit code for an adapter failure: a binary path the user gave (`--codex-bin`, `CODEX_BIN`)
 * that is missing or no Codex binary is a usage error (2); anything else means the binary could
 * not run here (3).
 */
export function adapterExitCode(
  e: { code?: string },
  given: string | undefined = process.env.CODEX_BIN,
): 2 | 3 {
  return given && (e.code === "binary-missing" || e.code === "binary-broken") ? 2 : 3;
}
