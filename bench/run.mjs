/**
 * The benchmark: mastodon-ts against raw fetch (the floor), masto and megalodon, in one run.
 *   npm run bench                 (from the root; builds the client first)
 *   BENCH_QUICK=1 npm run bench   (a smoke run of a minute or so; writes results/tmp/quick.md)
 * Other knobs: BENCH_REPS, BENCH_STREAM_EVENTS, BENCH_SKIP_INSTALL=1, BENCH_MASTO_POLYFILL=1.
 *
 * One fixture server runs in its own process; each contender runs in its own worker process
 * and the measurements go round-robin over them, repetition after repetition, so that drift
 * in the machine's speed falls on every contender alike. See README.md for what each row means.
 */
/* global setTimeout, clearTimeout -- Node's globals; the root's lint config declares only console, process and URL for .mjs */
import { execFileSync, fork, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const env = process.env;
const QUICK = env.BENCH_QUICK === "1";
const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const config = {
  quick: QUICK,
  reps: num("BENCH_REPS", QUICK ? 2 : 9),
  seqCalls: QUICK ? 50 : 300,
  concReps: num("BENCH_REPS", QUICK ? 2 : 7),
  concCalls: QUICK ? 300 : 2000,
  inflight: 64,
  walkReps: num("BENCH_REPS", QUICK ? 1 : 5),
  streamReps: num("BENCH_REPS", QUICK ? 1 : 9), // streams are the noisiest rows on this machine
  streamEvents: num("BENCH_STREAM_EVENTS", QUICK ? 10_000 : 100_000),
  coldRounds: QUICK ? 3 : 15,
  warmCalls: QUICK ? 20 : 200,
  total: 10_000,
};
const TOKEN = "bench-access-token";
const startedAt = { date: new Date(), load: loadavg() }; // before the bench itself loads the machine
const log = (line) => process.stderr.write(`${line}\n`);

// A fresh clone: the peers live in bench/node_modules, installed from bench/package-lock.json.
if (!existsSync(here("node_modules/masto")) || !existsSync(here("node_modules/megalodon"))) {
  log("bench: installing the peers (npm --prefix bench install)…");
  execFileSync("npm", ["--prefix", BENCH_DIR, "install", "--no-audit", "--no-fund"], { stdio: ["ignore", 2, 2] }); // stdout is for the table
}
if (!existsSync(here("../packages/mastodon-ts/dist/index.js"))) {
  log("bench: building the client (npm run build)…");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
}
const { contenders } = await import("./contenders/index.mjs");
const { coldStart, bundles, installFootprint } = await import("./measure-static.mjs");
const { render } = await import("./table.mjs");

const children = new Set();
const track = (child) => (children.add(child), child.on("exit", () => children.delete(child)), child);
process.on("exit", () => { for (const child of children) child.kill(); });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

// --- the server -------------------------------------------------------------------------------
const server = track(fork(here("fixture-server.mjs"), [], {
  env: { ...env, BENCH_STREAM_EVENTS: String(config.streamEvents), BENCH_TOTAL_STATUSES: String(config.total) },
}));
const serverInfo = await new Promise((resolve, reject) => {
  server.on("message", (m) => m.ready && resolve(m.ready));
  server.once("exit", (code) => reject(new Error(`the fixture server exited (${code})`)));
});
log(`bench: server on ${serverInfo.base} (${serverInfo.source})`);

// --- workers ----------------------------------------------------------------------------------
function startWorker(contender) {
  const child = track(fork(here("worker.mjs"), ["serve", contender.name, serverInfo.base, TOKEN], { execArgv: ["--expose-gc", "--no-warnings"] }));
  const pending = new Map();
  let next = 0;
  child.on("message", (m) => {
    if (m.id && pending.has(m.id)) {
      const { resolve, reject } = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) resolve(m.value);
      else reject(new Error(m.error));
    }
  });
  child.on("exit", () => { for (const { reject } of pending.values()) reject(new Error(`${contender.name}'s worker exited`)); });
  const ready = new Promise((resolve) => child.once("message", resolve));
  const call = (cmd, args) => new Promise((resolve, reject) => {
    pending.set(++next, { resolve, reject });
    child.send({ id: next, cmd, args });
  });
  return { contender, ready, call, stop: () => child.connected && child.send({ cmd: "exit" }) };
}

const results = { dates: {} };
const notes = [];
if (serverInfo.note) notes.push(serverInfo.note);
const failed = (contender, what, error) => {
  log(`bench: ${contender.name} ${what} failed: ${error.message.split("\n")[0]}`);
  return { error: error.message.split("\n")[0] };
};
/** Round-robin, the order rotated each repetition so that no contender always goes first. */
const rotated = (list, rep) => list.map((_, i) => list[(i + rep) % list.length]);

const workers = contenders.map(startWorker);
await Promise.all(workers.map((w) => w.ready));
for (const w of workers) {
  try {
    results.dates[w.contender.name] = (await w.call("dates")).kind;
    // Streams first, REST last: the sequential round that follows starts on a settled machine.
    for (const transport of ["sse", "websocket"]) await w.call("stream", { transport, n: Math.min(5000, config.streamEvents), timeoutMs: 60_000 });
    await w.call("warm", { calls: config.warmCalls, inflight: config.inflight });
  } catch (error) {
    failed(w.contender, "warm-up", error);
  }
}

/** One measurement, repeated: { name: [value per repetition] }, or { error } / { unsupported }. */
async function repeat(key, reps, args, value) {
  const out = Object.fromEntries(workers.map((w) => [w.contender.name, []]));
  for (let rep = 0; rep < reps; rep++) {
    log(`bench: ${key} ${rep + 1}/${reps}`);
    for (const w of rotated(workers, rep)) {
      const name = w.contender.name;
      if (!Array.isArray(out[name])) continue; // failed or unsupported before
      try {
        const result = await w.call(args.cmd, args);
        if (result.unsupported) out[name] = { unsupported: result.unsupported };
        else out[name].push(value(result));
      } catch (error) {
        out[name] = failed(w.contender, key, error);
      }
    }
  }
  return out;
}

results.sequential = await repeat("sequential", config.reps, { cmd: "sequential", n: config.seqCalls }, (r) => r.ms / config.seqCalls);
results.concurrent = await repeat("concurrent", config.concReps, { cmd: "concurrent", n: config.concCalls, inflight: config.inflight }, (r) => (config.concCalls / r.ms) * 1000);
const streamTimeout = 30_000 + config.streamEvents; // 1 ms an event: ten times slower than raw still finishes
for (const transport of ["sse", "websocket"]) {
  results[transport] = await repeat(transport, config.streamReps, { cmd: "stream", transport, n: config.streamEvents, timeoutMs: streamTimeout }, (r) => (r.events / r.ms) * 1000);
}
for (const w of workers) w.stop();

// --- walks, each in a fresh process for a clean peak memory figure ------------------------------
function walkOnce(contender) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, ["--expose-gc", "--no-warnings", here("worker.mjs"), "walk", contender.name, serverInfo.base, TOKEN], {
      env: { ...env, BENCH_TOTAL_STATUSES: String(config.total) }, stdio: ["ignore", "pipe", "pipe"],
    }));
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill(), 300_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1)));
      else reject(new Error(err.trim().split("\n").find((l) => /Error/.test(l)) ?? `exit ${code}`));
    });
  });
}
results.walk = Object.fromEntries(contenders.map((c) => [c.name, []]));
for (let rep = 0; rep < config.walkReps; rep++) {
  log(`bench: walk ${rep + 1}/${config.walkReps}`);
  for (const c of rotated(contenders, rep)) {
    if (!Array.isArray(results.walk[c.name])) continue;
    try {
      results.walk[c.name].push(await walkOnce(c));
    } catch (error) {
      results.walk[c.name] = failed(c, "walk", error);
    }
  }
}

// --- the server's ceiling, then it goes ------------------------------------------------------------
log("bench: server ceiling");
const ceilingRun = spawnSync(process.execPath, ["--no-warnings", here("ceiling.mjs"), serverInfo.base, TOKEN, String(config.concCalls), String(config.inflight), String(config.streamEvents)], { encoding: "utf8", timeout: 300_000 });
const ceiling = ceilingRun.status === 0 ? JSON.parse(ceilingRun.stdout.trim()) : { error: (ceilingRun.stderr || String(ceilingRun.error)).trim().split("\n")[0] };
server.send("stop");

// --- no server needed --------------------------------------------------------------------------
log("bench: cold start");
results.cold = coldStart(contenders, config.coldRounds);
log("bench: bundles");
results.bundles = await bundles(contenders);
if (env.BENCH_SKIP_INSTALL !== "1") {
  log("bench: install footprint (npm install from the registry)");
  results.install = installFootprint(contenders);
}
if (env.BENCH_MASTO_POLYFILL === "1" && (typeof Promise.withResolvers !== "function" || typeof globalThis.WebSocket !== "function")) {
  notes.push(`masto's WebSocket stream ran with polyfills for a global WebSocket (ws) and Promise.withResolvers (BENCH_MASTO_POLYFILL=1): on Node ${process.version} it does not run as shipped`);
}
notes.push("Mastodon.py (Python) is not a contender here: the issue's figure for it is not re-measured");

const git = (args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim();
const machine = {
  cores: cpus().length, cpu: cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU", node: process.version,
  platform: `${process.platform} ${process.arch}`, date: startedAt.date.toISOString().replace(/:\d\d\.\d+Z$/, " UTC").replace("T", " "),
  load: startedAt.load.map((l) => l.toFixed(2)).join(" / "),
  revision: `${JSON.parse(readFileSync(here("../packages/mastodon-ts/package.json"), "utf8")).version} at ${git(["rev-parse", "--short", "HEAD"]) || "?"}${git(["status", "--porcelain", "--", "packages/mastodon-ts/src"]) ? " with uncommitted changes" : ""}`,
};
const data = {
  machine, config, server: serverInfo, ceiling, notes, sizeBudgetScript: existsSync(here("size-budget.mjs")),
  contenders: contenders.map((c) => ({ name: c.name, label: c.label, version: c.version() })),
  results,
};
const table = render(data);
process.stdout.write(`\n${table}`);

mkdirSync(here("results/tmp"), { recursive: true });
const stem = QUICK ? "results/tmp/quick" : "results/latest";
writeFileSync(here(`${stem}.md`), table);
writeFileSync(here(`${stem}.json`), `${JSON.stringify(data, null, 2)}\n`);
// The README shows the latest full run between its markers.
const readmePath = here("README.md");
if (!QUICK && existsSync(readmePath)) {
  const readme = readFileSync(readmePath, "utf8");
  const updated = readme.replace(/(<!-- latest:start -->\n)[\s\S]*?(<!-- latest:end -->)/, `$1${table.replace(/^## .*\n\n/, "")}$2`);
  if (updated !== readme) writeFileSync(readmePath, updated);
}
log(`bench: written to bench/${stem}.md and .json`);
// A measurement of raw or mastodon-ts that broke (not one a peer cannot do) fails the command.
const broken = ["sequential", "concurrent", "sse", "websocket", "walk"].filter((k) => results[k]?.raw?.error || results[k]?.["mastodon-ts"]?.error);
if (broken.length) log(`bench: failed for raw or mastodon-ts: ${broken.join(", ")}`);
process.exit(broken.length ? 1 : 0);
