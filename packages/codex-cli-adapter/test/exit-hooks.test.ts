import { afterEach, describe, expect, it } from "vitest";
import { atExit, runExitHooks } from "../src/exit-hooks.js";

describe("exit hooks", () => {
  const forgets: (() => void)[] = [];
  afterEach(() => {
    for (const f of forgets.splice(0)) f();
  });

  it("kill every namespace before removing any directory, whatever the order they were added in", () => {
    const done: string[] = [];
    forgets.push(atExit("remove", () => done.push("remove run 1")));
    forgets.push(atExit("kill", () => done.push("kill run 1")));
    forgets.push(atExit("remove", () => done.push("remove run 2")));
    forgets.push(atExit("kill", () => done.push("kill run 2")));
    runExitHooks();
    expect(done).toEqual(["kill run 1", "kill run 2", "remove run 1", "remove run 2"]);
  });

  it("give every hook its turn when one throws, and run each once", () => {
    const done: string[] = [];
    forgets.push(
      atExit("kill", () => {
        throw new Error("already gone");
      }),
    );
    forgets.push(atExit("remove", () => done.push("remove")));
    runExitHooks();
    runExitHooks();
    expect(done).toEqual(["remove"]);
  });

  it("listen for exit and signals only while a hook is registered", () => {
    const before = process.listenerCount("SIGINT");
    const forget = atExit("remove", () => {});
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    forget();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});
