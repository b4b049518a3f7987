#!/usr/bin/env node
// Long-lived adapter: speaks the codex-policy adapter protocol (JSON lines over stdio).
// Run: codex-policy conformance run --impl cmd:"node conformance/examples/naive-adapter.mjs"
import { createInterface } from "node:readline";
import { capabilities, editions, implementation, resolve, unsupported } from "./naive-model.mjs";

const PROTOCOL = 1;

function send(msg) {
  process.stdout.write(`${JSON.stringify(msg)}\n`);
}

const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
rl.on("line", (line) => {
  if (!line.trim()) return;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    process.stderr.write(`naive-adapter: ignoring a line that is not JSON\n`);
    return;
  }
  switch (msg.cmd) {
    case "start":
      if (msg.protocol !== PROTOCOL) {
        process.stderr.write(`naive-adapter: protocol ${msg.protocol} is not supported\n`);
        process.exit(1);
      }
      send({ protocol: PROTOCOL, implementation, capabilities, editions });
      break;
    case "run": {
      const why = unsupported(msg.case.scenario);
      if (why) {
        send({ seq: msg.seq, skipped: { reason: why } });
        break;
      }
      try {
        send({ seq: msg.seq, result: resolve(msg.case.scenario) });
      } catch (e) {
        // Catch our own bugs and report them, rather than crashing.
        send({ seq: msg.seq, errored: { message: String(e?.message ?? e), context: { stack: e?.stack } } });
      }
      break;
    }
    case "stop":
      process.exit(0);
      break;
    default:
      process.stderr.write(`naive-adapter: unknown command ${msg.cmd}\n`);
  }
});
rl.on("close", () => process.exit(0));
