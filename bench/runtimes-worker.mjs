/**
 * Run by runtimes.mjs inside Node, Bun or Deno: the same client over its two possible
 * transports, node:http (the dist's node-transport.js) and the runtime's fetch, interleaved.
 * Prints one JSON line: medians per transport for one call at a time (µs per call), 64 calls in
 * flight (calls/s) and an SSE stream (events/s).
 */
/* global performance -- a global of every runtime this runs in */
import { CallbackStreamListener, Mastodon } from "../packages/mastodon-ts/dist/index.js";
import { nodeTransport } from "../packages/mastodon-ts/dist/platform/node-transport.js";
import { nodeTextStream } from "../packages/mastodon-ts/dist/platform/node-stream.js";

const base = process.env.BENCH_BASE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SEQUENTIAL = 200, CONCURRENT = 1000, IN_FLIGHT = 64, EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);

const options = { api_base_url: base, access_token: "t", ratelimit_method: "throw" };
const viaFetch = new Mastodon({ ...options, fetch: (...args) => globalThis.fetch(...args) });
const viaNodeHttp = new Mastodon({ ...options, fetch: (...args) => globalThis.fetch(...args) });
viaNodeHttp.transport = Object.assign(nodeTransport(viaFetch.transport), { openTextStream: nodeTextStream });

async function sequential(m) {
  const start = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) await m.timelineHome({ limit: 40 });
  return ((performance.now() - start) / SEQUENTIAL) * 1000;
}

async function concurrent(m) {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next++ < CONCURRENT) await m.timelineHome({ limit: 40 });
  }));
  return (CONCURRENT / (performance.now() - start)) * 1000;
}

function sse(m) {
  return new Promise((resolve) => {
    let count = 0;
    let start = 0;
    const handle = m.streamUser(new CallbackStreamListener({
      update_handler: () => {
        if (count++ === 0) start = performance.now();
        if (count === EVENTS) {
          handle.close();
          resolve((EVENTS / (performance.now() - start)) * 1000);
        }
      },
    }), { transport: "sse", catch_up: false });
  });
}

const runs = { sequential, concurrent, sse };
const results = {};
for (const [name, run] of Object.entries(runs)) {
  await run(viaNodeHttp);
  await run(viaFetch); // warm-up
  results[name] = { "node:http": [], fetch: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results[name]["node:http"].push(await run(viaNodeHttp));
    results[name].fetch.push(await run(viaFetch));
  }
}
/** Per transport: the median, and the per-round ratios node:http / fetch (a round shares the machine's drift). */
const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
const runtime = process.versions.bun ? `Bun ${process.versions.bun}` : process.versions.deno ? `Deno ${process.versions.deno}` : `Node ${process.version}`;
const summary = Object.fromEntries(Object.entries(results).map(([name, byTransport]) => [name, {
  "node:http": median(byTransport["node:http"]),
  fetch: median(byTransport.fetch),
  ratios: byTransport["node:http"].map((value, round) => value / byTransport.fetch[round]),
}]));
console.log(JSON.stringify({ runtime, results: summary }));
process.exit(0);
