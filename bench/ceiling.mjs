/**
 * How fast the fixture server can go: a lean client (node:http, ws) that reads every byte but
 * parses nothing.
 * If raw fetch + JSON.parse came close to this, the server would be what is measured.
 *   node ceiling.mjs <base> <token> <calls> <inflight> <events>    (prints JSON)
 */
/* global Buffer -- Node's globals; the root's lint config declares only console, process and URL for .mjs */
import { performance } from "node:perf_hooks";
import { Agent, get } from "node:http";
import WebSocket from "ws";

const [base, token, calls, inflight, events] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${token}` };

/** REST over node:http with a keep-alive pool: far cheaper per call than fetch, so the server shows. */
async function rest(n, width) {
  const agent = new Agent({ keepAlive: true, maxSockets: width });
  const read = () => new Promise((resolve, reject) => {
    get(`${base}/api/v1/timelines/home?limit=40`, { agent, headers }, (res) => {
      res.on("data", () => undefined).on("end", resolve).on("error", reject);
    }).on("error", reject);
  });
  await Promise.all(Array.from({ length: width }, () => read())); // connections up
  let started = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: width }, async () => {
    while (started++ < n) await read();
  }));
  const rate = (n / (performance.now() - t0)) * 1000;
  agent.destroy();
  return rate;
}

/** SSE over node:http: counts event ends ("\n\n") in the raw bytes. */
function sse(n) {
  return new Promise((resolve, reject) => {
    const sep = Buffer.from("\n\n");
    let count = -1, t0 = 0; // the opening ":)" heartbeat ends with "\n\n" too
    const req = get(`${base}/api/v1/streaming/user`, { headers }, (res) => {
      let lastByte = 0;
      const finish = () => {
        resolve((count / (performance.now() - t0)) * 1000);
        req.destroy();
      };
      res.on("data", (bytes) => {
        if (!t0) t0 = performance.now();
        if (lastByte === 10 && bytes[0] === 10) count++; // a "\n\n" cut in two by the chunking
        for (let at = bytes.indexOf(sep); at >= 0; at = bytes.indexOf(sep, at + 2)) count++;
        lastByte = bytes[bytes.length - 1];
        if (count >= n) finish();
      });
      res.on("end", finish);
      res.on("error", () => undefined);
    });
    req.on("error", (error) => count < n && reject(error));
  });
}

/** WebSocket: counts messages, never decodes them. */
function ws(n) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace("http", "ws")}/api/v1/streaming?stream=user`, { headers });
    let count = 0, t0 = 0;
    socket.on("message", () => {
      if (!t0) t0 = performance.now();
      if (++count === n) {
        resolve(((n - 1) / (performance.now() - t0)) * 1000);
        socket.terminate();
      }
    });
    socket.on("error", reject);
  });
}

const result = { restCallsPerSec: await rest(Number(calls), Number(inflight)), sseEventsPerSec: await sse(Number(events)), wsEventsPerSec: await ws(Number(events)) };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
