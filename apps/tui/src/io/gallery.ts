import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GalleryEntry } from "../keys/dispatch.js";
import { parseScenarioText } from "./scenario-file.js";

/**
 * The shipped example policies, `examples/gallery/*.toml`: at the repository root, or at the root of the
 * installed package (where this file is bundled into `dist/`). The nearest ancestor that has them.
 */
export const GALLERY_DIR = galleryDir(dirname(fileURLToPath(import.meta.url)));

function galleryDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "examples", "gallery");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(from, "examples", "gallery");
  }
}

export function listGallery(dir = GALLERY_DIR): GalleryEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".toml"))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const file = join(dir, f);
    let description = "";
    try {
      const r = parseScenarioText(readFileSync(file, "utf8"), f);
      description = r.ok ? (r.scenario.description ?? "") : r.message;
    } catch (e) {
      description = String(e);
    }
    return { name: basename(f, ".toml"), file, description };
  });
}
