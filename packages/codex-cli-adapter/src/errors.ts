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
