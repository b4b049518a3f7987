import { join } from "node:path";
import type { CodeEntry } from "../src/catalogue.js";
import type { PolicyFile } from "../src/files.js";
import { fileNameOf, type PolicyKind } from "../src/kinds.js";

/** A policy file in a directory of its own, as a repository would hold it. */
export function policy(kind: PolicyKind, text: string, dir = "policy"): PolicyFile {
  return { file: join(dir, fileNameOf(kind)), kind, text };
}

/** A catalogue entry's example as files: the example and the files it sits beside. */
export function exampleFiles(entry: CodeEntry): PolicyFile[] {
  const { kind, text, with: beside = {} } = entry.example;
  return [policy(kind, text), ...Object.entries(beside).map(([k, t]) => policy(k as PolicyKind, t!))];
}
