import { resolve } from "@codex-policy/engine";
import { heavyScenario } from "./bench/heavy-scenario.js";
const base = heavyScenario();
const t0 = performance.now();
for (let n = 0; n < 400; n++) resolve({ ...base, host: { ...base.host, fqdn: `box${n}.devbox.example.com` } }, "codex-0.169");
console.log(((performance.now() - t0) / 400).toFixed(2), "ms per cold resolve");
