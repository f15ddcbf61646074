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
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const EVENTS = 20_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

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
      env: { ...process.env, BENCH_BASE: base, BENCH_EVENTS: String(EVENTS), BENCH_ROUNDS: String(ROUNDS) },
      encoding: "utf8", timeout: 300_000, killSignal: "SIGKILL",
    });
    const { runtime, results } = JSON.parse(out.trim().split("\n").at(-1));
    // "fetch 1.35× (1.2–1.5)": how many times faster the winner is, its median and range over the rounds.
    const cell = (values, lowerIsBetter, format) => {
      const [a, b] = [values["node:http"], values.fetch];
      const gains = values.ratios.map((ratio) => (lowerIsBetter ? 1 / ratio : ratio)).sort((x, y) => x - y); // node:http's speed over fetch's
      const nodeWins = lowerIsBetter ? a < b : a > b;
      const shown = nodeWins ? gains : gains.map((gain) => 1 / gain).sort((x, y) => x - y);
      const median = shown[shown.length >> 1];
      return `${format(a)} / ${format(b)} (${nodeWins ? "node:http" : "fetch"} ${median.toFixed(2)}×, ${shown[0].toFixed(2)}–${shown.at(-1).toFixed(2)})`;
    };
    const int = (value) => Math.round(value).toLocaleString("en-US");
    rows.push(`| ${runtime} | ${cell(results.sequential, true, int)} | ${cell(results.concurrent, false, int)} | ${cell(results.sse, false, int)} |`);
  }
} finally {
  server.kill();
}
console.log(`node:http / fetch, medians of ${ROUNDS} interleaved rounds (the faster one's gain: median of the per-round ratios, and their range), 40-status pages from ${base}:\n`);
console.log("| runtime | one call at a time: µs per call | 64 in flight: calls/s | SSE: events/s |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(row);
console.log(`\n(load average ${loadavg().map((load) => load.toFixed(2)).join(" / ")} at the end)`);
