/**
 * A lean Mastodon-shaped server for the benchmark, on 127.0.0.1 only. Every body is computed
 * before the first request and streams are written as pre-built frames, so that the server
 * costs far less than any client and the raw-fetch floor measures the client side.
 *
 *   node bench/fixture-server.mjs            # prints its URL; Ctrl-C stops it
 *   (forked by run.mjs, it reports its port over IPC and stops when the parent goes)
 *
 * Serves: /api/v1/timelines/home (10,000 statuses, 40 a page, max_id/min_id paging with Link
 * headers), /api/v1/instance, /api/v2/instance (streaming points here),
 * /api/v1/accounts/verify_credentials, /api/v1/streaming/health, and BENCH_STREAM_EVENTS
 * `update` events on SSE /api/v1/streaming/user and WebSocket /api/v1/streaming.
 */
/* global Buffer -- Node's globals; the root's lint config declares only console, process and URL for .mjs */
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { loadFixtures } from "./statuses.mjs";

const TOTAL = Number(process.env.BENCH_TOTAL_STATUSES ?? 10_000);
const STREAM_EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 100_000);
const PAGE = 40;
/** Fixed-width snowflake-like ids, newest first: id(0) is the newest status. */
const ID_PREFIX = "1171000000";
const idOf = (i) => ID_PREFIX + String(99_999_999 - i).padStart(8, "0");
const indexOf = (id) => (/^\d{18}$/.test(id) && id.startsWith(ID_PREFIX) ? 99_999_999 - Number(id.slice(10)) : null);
/** Stream events get rising ids of the same width, unique per event (clients drop repeated ids). */
const streamIdOf = (i) => `1172000000${String(i).padStart(8, "0")}`;
const PLACEHOLDER = "__BENCH_ID_18CHR__";

const fixtures = await loadFixtures();
if (fixtures.note) console.error(fixtures.note);
const templates = fixtures.statuses;

const server = createServer();
server.keepAliveTimeout = 600_000; // idle workers keep their connections between rounds
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const json = (value) => Buffer.from(JSON.stringify(value));
const instanceV1 = json({ ...fixtures.instanceV1, urls: { ...fixtures.instanceV1.urls, streaming_api: base.replace("http", "ws") } });
const instanceV2 = json({
  ...fixtures.instanceV2,
  configuration: { ...fixtures.instanceV2.configuration, urls: { ...fixtures.instanceV2.configuration?.urls, streaming: base.replace("http", "ws") } },
});
const account = json(fixtures.account);
const notFound = json({ error: "Record not found" });
/** A limit no benchmark reaches, so no client ever waits; the headers still have to be read. */
const rateHeaders = {
  "X-RateLimit-Limit": "1000000000",
  "X-RateLimit-Remaining": "999999999",
  "X-RateLimit-Reset": new Date(Date.now() + 86_400_000).toISOString(),
};

/** The statuses [start, end) as one JSON body, with their Link header as Mastodon builds it. */
function buildPage(start, end) {
  const items = [];
  for (let i = Math.max(0, start); i < Math.min(end, TOTAL); i++) items.push({ ...templates[i % templates.length], id: idOf(i) });
  const body = json(items);
  const links = [];
  const limit = end - start;
  const url = `${base}/api/v1/timelines/home?limit=${limit}`;
  // As Mastodon: "next" only while a page is full, "prev" whenever there are items.
  if (items.length === limit && items.length > 0) links.push(`<${url}&max_id=${items.at(-1).id}>; rel="next"`);
  if (items.length > 0) links.push(`<${url}&min_id=${items[0].id}>; rel="prev"`);
  const headers = { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length), ...rateHeaders };
  if (links.length) headers.Link = links.join(", ");
  return { body, headers };
}

const pages = new Map();
const pageAt = (start, limit) => {
  const key = `${start}:${limit}`;
  let page = pages.get(key);
  if (!page) pages.set(key, (page = buildPage(start, start + limit)));
  return page;
};
for (let start = 0; start < TOTAL + PAGE; start += PAGE) pageAt(start, PAGE); // the whole walk, ahead of time
const pageBytes = pageAt(0, PAGE).body.length;
let fullPages = 0, fullBytes = 0;
for (const { body } of pages.values()) {
  if (body.length <= 2) continue; // the empty page after the last
  fullPages++;
  fullBytes += body.length;
}
const avgPageBytes = fullBytes / fullPages;

function homeTimeline(query, res) {
  const limit = Math.min(Math.max(Number(query.get("limit") ?? 20) || 20, 1), PAGE);
  const maxId = query.get("max_id"), minId = query.get("min_id") ?? query.get("since_id");
  let start = 0, count = limit;
  if (maxId !== null) start = (indexOf(maxId) ?? -1) + 1;
  else if (minId !== null) {
    // The `limit` statuses just newer than min_id (Mastodon's min_id paging).
    const j = indexOf(minId) ?? 0;
    start = Math.max(0, j - limit);
    count = j - start;
  }
  const page = pageAt(start, count);
  res.writeHead(200, page.headers).end(page.body);
}

/** Frames of each template with a fixed-width id placeholder, and where the id goes in each. */
function frameTemplates(wrap) {
  return templates.map((status) => {
    const frame = wrap(JSON.stringify({ ...status, id: PLACEHOLDER }));
    return { frame, at: frame.indexOf(PLACEHOLDER) };
  });
}
const sseFrames = frameTemplates((text) => Buffer.from(`event: update\ndata: ${text}\n\n`));
const wsFrames = frameTemplates((text) => {
  const message = Buffer.from(JSON.stringify({ stream: ["user"], event: "update", payload: text }));
  // A server-to-client text frame (FIN, opcode 1, unmasked), with a 16- or 64-bit length.
  const header = message.length < 126 ? Buffer.from([0x81, message.length])
    : message.length < 65_536 ? Buffer.from([0x81, 126, message.length >> 8, message.length & 255])
    : Buffer.concat([Buffer.from([0x81, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(message.length)); return b; })()]);
  return Buffer.concat([header, message]);
});

/** Resolves when the socket drains or closes, leaving no listener behind. */
function drained(socket) {
  return new Promise((resolve) => {
    const done = () => {
      socket.off("drain", done);
      socket.off("close", done);
      resolve();
    };
    socket.on("drain", done);
    socket.on("close", done);
  });
}

/** Writes `count` update events in batches as fast as the socket drains; false if the peer left. */
async function pump(socket, frames, count) {
  const BATCH = 32;
  let gone = false;
  socket.once("close", () => (gone = true));
  for (let sent = 0; sent < count && !gone;) {
    const n = Math.min(BATCH, count - sent);
    let size = 0;
    for (let k = 0; k < n; k++) size += frames[(sent + k) % frames.length].frame.length;
    // A fresh buffer per batch: the socket may still hold the previous one.
    const batch = Buffer.allocUnsafe(size);
    let offset = 0;
    for (let k = 0; k < n; k++, sent++) {
      const { frame, at } = frames[sent % frames.length];
      frame.copy(batch, offset);
      batch.write(streamIdOf(sent), offset + at, "latin1");
      offset += frame.length;
    }
    if (!socket.write(batch) && !gone) await drained(socket);
  }
  return !gone;
}

const authorized = (req, query) => Boolean(req.headers.authorization || query.get("access_token") || req.headers["sec-websocket-protocol"]);

server.on("request", (req, res) => {
  const url = new URL(req.url, base);
  const path = url.pathname.replace(/\/+$/, "");
  const send = (status, body) => res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length), ...rateHeaders }).end(body);
  if (path === "/api/v1/instance") return send(200, instanceV1);
  if (path === "/api/v2/instance") return send(200, instanceV2);
  if (path === "/api/v1/streaming/health") return res.writeHead(200, { "Content-Type": "text/plain" }).end("OK");
  if (!authorized(req, url.searchParams)) return send(401, json({ error: "The access token is invalid" }));
  if (path === "/api/v1/timelines/home") return homeTimeline(url.searchParams, res);
  if (path === "/api/v1/accounts/verify_credentials") return send(200, account);
  if (path === "/api/v1/streaming/user") {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Accel-Buffering": "no" });
    res.write(":)\n\n"); // Mastodon's opening heartbeat
    void pump(res, sseFrames, STREAM_EVENTS).then((alive) => alive && res.end());
    return;
  }
  send(404, notFound);
});

// The WebSocket handshake and the client's messages go through `ws`; the bulk of events is
// written as pre-built frames straight to the socket (ws.send would frame each one anew).
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on("upgrade", (req, socket, head) => {
  const url = new URL(req.url, base);
  if (url.pathname.replace(/\/+$/, "") !== "/api/v1/streaming" || !authorized(req, url.searchParams)) {
    socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n");
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      void pump(socket, wsFrames, STREAM_EVENTS).then((alive) => alive && ws.close(1000, "done"));
    };
    ws.on("message", (data) => {
      try {
        if (JSON.parse(String(data)).type === "subscribe") start();
      } catch { /* not for us */ }
    });
    ws.on("error", () => undefined);
    if (url.searchParams.get("stream")) start(); // megalodon and the raw client subscribe in the URL
  });
});
server.on("clientError", (_error, socket) => socket.destroy());

const info = { base, pageBytes, avgPageBytes, total: TOTAL, streamEvents: STREAM_EVENTS, source: fixtures.source, note: fixtures.note };
const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.closeAllConnections();
  server.close();
};
if (process.send) {
  process.send({ ready: info });
  process.on("disconnect", stop); // the parent went: do not linger
  process.on("message", (m) => m === "stop" && (stop(), process.disconnect()));
} else {
  console.log(`fixture server on ${base}: ${info.source}, ${pageBytes} bytes a page, ${STREAM_EVENTS} events a stream`);
  process.on("SIGINT", stop);
}
