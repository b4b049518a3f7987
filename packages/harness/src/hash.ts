import { createHash } from "node:crypto";
import type { Case } from "@codex-policy/spec";
import { caseSource } from "./source.js";

/**
 * A content hash of the corpus: sha256 over each case file's relative path and text, in path
 * order. Cases without a file are hashed by their JSON form.
 */
export function corpusHash(cases: Case[]): string {
  const parts = cases
    .map((c) => {
      const src = caseSource(c);
      return src ? [src.relPath, src.text] : [`(memory)/${c.id}`, JSON.stringify(c)];
    })
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  const h = createHash("sha256");
  for (const [p, t] of parts) h.update(`${p}\0${t}\0`);
  return `sha256:${h.digest("hex")}`;
}
