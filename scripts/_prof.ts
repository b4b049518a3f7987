import { resolve } from "@codex-policy/engine";
import { heavyScenario } from "./bench/heavy-scenario.js";
const s = heavyScenario();
const t0 = performance.now();
for (let i = 0; i < 20000; i++) resolve(s, i % 2 ? "documented" : "codex-0.169");
console.log(((performance.now() - t0) / 20000).toFixed(3), "ms/resolve");
