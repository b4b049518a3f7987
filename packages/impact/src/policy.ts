import { readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { expandPath, InputError, readPolicy } from "@codex-policy/lint";
import type { ScenarioInput } from "@codex-policy/spec";
import { parse } from "smol-toml";
import { ImpactInputError } from "./errors.js";

/** A policy version: the documents Codex reads, by where they sit in a scenario. */
export interface Policy {
  /** What was given: a file or a directory. */
  source: string;
  system: { requirements?: string; managed_config?: string; config?: string };
  /** Cloud group rules (`cloud.toml`: default and [[rules]] with name, groups, requirements). */
  cloud?: { default?: string; rules: { name: string; groups: string[]; requirements: string }[] };
}

const CLOUD_FILE = /(^|[.-])cloud\.toml$/;
const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function cloudPolicy(path: string): NonNullable<Policy["cloud"]> {
  let doc: Record<string, unknown>;
  try {
    doc = parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (e) {
    const err = e as { line?: number; column?: number; message?: string };
    const at = err.line ? `:${err.line}:${err.column ?? 1}` : "";
    throw new ImpactInputError("cloud-file-invalid", `${path}${at}: ${(err.message ?? "").split("\n")[0]}`);
  }
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  return {
    ...(typeof doc.default === "string" ? { default: doc.default } : {}),
    rules: rules.map((r, i) => {
      if (!isTable(r) || typeof r.name !== "string")
        throw new ImpactInputError("cloud-file-invalid", `${path}: rules[${i}] needs a name`);
      return {
        name: r.name,
        groups: Array.isArray(r.groups) ? r.groups.map(String) : [],
        requirements: typeof r.requirements === "string" ? r.requirements : "",
      };
    }),
  };
}

/** Reads a policy version from a file or a directory of requirements/managed_config/config/cloud files. */
export function readPolicyVersion(path: string): Policy {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new ImpactInputError("input-missing", `${path}: no such file or directory`);
  }
  const policy: Policy = { source: path, system: {} };
  const files = st.isDirectory()
    ? [...safeExpand(path), ...(statIsFile(join(path, "cloud.toml")) ? [join(path, "cloud.toml")] : [])]
    : [path];
  for (const file of files) {
    if (CLOUD_FILE.test(basename(file))) {
      policy.cloud = cloudPolicy(file);
      continue;
    }
    let read: ReturnType<typeof readPolicy>;
    try {
      read = readPolicy(file);
    } catch (e) {
      if (e instanceof InputError) throw new ImpactInputError(e.code, e.message);
      throw e;
    }
    if (policy.system[read.kind] !== undefined)
      throw new ImpactInputError("input-duplicate-kind", `${path}: two ${read.kind} files`);
    policy.system[read.kind] = read.text;
  }
  return policy;
}

function statIsFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeExpand(dir: string): string[] {
  try {
    return expandPath(dir);
  } catch (e) {
    if (e instanceof InputError && e.code === "input-no-policy" && statIsFile(join(dir, "cloud.toml")))
      return [];
    if (e instanceof InputError) throw new ImpactInputError(e.code, e.message);
    throw e;
  }
}

/** The policy's documents as scenario layers (a cloud policy delivered from a valid cache). */
export function policyLayers(p: Policy): Pick<ScenarioInput, "system" | "cloud"> {
  return {
    system: p.system,
    ...(p.cloud ? { cloud: { cache: "valid" as const, ...p.cloud } } : {}),
  };
}
