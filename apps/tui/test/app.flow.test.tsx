import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { releaseTimeline, resolve } from "@codex-policy/engine";
import type { Scenario } from "@codex-policy/spec";
import { afterEach, describe, expect, it } from "vitest";
import { listGallery } from "../src/io/gallery.js";
import { loadScenarioFile } from "../src/io/load.js";
import { BINDINGS } from "../src/keys/bindings.js";
import { createEffects } from "../src/run.js";
import { type Harness, KEYS, renderApp } from "./helpers/frames.js";

const load = (name: string): Scenario => {
  const r = loadScenarioFile(join("examples/gallery", name));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
};
const sandboxLine = (f: string) => f.split("\n").find((l) => l.includes("sandbox ")) ?? "";

let h: Harness | null = null;
afterEach(() => {
  h?.unmount();
  h = null;
});

/** Moves the Layers cursor to the row whose label contains `label`. */
async function selectLayer(app: Harness, label: string): Promise<void> {
  const idx = app.store
    .getState()
    .layers.findIndex((l) => (l.name ?? l.kind).includes(label) || l.kind === label);
  expect(idx).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < idx; i++) await app.press(KEYS.down);
}

describe("devbox flow", () => {
  it("typing a devbox hostname changes the sandbox line and the explain view shows the matched pattern", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve });
    const before = await h.waitFor((f) => sandboxLine(f).includes("read-only"), "read-only sandbox");
    expect(sandboxLine(before)).not.toContain("workspace-write");

    // Explain before: the devbox pattern missed this host.
    await h.press(KEYS.shiftTab, KEYS.down, KEYS.enter);
    await h.waitFor((f) => f.includes("Explain") && f.includes("missed host laptop-42"), "pattern miss");
    await h.press(KEYS.escape);

    await h.press(KEYS.shiftTab); // Context
    await h.press(KEYS.down, KEYS.down, KEYS.enter); // hostname
    await h.type("box7.devbox.example.com");
    await h.press(KEYS.enter);
    await h.waitFor((f) => sandboxLine(f).includes("workspace-write"), "workspace-write sandbox");

    await h.press(KEYS.tab, KEYS.enter); // Result: cursor still on sandbox
    const explain = await h.waitFor((f) => f.includes("Explain") && f.includes("matched"), "pattern match");
    expect(explain).toContain("*.devbox.example.com");
  });

  it("switching the system requirements layer off lifts the constraint; on restores it", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve });
    await selectLayer(h, "system.requirements");
    await h.press(KEYS.space);
    await h.waitFor((f) => sandboxLine(f).includes("workspace-write"), "constraint lifted");
    await h.press(KEYS.space);
    await h.waitFor((f) => sandboxLine(f).includes("read-only"), "constraint restored");
  });

  it("a TOML error typed in the in-app editor shows at its line and column", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve });
    await selectLayer(h, "system.requirements");
    await h.press("i");
    await h.waitFor((f) => f.includes("Edit ·") && f.includes("TOML ok"), "editor");
    await h.press(KEYS.down, KEYS.down);
    await h.type("oops = ");
    await h.waitFor((f) => /✗ line 3, col \d+/.test(f), "live syntax error");
    await h.press(KEYS.ctrlS);
    const f = await h.waitFor((x) => /✗3:\d+ \/etc\/codex\/req/.test(x), "error marker on the layer");
    expect(f).toMatch(/✗ line 3, col \d+: /);
    expect(f).toContain("REFUSED");
  });
});

describe("overlays", () => {
  it("the help overlay is drawn from the keybinding table", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve, width: 120, height: 40 });
    await h.press("?");
    const f = await h.waitFor((x) => x.includes("Keys"), "help");
    for (const b of BINDINGS.filter((x) => ["global", "layers", "context", "result"].includes(x.scope))) {
      expect(f).toContain(b.help);
    }
    await h.press(KEYS.escape);
    await h.waitFor((x) => x.includes("Layers"), "back to panes");
  });

  it("the edition comparison highlights that codex-0.169 refuses where the docs skip the cloud layer", async () => {
    h = await renderApp({ scenario: load("contractor-stale-cache.toml"), resolve, width: 100 });
    await h.waitFor((f) => f.includes("REFUSED"), "refused on codex-0.169");
    await h.press("c");
    const f = await h.waitFor((x) => x.includes("Editions"), "comparison");
    expect(f).toMatch(/≠ status\s+ok\s+refused/);
    expect(f).not.toContain("0 differences");
  });

  it("q asks to quit", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve });
    await h.press("q");
    expect(h.quitCalls).toBe(1);
  });
});

describe("context edits", () => {
  it("adds and removes an identity group, and the cloud rule that applies follows", async () => {
    const s = load("four-groups.toml");
    h = await renderApp({
      scenario: { ...s, identity: { ...s.identity, groups: [] } },
      resolve,
      width: 100,
      height: 40,
    });
    await h.press(KEYS.tab);
    const groupsAdd = h.store.getState().context.groups.length + 8;
    for (let i = 0; i < groupsAdd; i++) await h.press(KEYS.down);
    await h.waitFor((f) => f.includes("›+ add group"), "add-group row");
    await h.press(KEYS.enter);
    await h.type("backend");
    await h.press(KEYS.enter);
    await h.waitFor((f) => f.includes("group:") && f.includes("backend"), "group added");
    expect(h.store.derived().outcome.cloud?.rule).toBe("Backend Developers");
    // The cursor stays on the row that now holds the new group.
    await h.press("-");
    await h.waitFor((f) => !f.includes("group:"), "group removed");
    expect(h.store.derived().outcome.cloud?.rule).not.toBe("Backend Developers");
  });

  it("picks enum values in place", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve });
    await h.press(KEYS.tab, KEYS.down); // os
    await h.press(KEYS.right);
    await h.waitFor((f) => f.includes("<macos>"), "os cycled");
    await h.press(KEYS.left);
    await h.waitFor((f) => f.includes("<linux>"), "os back");
  });
});

describe("files", () => {
  it("saves the scenario so that it loads back identically", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tui-save-"));
    const path = join(dir, "out.toml");
    h = await renderApp({
      scenario: load("four-groups.toml"),
      resolve,
      effects: (store) => createEffects(store, () => false),
    });
    await h.press("s");
    await h.waitFor((f) => f.includes("Save scenario to"), "save prompt");
    await h.type(path);
    await h.press(KEYS.enter);
    await h.waitFor((f) => f.includes("· saved /"), "saved status");
    expect(h.store.getState().status).toBe(`saved ${path}`);
    const back = loadScenarioFile(path);
    expect(back.ok && back.scenario).toEqual(h.store.derived().built.scenario);
    expect(readFileSync(path, "utf8")).toContain("requirements = '''");
    rmSync(dir, { recursive: true, force: true });
  });

  it("every gallery example opens from the gallery view with a result", async () => {
    const entries = listGallery();
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(["four-groups", "devbox", "mcp-allowlist"]),
    );
    for (const [i, entry] of entries.entries()) {
      const app = await renderApp({
        scenario: load("devbox.toml"),
        resolve,
        width: 100,
        gallery: entries,
        effects: (store) => ({ ...createEffects(store, () => false), gallery: () => entries }),
      });
      await app.press("g");
      await app.waitFor((f) => f.includes("Example policies"), "gallery");
      for (let k = 0; k < i; k++) await app.press(KEYS.down);
      await app.press(KEYS.enter);
      const f = await app.waitFor(
        (x) => x.includes(`${entry.name}.toml`) && x.includes("Result"),
        `loaded ${entry.name}`,
      );
      const o = app.store.derived().outcome;
      if (o.status === "ok") expect(f).toMatch(/sandbox\s+(read-only|workspace-write|danger-full-access)/);
      else expect(f).toMatch(/REFUSED\s+Codex will not start/);
      expect(o.status === "ok" || o.errors.length > 0).toBe(true);
      app.unmount();
    }
  });
});

describe("snapshots (ANSI-stripped, 80×24)", () => {
  it("devbox on a laptop", async () => {
    h = await renderApp({ scenario: load("devbox.toml"), resolve, file: "examples/gallery/devbox.toml" });
    expect(h.frame()).toMatchSnapshot();
  });
});

describe("releases", () => {
  const legacy = (): Scenario => {
    const r = loadScenarioFile("examples/legacy-managed-config.toml");
    if (!r.ok) throw new Error(r.message);
    return r.scenario;
  };
  /** Moves the Context cursor onto the edition row and presses Enter. */
  async function editEdition(app: Harness): Promise<void> {
    while (app.store.getState().focus !== "context") await app.press(KEYS.tab);
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes("Edition (0.150"), "edition prompt");
  }

  it("typing a release switches the edition; a release never published is refused with the nearest ones", async () => {
    h = await renderApp({ scenario: legacy(), resolve, timeline: releaseTimeline, width: 100, height: 30 });
    await editEdition(h);
    await h.type("0.136");
    await h.press(KEYS.enter);
    let f = await h.waitFor((x) => x.includes("· codex-0.136 ·"), "edition codex-0.136");
    expect(sandboxLine(f)).toContain("read-only");
    await editEdition(h);
    await h.type("0.137.0");
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes("· codex-0.137 ·"), "edition codex-0.137");
    expect(sandboxLine(f)).toContain("danger-full-access");
    await editEdition(h);
    await h.type("0.78");
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes("never published"), "refusal");
    expect(h.store.getState().status).toContain("codex-0.77 and codex-0.79");
    expect(h.store.getState().edition).toBe("codex-0.137");
    // Left and right still pick among every release.
    await h.press(KEYS.left);
    expect(h.store.getState().edition).toBe("codex-0.136");
  });

  it("the releases view lists the change points with the entry beside each, and marks the one in force (80×24)", async () => {
    h = await renderApp({ scenario: legacy(), resolve, timeline: releaseTimeline, width: 80, height: 24 });
    await h.press("v");
    const f = await h.waitFor((x) => x.includes("Releases ·"), "releases view");
    const lines = f.split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    const flip = lines.findIndex((l) => /0\.137\s+ok\s+never\s+danger-full-access/.test(l));
    expect(flip).toBeGreaterThan(0);
    expect(lines[flip + 1]).toContain("↳ legacy-above-requirements");
    // codex-0.169 is the edition in force: the last change point at or before it is marked.
    const marked = lines.filter((l) => l.includes("▶"));
    expect(marked).toHaveLength(1);
    await h.press(KEYS.escape);
    await h.waitFor((x) => x.includes("Result"), "back to the panes");
  });
});
