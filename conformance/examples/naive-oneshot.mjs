#!/usr/bin/env node
// One-shot adapter: one process per scenario. The scenario arrives on stdin as JSON (with
// `edition` set); the Outcome goes to stdout. Exit 77 means "cannot express this scenario".
// Run: codex-policy conformance run --impl oneshot:"node conformance/examples/naive-oneshot.mjs"
import { resolve, unsupported } from "./naive-model.mjs";

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => {
  input += d;
});
process.stdin.on("end", () => {
  const scenario = JSON.parse(input);
  const why = unsupported(scenario);
  if (why) {
    process.stderr.write(`${why}\n`);
    process.exit(77);
  }
  process.stdout.write(`${JSON.stringify(resolve(scenario))}\n`);
});
