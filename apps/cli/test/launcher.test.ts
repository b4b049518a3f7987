import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDirs } from "@codex-policy/spec/testing";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: the bin is plain JavaScript without declarations
import { buildBundle, cachedEntry } from "../bin/codex-policy.mjs";

const dirs = tempDirs("cp-launcher-");
afterAll(dirs.removeAll);

const run = (main: string) => execFileSync(process.execPath, [main], { encoding: "utf8" }).trim();

describe("bin launcher: bundle cache", () => {
  it("reuses the bundle while its sources are unchanged and rebuilds it when one changes", async () => {
    const dir = dirs.make();
    const src = join(dir, "src");
    const cacheDir = join(dir, "cache");
    mkdirSync(src, { recursive: true });
    const entry = join(src, "main.ts");
    writeFileSync(entry, 'import { word } from "./dep.js";\nconst n: number = 1;\nconsole.log(word, n);\n');
    writeFileSync(join(src, "dep.ts"), 'export const word: string = "before";\n');
    const opts = { entry, cacheDir };

    expect(cachedEntry(opts)).toBeNull();
    const first: string = await buildBundle(opts);
    expect(run(first)).toBe("before 1");
    expect(cachedEntry(opts)).toBe(first);

    // A change to an imported file (not the entry) invalidates the cache; the rebuild picks it up.
    writeFileSync(join(src, "dep.ts"), 'export const word: string = "after!";\n');
    expect(cachedEntry(opts)).toBeNull();
    const second: string = await buildBundle(opts);
    expect(second).not.toBe(first);
    expect(run(second)).toBe("after! 1");
    expect(cachedEntry(opts)).toBe(second);
  });

  it("keeps import.meta.url pointing at each source file, not at the bundle", async () => {
    const dir = dirs.make();
    const entry = join(dir, "main.ts");
    writeFileSync(entry, "console.log(new URL('./data.txt', import.meta.url).pathname);\n");
    const main: string = await buildBundle({ entry, cacheDir: join(dir, "cache") });
    expect(run(main)).toBe(join(dir, "data.txt"));
  });
});
