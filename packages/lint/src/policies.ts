import { dirname } from "node:path";
import { editionSpec } from "@codex-policy/engine";
import type { PolicyFile } from "./files.js";
import type { Finding } from "./finding.js";
import { acrossTargets, settle } from "./lint.js";
import { precedenceFindings } from "./precedence.js";
import { lintUnderEdition } from "./under-edition.js";

export interface LintedFile {
  file: PolicyFile;
  findings: Finding[];
}

/** Lints files one by one, then requirements.toml against managed_config.toml where a directory holds both. */
export function lintPolicies(files: readonly PolicyFile[], targets: readonly string[]): LintedFile[] {
  const found = new Map<PolicyFile, Finding[]>(
    files.map((f) => [
      f,
      acrossTargets({ ...f, targets }, (e) => lintUnderEdition(f.kind, f.text, editionSpec(e))),
    ]),
  );
  const byDir = new Map<string, PolicyFile[]>();
  for (const f of files) byDir.set(dirname(f.file), [...(byDir.get(dirname(f.file)) ?? []), f]);
  for (const group of byDir.values()) {
    const req = group.filter((f) => f.kind === "requirements");
    const managed = group.filter((f) => f.kind === "managed_config");
    if (req.length !== 1 || managed.length !== 1) continue;
    for (const f of precedenceFindings(req[0]!, managed[0]!, targets))
      found.get(f.file === req[0]!.file ? req[0]! : managed[0]!)!.push(f);
  }
  return files.map((f) => ({ file: f, findings: settle(found.get(f)!, { ...f, targets }) }));
}
