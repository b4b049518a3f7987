import { parse, TomlError } from "smol-toml";
import type { RepoIssue } from "./errors.js";

/** How a policy file is used where a test points at it. */
export const USE_KINDS = [
  "requirements",
  "managed_config",
  "config",
  "rules",
  "hooks_json",
  "cloud",
] as const;
export type UseKind = (typeof USE_KINDS)[number];

/** The scenario positions that take a document's text, and the kind of document each is. */
const TEXT_POSITIONS: Record<string, Record<string, UseKind>> = {
  system: { requirements: "requirements", managed_config: "managed_config", config: "config" },
  user: { config: "config", rules: "rules", hooks_json: "hooks_json" },
  project: { config: "config" },
  cloud: { default: "requirements", config: "config" },
};
/** MDM payloads are base64 of the file's bytes. */
const BASE64_POSITIONS: Record<string, UseKind> = {
  requirements_toml_base64: "requirements",
  config_toml_base64: "managed_config",
};
const CLOUD_FILE_KEYS = new Set(["default", "config", "rules"]);

export type KeyPath = (string | number)[];

/** A policy file as the loader read it. */
export interface ReadFile {
  /** The path from the repository root, normalized (`policies/a.toml` for `./policies/a.toml`). */
  name: string;
  text: string;
  bytes: Uint8Array;
}

/** Reads a repository file by its path relative to the root; an issue (without location) when it cannot. */
export type FileReader = (rel: string) => ReadFile | Pick<RepoIssue, "code" | "message">;

export interface Use {
  /** The policy file, relative to the repository root. */
  file: string;
  kind: UseKind;
}

/** Where a problem sits: the file that holds the reference and the key path inside it. */
export interface Place {
  file: string;
  path: KeyPath;
}

export interface Resolution {
  uses: Use[];
  /** Located by `at`, unless the problem carries its own line and column (a TOML syntax error). */
  issues: (Omit<RepoIssue, "file" | "path"> & { at: Place })[];
}

const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `{ file = "policies/requirements.toml" }`; anything else with a `file` key is a malformed reference. */
function referenceOf(v: unknown): string | "malformed" | null {
  if (!isTable(v) || !("file" in v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1 || typeof v.file !== "string" || v.file.trim() === "") return "malformed";
  return v.file;
}

const MALFORMED =
  'a policy file reference is written { file = "path/from/the/repository/root" } and nothing else';

class Resolver {
  readonly out: Resolution = { uses: [], issues: [] };
  constructor(private readonly read: FileReader) {}

  private fail(at: Place, code: string, message: string): void {
    this.out.issues.push({ at, code, message });
  }

  /** The text (or base64) a reference stands for; undefined after recording an issue. */
  private load(value: unknown, kind: UseKind, at: Place, base64 = false): unknown {
    const ref = referenceOf(value);
    if (ref === null) return value;
    if (ref === "malformed") {
      this.fail(at, "reference-invalid", MALFORMED);
      return undefined;
    }
    const got = this.read(ref);
    if (!("text" in got)) {
      this.fail(at, got.code, `${ref}: ${got.message}`);
      return undefined;
    }
    this.out.uses.push({ file: got.name, kind });
    return base64 ? Buffer.from(got.bytes).toString("base64") : got.text;
  }

  /** Replaces every reference in one scenario table (a case's, or a test's patch) in place. */
  scenario(s: unknown, at: Place): void {
    if (!isTable(s)) return;
    if (isTable(s.cloud) && "file" in s.cloud)
      this.cloudFile(s.cloud, { ...at, path: [...at.path, "cloud"] });
    for (const [section, keys] of Object.entries(TEXT_POSITIONS)) {
      const table = s[section];
      if (!isTable(table)) continue;
      for (const [key, kind] of Object.entries(keys)) {
        if (!(key in table)) continue;
        table[key] = this.load(table[key], kind, { ...at, path: [...at.path, section, key] });
      }
    }
    if (isTable(s.mdm)) {
      for (const [key, kind] of Object.entries(BASE64_POSITIONS)) {
        if (!(key in s.mdm)) continue;
        s.mdm[key] = this.load(s.mdm[key], kind, { ...at, path: [...at.path, "mdm", key] }, true);
      }
    }
    if (isTable(s.cloud)) this.cloudRules(s.cloud, { ...at, path: [...at.path, "cloud"] });
  }

  private cloudRules(cloud: Record<string, unknown>, at: Place): void {
    if (!Array.isArray(cloud.rules)) return;
    cloud.rules.forEach((r, i) => {
      if (isTable(r) && "requirements" in r)
        r.requirements = this.load(r.requirements, "requirements", {
          ...at,
          path: [...at.path, "rules", i, "requirements"],
        });
    });
  }

  /** `cloud = { file = "policies/cloud.toml", cache = "valid" }`: the file's default, config and rules. */
  private cloudFile(cloud: Record<string, unknown>, at: Place): void {
    const ref = cloud.file;
    delete cloud.file;
    if (typeof ref !== "string" || ref.trim() === "") {
      this.fail({ ...at, path: [...at.path, "file"] }, "reference-invalid", "cloud.file names a file");
      return;
    }
    const got = this.read(ref);
    if (!("text" in got)) {
      this.fail({ ...at, path: [...at.path, "file"] }, got.code, `${ref}: ${got.message}`);
      return;
    }
    let doc: Record<string, unknown>;
    try {
      doc = parse(got.text) as Record<string, unknown>;
    } catch (e) {
      const err = e as TomlError;
      this.out.issues.push({
        at: { file: got.name, path: [] },
        code: "cloud-file-invalid",
        message: (err.message.split("\n")[0] ?? "").trim(),
        ...(e instanceof TomlError ? { line: err.line, column: err.column } : {}),
      });
      return;
    }
    for (const key of Object.keys(doc)) {
      if (CLOUD_FILE_KEYS.has(key)) continue;
      this.fail(
        { file: got.name, path: [key] },
        "cloud-file-invalid",
        `unknown key '${key}': a cloud policy file holds default, config and [[rules]]`,
      );
      return;
    }
    this.out.uses.push({ file: got.name, kind: "cloud" });
    const inFile = { file: got.name, path: [] };
    if ("default" in doc)
      doc.default = this.load(doc.default, "requirements", { ...inFile, path: ["default"] });
    if ("config" in doc) doc.config = this.load(doc.config, "config", { ...inFile, path: ["config"] });
    this.cloudRules(doc, inFile);
    // Keys the test writes beside `file` (cache, fetch, or its own rules) win over the file's.
    for (const [k, v] of Object.entries(doc)) if (!(k in cloud)) cloud[k] = v;
  }
}

/**
 * Replaces every policy file reference in a raw case (its scenario and each test's scenario patch)
 * with the file's text, in place. Paths are relative to the repository root.
 */
export function resolveReferences(
  raw: Record<string, unknown>,
  testFile: string,
  read: FileReader,
): Resolution {
  const r = new Resolver(read);
  r.scenario(raw.scenario, { file: testFile, path: ["scenario"] });
  if (Array.isArray(raw.tests)) {
    raw.tests.forEach((t, i) => {
      if (isTable(t)) r.scenario(t.scenario, { file: testFile, path: ["tests", i, "scenario"] });
    });
  }
  return r.out;
}
