import { type Edition, parseEdition } from "@codex-policy/spec";
import { UserError } from "./user-error.js";

/** Reads `--edition`: any published release (`codex-0.150`, `codex-0.142.3`), `codex-latest` or `documented`. */
export function editionFlag(value: string | undefined): Edition | undefined {
  if (value === undefined) return undefined;
  const p = parseEdition(value);
  if (!p.ok) throw new UserError(p.message, 2, p.code);
  return p.edition;
}
