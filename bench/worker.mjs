/**
 * Runs one contender in its own process, so that no library's heap, JIT state or sockets
 * weigh on another's figures.
 *
 *   node --expose-gc worker.mjs serve <contender> <base> <token>   (forked: answers run.mjs over IPC)
 *   node --expose-gc worker.mjs walk  <contender> <base> <token>   (one walk; prints JSON on stdout)
 */
/* global setTimeout, clearTimeout -- Node's globals; the root's lint config declares only console, process and URL for .mjs */
import { performance } from "node:perf_hooks";
import { byName } from "./contenders/index.mjs";

const [mode, name, base, token] = process.argv.slice(2);
const contender = byName(name);
if (!contender) throw new Error(`unknown contender ${name}`);
const ctx = await contender.create({ base, token });
const gc = globalThis.gc ?? (() => undefined);

/** What the caller gets for created_at: "Date" when the library parsed it. */
const dateKind = (status) => {
  const value = status.created_at ?? status.createdAt;
  return value instanceof Date ? "Date" : typeof value;
};

async function home() {
  const page = await contender.home(ctx);
  if (!Array.isArray(page) || page.length !== 40) throw new Error(`${name}: expected 40 statuses, got ${page?.length}`);
  return page;
}

async function sequential(n) {
  gc();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await home();
  return { ms: performance.now() - t0 };
}

async function concurrent(n, inflight) {
  gc();
  let started = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inflight }, async () => {
    while (started++ < n) await home();
  }));
  return { ms: performance.now() - t0 };
}

/** Counts `n` update events; the rate is taken from the first event to the last. */
async function stream(transport, n, timeoutMs) {
  const unsupported = contender.streamSupport(transport);
  if (unsupported) return { unsupported };
  gc();
  let count = 0, first = 0, handle = null, settle;
  const done = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  done.catch(() => undefined); // awaited below; a rejection before that is not "unhandled"
  const timer = setTimeout(() => settle.reject(new Error(`${name} ${transport}: ${count} of ${n} events after ${timeoutMs} ms`)), timeoutMs);
  try {
    handle = await contender.stream(ctx, transport, (status) => {
      if (count === 0) first = performance.now();
      if (typeof status?.id !== "string") settle.reject(new Error(`${name} ${transport}: an update without a status`));
      if (++count === n) settle.resolve(performance.now());
    });
    const last = await done;
    return { ms: last - first, events: n };
  } finally {
    clearTimeout(timer);
    handle?.close();
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the socket go before the next run
  }
}

/** One walk through every status: its time and peak RSS, then a second walk for retained heap. */
async function walk(expected) {
  await home(); // the connection, and any lazy lookup (instance, version) a library makes once
  gc();
  let count = 0;
  const t0 = performance.now();
  await contender.walk(ctx, (status) => {
    if (status.id) count++;
  });
  const ms = performance.now() - t0;
  if (count !== expected) throw new Error(`${name}: walked ${count} statuses, expected ${expected}`);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  // Untimed: the live heap after a full GC every 1,000 statuses. Flat means pages are let go.
  gc();
  const start = process.memoryUsage().heapUsed;
  let retained = 0, seen = 0;
  await contender.walk(ctx, () => {
    if (++seen % 1000 === 0) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - start);
    }
  });
  return { ms, count, peakRssMB, retainedMB: retained / 2 ** 20 };
}

const commands = {
  dates: async () => ({ kind: dateKind((await home())[0]) }),
  warm: async ({ calls, inflight }) => {
    await sequential(calls);
    await concurrent(calls, inflight);
    return {};
  },
  sequential: ({ n }) => sequential(n),
  concurrent: ({ n, inflight }) => concurrent(n, inflight),
  stream: ({ transport, n, timeoutMs }) => stream(transport, n, timeoutMs),
};

if (mode === "walk") {
  const result = await walk(Number(process.env.BENCH_TOTAL_STATUSES ?? 10_000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0); // sockets a library keeps alive must not hold the process
} else if (mode === "serve") {
  process.on("message", async ({ id, cmd, args }) => {
    if (cmd === "exit") process.exit(0);
    try {
      process.send({ id, ok: true, value: await commands[cmd](args ?? {}) });
    } catch (error) {
      process.send({ id, ok: false, error: String(error?.stack ?? error) });
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send({ ready: true, version: contender.version() });
} else {
  throw new Error(`unknown mode ${mode}`);
}
