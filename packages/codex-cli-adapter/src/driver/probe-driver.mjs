// Runs inside private namespaces (mount, uts, net, pid) as the namespace's init process.
// Plain ESM JavaScript with no dependencies so that `node` alone can run it.
// Input: path of a JSON plan (see ../plan.ts). Output: one JSON document of raw observations on stdout.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const raw = {
  steps: [],
  startup: null,
  features: null,
  mcp: null,
  appServer: null,
  model: null,
  timeouts: [],
};
const t0 = performance.now();
/** Milliseconds since the driver started, to 0.1 ms. */
const now = () => Math.round((performance.now() - t0) * 10) / 10;
const step = (name, detail) => raw.steps.push({ name, at: now(), ...(detail ?? {}) });
/**
 * Up to 0.13x the first turn waits until every MCP server has started or given up, and a stdio
 * server that never answers holds it 30 s (0.130.0, 0.133.0; 0.150.0 does not wait).
 */
const MCP_STARTUP_MS = 30_000;

/** A safety-net timeout fired: the run fails with this phase named (see map/outcome.ts). */
const timedOut = (phase) => raw.timeouts.push(phase);

/** What isolate.sh left to do: the scenario's /etc files and hostname (its mounts are in place). */
function isolate() {
  rmSync("/etc/codex", { recursive: true, force: true });
  const files = Object.entries(plan.etcCodex);
  if (files.length > 0) mkdirSync("/etc/codex");
  for (const [name, text] of files) writeFileSync(join("/etc/codex", name), text);
  const hosts = ["127.0.0.1 localhost", "::1 localhost"];
  if (plan.hostsLine) hosts.unshift(plan.hostsLine);
  writeFileSync("/etc/hosts", `${hosts.join("\n")}\n`);
  writeFileSync("/etc/hostname", `${plan.hostname}\n`);
  // Written through /proc so that names `hostname(1)` would reject (trailing dot, capitals) still work.
  writeFileSync("/proc/sys/kernel/hostname", plan.hostname);
  hideLsbRelease();
  step("isolated");
}

/**
 * Codex runs `lsb_release -a` (twice a probe) only to describe the OS in its user agent; the shell
 * script behind it was about a sixth of a probe's CPU. A stand-in that fails makes Codex fall back to
 * /etc/os-release, on every machine alike, whether or not lsb_release is installed there.
 */
function hideLsbRelease() {
  mkdirSync(STUB_BIN, { recursive: true });
  writeFileSync(join(STUB_BIN, "lsb_release"), "#!/bin/sh\nexit 127\n", { mode: 0o755 });
}

const STUB_BIN = join(plan.root, "stub-bin");

function env() {
  return {
    PATH: `${STUB_BIN}:${process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin"}`,
    HOME: plan.home,
    CODEX_HOME: plan.codexHome,
    TMPDIR: plan.tmp,
    LANG: "C.UTF-8",
    RUST_LOG: "error",
    NO_COLOR: "1",
  };
}

function run(phase, args) {
  const started = now();
  return new Promise((resolve) => {
    execFile(
      plan.codexBin,
      args,
      {
        cwd: plan.project,
        env: env(),
        timeout: plan.stepTimeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        killSignal: "SIGKILL",
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        const killed = Boolean(err?.killed);
        if (killed) timedOut(phase);
        resolve({ args, code, stdout, stderr, timedOut: killed, started, ended: now() });
      },
    );
  });
}

// ---- loopback stand-in for the model API (Responses wire format, SSE) ----
function startModelServer() {
  const state = { requests: [], script: null, callSeq: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      const entry = {
        method: req.method,
        url: req.url,
        model: body?.model ?? null,
        tools: null,
        outputs: [],
      };
      if (Array.isArray(body?.tools)) entry.tools = body.tools.map((t) => summarizeTool(t));
      if (Array.isArray(body?.input)) {
        for (const item of body.input) {
          if (item?.type === "function_call_output")
            entry.outputs.push({ call_id: item.call_id, output: item.output });
        }
      }
      state.requests.push(entry);
      if (req.method !== "POST" || !/\/responses$/.test(req.url.split("?")[0])) {
        if (/\/models/.test(req.url)) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ models: [], data: [] }));
        } else {
          res.writeHead(404);
          res.end();
        }
        return;
      }
      sse(res, respond(state, entry));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, state, port: server.address().port }));
  });
}

/**
 * The call that runs a command with the tool this release offers: `exec_command` (unified exec),
 * else the older `shell` (an argv) or `shell_command` (a string). With none of them the call still
 * names `exec_command`, and Codex answers that it does not support it.
 */
function shellCall(tools, command) {
  const offered = new Set((tools ?? []).filter((t) => t.type === "function").map((t) => t.name));
  if (!offered.has("exec_command")) {
    if (offered.has("shell"))
      return { name: "shell", args: JSON.stringify({ command: ["bash", "-lc", command], timeout_ms: 3000 }) };
    if (offered.has("shell_command"))
      return { name: "shell_command", args: JSON.stringify({ command, timeout_ms: 3000 }) };
  }
  return { name: "exec_command", args: JSON.stringify({ cmd: command, yield_time_ms: 3000 }) };
}

function summarizeTool(t) {
  const out = { type: t?.type ?? null, name: t?.name ?? null };
  if (t?.type === "web_search" || t?.type === "web_search_preview")
    out.external_web_access = t.external_web_access;
  if (t?.type === "web_search") out.raw = t;
  return out;
}

function respond(state, entry) {
  const script = state.script;
  const id = `resp_${state.requests.length}`;
  if (script && script.kind === "exec" && !script.issued) {
    script.issued = true;
    script.callId = `call_${++state.callSeq}`;
    const call = shellCall(entry.tools, script.command);
    script.tool = call.name;
    return [
      { type: "response.created", response: { id } },
      {
        type: "response.output_item.done",
        item: {
          type: "function_call",
          id: `fc_${state.callSeq}`,
          call_id: script.callId,
          name: call.name,
          arguments: call.args,
        },
      },
      completed(id),
    ];
  }
  if (script?.callId) {
    const out = entry.outputs.find((o) => o.call_id === script.callId);
    if (out) script.output = out.output;
  }
  return [
    { type: "response.created", response: { id } },
    {
      type: "response.output_item.done",
      item: {
        type: "message",
        role: "assistant",
        id: `msg_${id}`,
        content: [{ type: "output_text", text: "done" }],
      },
    },
    completed(id),
  ];
}

function completed(id) {
  const usage = {
    input_tokens: 1,
    input_tokens_details: null,
    output_tokens: 1,
    output_tokens_details: null,
    total_tokens: 2,
  };
  return { type: "response.completed", response: { id, usage } };
}

function sse(res, events) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const e of events) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  res.end();
}

// ---- app-server JSON-RPC client over stdio ----
// Every wait ends on an event: a reply, a notification or the process exit. Timeouts are a safety
// net only; one that fires is recorded in raw.timeouts and fails the run with its phase named.
function startAppServer(args) {
  const child = spawn(plan.codexBin, args, {
    cwd: plan.project,
    env: env(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const rec = { messages: [], stderr: "", exit: null, serverRequests: [], rpc: [], spawnedAt: now() };
  const pending = new Map();
  const waiters = new Set();
  let nextId = 1;
  let buf = "";
  child.stdout.on("data", (d) => {
    buf += d.toString("utf8");
    let nl = buf.indexOf("\n");
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      nl = buf.indexOf("\n");
      if (!line.trim()) continue;
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        rec.messages.push({ unparsed: line, at: now() });
        continue;
      }
      onMessage(msg);
    }
  });
  child.stderr.on("data", (d) => {
    if (rec.stderr.length < 200_000) rec.stderr += d.toString("utf8");
  });
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      const at = now();
      const finish = () => {
        rec.exit = { code, signal, at };
        for (const [, p] of pending) p.resolve({ error: { code: "exited", message: "app-server exited" } });
        pending.clear();
        for (const w of [...waiters]) w.resolve(null);
        resolve();
      };
      // "exit" can come before the last of stderr (the failure a refused start prints): wait for the
      // stream's end, bounded, since a process the app-server started may still hold it open.
      if (child.stderr.readableEnded) return finish();
      const bound = setTimeout(finish, 2_000);
      child.stderr.once("end", () => {
        clearTimeout(bound);
        finish();
      });
    });
  });
  child.stdin.on("error", () => {});

  function send(obj) {
    if (rec.exit) return;
    child.stdin.write(`${JSON.stringify(obj)}\n`);
  }
  function onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        p.resolve(msg);
      }
      return;
    }
    if (msg.id !== undefined && msg.method) {
      rec.serverRequests.push({ method: msg.method, params: msg.params });
      const onApproval = /requestApproval$/.test(msg.method);
      send(
        onApproval
          ? { id: msg.id, result: { decision: "decline" } }
          : { id: msg.id, error: { code: -32601, message: "not supported by probe" } },
      );
    }
    if (msg.method) {
      const entry = { method: msg.method, params: msg.params, at: now() };
      rec.messages.push(entry);
      for (const w of [...waiters]) if (w.test(entry)) w.resolve(entry);
    }
  }
  /** Sends a request and waits for its reply; `phase` names it if the safety net fires. */
  function request(method, params, phase = method, timeoutMs = plan.stepTimeoutMs) {
    const id = nextId++;
    const timing = { method, sent: now(), replied: null };
    rec.rpc.push(timing);
    return new Promise((resolve) => {
      if (rec.exit) return resolve({ error: { code: "exited", message: "app-server exited" } });
      const t = setTimeout(() => {
        pending.delete(id);
        timedOut(phase);
        resolve({ error: { code: "timeout", message: `${method} timed out` } });
      }, timeoutMs);
      pending.set(id, {
        resolve: (m) => {
          clearTimeout(t);
          timing.replied = now();
          resolve(m);
        },
      });
      send({ method, id, params });
    });
  }
  /**
   * The first notification from index `from` on that passes `test`, including ones that already
   * arrived (a reply and the notification after it can come in one chunk); null if the process exits.
   */
  function waitFor(test, from, timeoutMs, phase) {
    const seen = rec.messages.slice(from).find((m) => m.method && test(m));
    if (seen) return Promise.resolve(seen);
    if (rec.exit) return Promise.resolve(null);
    return new Promise((resolve) => {
      const w = {
        test,
        resolve: (m) => {
          clearTimeout(t);
          waiters.delete(w);
          resolve(m);
        },
      };
      const t = setTimeout(() => {
        timedOut(phase);
        w.resolve(null);
      }, timeoutMs);
      waiters.add(w);
    });
  }
  async function close() {
    // Everything is observed by now; the pid namespace ends with this driver anyway.
    if (!rec.exit) {
      child.kill("SIGKILL");
      await exited;
    }
  }
  return { rec, request, waitFor, close, notify: (method, params) => send({ method, params }) };
}

/**
 * Waits until the thread's start-up events (deprecation notices, warnings) have all arrived: they
 * travel on the thread's event stream, so the reply to a later operation on the same stream marks
 * their end. Renaming the thread is such an operation and changes nothing the probe observes.
 */
async function drainThreadStart(app, threadId) {
  const from = app.rec.messages.length;
  const r = await app.request(
    "thread/name/set",
    { threadId, name: "codex-policy probe" },
    "thread start-up events",
  );
  if (r.error) return;
  await app.waitFor(
    (m) => m.method === "thread/name/updated" && m.params?.threadId === threadId,
    from,
    plan.stepTimeoutMs,
    "thread start-up events",
  );
}

async function appServerProbe(model) {
  const extra = [];
  if (model) {
    extra.push(
      "-c",
      'model_provider="codexpolicy_stub"',
      "-c",
      `model_providers.codexpolicy_stub={ name = "codexpolicy stub", base_url = "http://127.0.0.1:${model.port}/v1", wire_api = "responses" }`,
    );
  }
  const app = startAppServer([...plan.globalArgs, ...extra, "app-server"]);
  const out = {
    initialize: null,
    configRequirements: null,
    threadStart: null,
    hooks: null,
    turns: [],
    rec: app.rec,
  };
  raw.appServer = out;
  // Start-up config warnings follow the initialize reply on the same ordered stream, ahead of
  // anything thread/start causes, so no wait is needed between the two.
  out.initialize = await app.request("initialize", {
    clientInfo: { name: "codex-policy-probe", title: null, version: "0.1.0" },
    capabilities: { experimentalApi: true, requestAttestation: false },
  });
  if (out.initialize.error) return app;
  app.notify("initialized", {});
  // Builds without --print-startup-config report the merged requirements over JSON-RPC only.
  if (plan.requirementsVia === "rpc" && plan.channels.includes("requirements"))
    out.configRequirements = await app.request("configRequirements/read", {});
  // The stub model goes in the thread's params, not in config: a configured `model` changes what
  // Codex decides (`[auto_review] required_on_models`).
  const params = { cwd: plan.project, ...(model ? { model: plan.model } : {}), ...plan.threadParams };
  // Older releases (0.95) answer thread/start only once every MCP server has started or failed,
  // about 20 s for a URL server without a network: it gets two steps.
  out.threadStart = await app.request("thread/start", params, "thread/start", 2 * plan.stepTimeoutMs);
  const threadId = out.threadStart?.result?.thread?.id;
  if (plan.channels.includes("hooks")) {
    out.hooks = await app.request("hooks/list", threadId ? { threadId } : { cwds: [plan.project] });
  }
  if (!threadId) return app;
  if (!model) {
    await drainThreadStart(app, threadId);
    return app;
  }
  // A plain turn first: the session loads its exec policy asynchronously, and a command issued in
  // the very first turn can run before the rules are in place (seen as flaky probes, fuzz 17001/2).
  // Turn events follow the thread's start-up events on its stream, so turns also drain them.
  const scripts = [{ kind: "message" }, ...plan.commands.map((c) => ({ kind: "exec", command: c }))];
  for (const [n, script] of scripts.entries()) {
    model.state.script = script;
    const before = app.rec.serverRequests.length;
    const firstMessage = app.rec.messages.length;
    const firstRequest = model.state.requests.length;
    const phase = script.kind === "exec" ? `turn ${n} (${script.command})` : `turn ${n} (message)`;
    const startedAt = now();
    const allowance = n === 0 ? plan.turnTimeoutMs + MCP_STARTUP_MS : plan.turnTimeoutMs;
    const started = await app.request(
      "turn/start",
      {
        threadId,
        input: [
          {
            type: "text",
            text: script.kind === "exec" ? `run: ${script.command}` : "hello",
            text_elements: [],
          },
        ],
      },
      phase,
      allowance,
    );
    let done = null;
    if (!started.error) {
      done = await app.waitFor(
        (m) => m.method === "turn/completed" && m.params?.threadId === threadId,
        firstMessage,
        allowance,
        phase,
      );
    }
    out.turns.push({
      script: {
        kind: script.kind,
        command: script.command ?? null,
        issued: Boolean(script.issued),
        tool: script.tool ?? null,
      },
      started: started.error ? { error: started.error } : { ok: true },
      completed: done ? (done.params?.turn?.status ?? "completed") : null,
      toolOutput: script.output ?? null,
      approvals: app.rec.serverRequests.slice(before),
      methods: [...new Set(app.rec.messages.slice(firstMessage).map((m) => m.method))],
      requests: model.state.requests.slice(firstRequest),
      startedAt,
      endedAt: now(),
    });
  }
  return app;
}

async function sessionProbe(needModel) {
  const model = needModel ? await startModelServer() : null;
  const app = await appServerProbe(model);
  step("app-server observed");
  await app.close();
  if (model) {
    raw.model = { requests: model.state.requests.length };
    model.server.close();
  }
}

/** Only for the run-directory template: start the app-server once so that it sets up CODEX_HOME. */
async function warmProbe() {
  const app = startAppServer(["app-server"]);
  await app.request("initialize", {
    clientInfo: { name: "codex-policy-probe", title: null, version: "0.1.0" },
    capabilities: { experimentalApi: true, requestAttestation: false },
  });
  await app.close();
}

async function main() {
  isolate();
  if (plan.warmOnly) {
    await warmProbe();
    step("warmed");
    process.stdout.write(`${JSON.stringify(raw)}\n`);
    return;
  }
  const ch = new Set(plan.channels);
  // The channels are separate processes with nothing to share but CODEX_HOME's start-up state,
  // which the run-directory template has already set up; so they run side by side.
  const jobs = [];
  const viaRpc = plan.requirementsVia === "rpc";
  if (ch.has("requirements") && !viaRpc)
    jobs.push(
      run("print-startup-config", [...plan.globalArgs, "app-server", "--print-startup-config"]).then((r) => {
        raw.startup = r;
      }),
    );
  if (ch.has("features"))
    jobs.push(
      run("features list", [...plan.globalArgs, "features", "list"]).then((r) => {
        raw.features = r;
      }),
    );
  if (ch.has("mcp"))
    jobs.push(
      run("mcp list", [...plan.globalArgs, "mcp", "list", "--json"]).then((r) => {
        raw.mcp = r;
      }),
    );
  const needModel = ch.has("web_search") || ch.has("commands");
  if (ch.has("session") || ch.has("hooks") || needModel || (viaRpc && ch.has("requirements")))
    jobs.push(sessionProbe(needModel));
  await Promise.all(jobs);
  // An app-server that never answered initialize (before 0.87, a configuration that fails to load):
  // `features list` names the failure, so it runs even when no test asked for features.
  if (raw.timeouts.includes("initialize") && !raw.features)
    raw.features = await run("features list", [...plan.globalArgs, "features", "list"]);
  step("done");
  process.stdout.write(`${JSON.stringify(raw)}\n`);
}

// Exit only once the observations are flushed: a large line written to a pipe can still be queued.
const flushAndExit = () => process.stdout.write("", () => process.exit(0));
main().then(flushAndExit, (e) => {
  process.stdout.write(`${JSON.stringify({ ...raw, fatal: String(e?.stack ?? e) })}\n`);
  flushAndExit();
});
