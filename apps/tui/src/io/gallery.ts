import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GalleryEntry } from "../keys/dispatch.js";
import { parseScenarioText } from "./scenario-file.js";

/** The shipped example policies: `examples/gallery/*.toml` at the repository root. */
export const GALLERY_DIR = fileURLToPath(new URL("../../../../examples/gallery/", import.meta.url));

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
