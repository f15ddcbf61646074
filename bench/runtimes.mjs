/**
 * Which transport is faster in each runtime: node:http or the runtime's own fetch. The client's
 * default follows this table (node:http on Node, fetch on Deno and Bun; see
 * packages/mastodon-ts/src/platform/node.ts). Starts the bench's fixture server, runs
 * runtimes-worker.mjs in Node, Bun and Deno (the workspace's dev dependencies), prints a table.
 *
 *   npm run build && node bench/runtimes.mjs
 */
import { execFileSync, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const EVENTS = 20_000;

const server = fork(here("fixture-server.mjs"), [], { env: { ...process.env, BENCH_STREAM_EVENTS: String(EVENTS) } });
const { base } = await new Promise((resolve, reject) => {
  server.on("message", (m) => m.ready && resolve(m.ready));
  server.once("exit", (code) => reject(new Error(`the fixture server exited (${code})`)));
});

const bin = (name) => here(`../node_modules/.bin/${name}`);
const runtimes = [
  ["Node", process.execPath, []],
  ["Bun", bin("bun"), []],
  ["Deno", bin("deno"), ["run", "--allow-net", "--allow-read", "--allow-env"]],
];
const rows = [];
try {
  for (const [name, binary, args] of runtimes) {
    if (!existsSync(binary)) {
      rows.push(`| ${name} | not installed | | |`);
      continue;
    }
    const out = execFileSync(binary, [...args, here("runtimes-worker.mjs")], {
      env: { ...process.env, BENCH_BASE: base, BENCH_EVENTS: String(EVENTS) }, encoding: "utf8",
    });
    const { runtime, results } = JSON.parse(out.trim().split("\n").at(-1));
    const cell = (values, better, format) => {
      const [a, b] = [values["node:http"], values.fetch];
      const faster = better(a, b) ? "node:http" : "fetch";
      return `${format(a)} / ${format(b)} (${faster} ${(Math.max(a, b) / Math.min(a, b)).toFixed(2)}×)`;
    };
    const int = (value) => Math.round(value).toLocaleString("en-US");
    rows.push(`| ${runtime} | ${cell(results.sequential, (a, b) => a < b, int)} | ${cell(results.concurrent, (a, b) => a > b, int)} | ${cell(results.sse, (a, b) => a > b, int)} |`);
  }
} finally {
  server.kill();
}
console.log(`node:http / fetch, medians of 5 interleaved rounds, 40-status pages from ${base}:\n`);
console.log("| runtime | one call at a time: µs per call | 64 in flight: calls/s | SSE: events/s |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(row);
console.log(`\n(load average ${execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).split(" ").slice(0, 3).join(" / ")} at the end)`);
