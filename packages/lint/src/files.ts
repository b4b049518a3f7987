import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isPolicyKind, kindFromName, type PolicyKind } from "./kinds.js";

/** Input lint cannot read: a stable code and a one-line message naming the file. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_POLICY_BYTES = 1024 * 1024;

export interface PolicyFile {
  file: string;
  kind: PolicyKind;
  text: string;
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("input-missing", `${path}: no such file or directory`);
    throw new InputError("input-unreadable", `${path}: cannot read (${code ?? "error"})`);
  }
}

/** The policy files a path names: the file itself, or every policy file directly in a directory. */
export function expandPath(path: string): string[] {
  if (!statOf(path).isDirectory()) return [path];
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (e) {
    throw new InputError(
      "input-unreadable",
      `${path}: cannot list (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const found = names
    .filter((n) => kindFromName(n) !== null && statOf(join(path, n)).isFile())
    .map((n) => join(path, n));
  if (found.length === 0)
    throw new InputError(
      "input-no-policy",
      `${path}: no requirements.toml, managed_config.toml or config.toml in this directory`,
    );
  return found;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads one policy file, refusing what is not a text policy: too large, binary, not UTF-8 or empty. */
export function readPolicy(path: string, kindFlag?: string): PolicyFile {
  const kind = kindFlag ?? kindFromName(path);
  if (!kind)
    throw new InputError(
      "input-kind-unknown",
      `${path}: cannot tell the kind from the file name; pass --kind requirements, managed_config or config`,
    );
  if (!isPolicyKind(kind))
    throw new InputError("usage", `--kind takes requirements, managed_config or config, got '${kind}'`);
  const st = statOf(path);
  if (st.isDirectory()) throw new InputError("input-unreadable", `${path}: is a directory`);
  // A FIFO or device would block the read or never end.
  if (!st.isFile()) throw new InputError("input-unreadable", `${path}: not a regular file`);
  if (st.size > MAX_POLICY_BYTES)
    throw new InputError(
      "input-too-large",
      `${path}: ${st.size} bytes is over the 1 MB limit for a policy file`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(
      "input-unreadable",
      `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new InputError(
      "input-binary",
      `${path}: binary content (a NUL byte at offset ${nul}), not a TOML policy`,
    );
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError("input-not-utf8", `${path}: not valid UTF-8, which TOML requires`);
  }
  if (text.trim() === "") throw new InputError("input-empty", `${path}:1:1: the file is empty`);
  return { file: path, kind, text: text.replace(/^\uFEFF/, "") };
}
