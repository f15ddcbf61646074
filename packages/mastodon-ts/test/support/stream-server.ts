/**
 * A scripted streaming server for the client's streaming tests: SSE and a multiplexed
 * WebSocket under /api/v1/streaming, the instance document that points to it, and the REST
 * lists a stream catches up from (home timeline, notifications, public and tag timelines).
 * Tests push events, cut connections, or make them go silent while staying open.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface StreamServer {
  url: string;
  /** Publish a status to a stream (also stored for catch-up); returns it. */
  post(stream: string, status?: Record<string, unknown>): Record<string, unknown>;
  notify(notification?: Record<string, unknown>): Record<string, unknown>;
  /** Send a raw event to every connection on a stream. */
  raw(stream: string, event: string, data: string): void;
  /** Drop every streaming connection at once. */
  cutAll(): void;
  /** Stop sending anything (not even heartbeats) while keeping connections open. */
  silence(on: boolean): void;
  /** Make the next connections fail with this status (0: accept again). */
  refuseWith(status: number): void;
  connections(): number;
  /** Connections (SSE requests or WebSocket subscriptions) currently listening to a stream. */
  listeners(stream: string): number;
  subscribeMessages(): string[];
  /** Each WebSocket upgrade: its URL and Authorization header. */
  upgrades(): Array<{ url: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

let nextId = 110_000_000_000_000_000n;
const newId = (): string => (nextId += 1n << 16n).toString();

export function makeStatus(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(), created_at: new Date().toISOString(), content: "<p>hi</p>", visibility: "public", edited_at: null,
    account: { id: "1", username: "ann", acct: "ann", created_at: "2026-08-01T00:00:00.000Z" }, ...overrides,
  };
}

export async function startStreamServer(options: { heartbeatMs?: number } = {}): Promise<StreamServer> {
  const store = new Map<string, Array<Record<string, unknown>>>(); // stream → items, oldest first
  const sse = new Map<string, Set<ServerResponse>>();
  const sockets = new Set<WebSocket>();
  const subscriptions = new Map<WebSocket, Set<string>>();
  const subscribeMessages: string[] = [];
  const upgrades: Array<{ url: string; authorization: string | undefined }> = [];
  let silent = false;
  let refuse = 0;

  const listFor = (stream: string): Array<Record<string, unknown>> => {
    let list = store.get(stream);
    if (!list) store.set(stream, (list = []));
    return list;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.replace(/\/$/, "");
    if (path === "/api/v2/instance") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ configuration: { urls: { streaming: `ws://${req.headers.host}` } } }));
      return;
    }
    if (path.startsWith("/api/v1/streaming/")) {
      if (refuse) {
        res.writeHead(refuse, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: refuse === 401 ? "The access token is invalid" : "Error" }));
        return;
      }
      const stream = path.slice("/api/v1/streaming/".length).replace(/\//g, ":") + (url.searchParams.get("tag") ? `#${url.searchParams.get("tag")}` : "");
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      res.write(":)\n");
      let set = sse.get(stream);
      if (!set) sse.set(stream, (set = new Set()));
      set.add(res);
      const heartbeat = options.heartbeatMs ? setInterval(() => !silent && res.write(":thump\n"), options.heartbeatMs) : null;
      res.on("close", () => {
        set?.delete(res);
        if (heartbeat) clearInterval(heartbeat);
      });
      return;
    }
    // REST catch-up: newest first, min_id pages the items just above min_id, as Mastodon does.
    const listName = path === "/api/v1/timelines/home" ? "user" : path === "/api/v1/notifications" ? "notifications"
      : path === "/api/v1/timelines/public" ? "public" : path.startsWith("/api/v1/timelines/tag/") ? `hashtag#${decodeURIComponent(path.slice(22))}` : null;
    if (listName) {
      const limit = Number(url.searchParams.get("limit") ?? 20);
      const minId = url.searchParams.get("min_id");
      const items = listFor(listName).filter((item) => minId === null || BigInt(String(item.id)) > BigInt(minId));
      const page = (minId === null ? items.slice(-limit) : items.slice(0, limit)).reverse();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(page));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "Record not found" }));
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    upgrades.push({ url: req.url ?? "", authorization: req.headers.authorization });
    if (refuse) {
      socket.end(`HTTP/1.1 ${refuse} Refused\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      subscriptions.set(ws, new Set());
      ws.on("message", (data) => {
        const text = String(data);
        subscribeMessages.push(text);
        const message = JSON.parse(text) as { type: string; stream: string; tag?: string };
        const key = message.stream + (message.tag ? `#${message.tag}` : "");
        if (message.type === "subscribe") subscriptions.get(ws)?.add(key);
        else subscriptions.get(ws)?.delete(key);
      });
      ws.on("close", () => {
        sockets.delete(ws);
        subscriptions.delete(ws);
      });
    });
  });
  const pinger = options.heartbeatMs ? setInterval(() => {
    if (!silent) for (const ws of sockets) ws.ping();
  }, options.heartbeatMs) : null;

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const send = (stream: string, event: string, data: string): void => {
    if (silent) return;
    for (const res of sse.get(stream) ?? []) res.write(`event: ${event}\ndata: ${data}\n\n`);
    const [name, tag] = stream.split("#");
    for (const ws of sockets) {
      if (subscriptions.get(ws)?.has(stream)) ws.send(JSON.stringify({ stream: tag ? [name, tag] : [name], event, payload: data }));
    }
  };

  return {
    url: `http://127.0.0.1:${port}`,
    post(stream, status = makeStatus()) {
      listFor(stream).push(status);
      send(stream, "update", JSON.stringify(status));
      return status;
    },
    notify(notification = { id: newId(), type: "mention", created_at: new Date().toISOString(), account: { id: "2", acct: "bob@remote.example" } }) {
      listFor("notifications").push(notification);
      send("user", "notification", JSON.stringify(notification));
      return notification;
    },
    raw: send,
    cutAll() {
      for (const set of sse.values()) for (const res of set) res.destroy();
      for (const ws of sockets) ws.terminate();
    },
    silence(on) {
      silent = on;
    },
    refuseWith(status) {
      refuse = status;
    },
    connections: () => [...sse.values()].reduce((n, set) => n + set.size, 0) + sockets.size,
    listeners: (stream) => (sse.get(stream)?.size ?? 0) + [...subscriptions.values()].filter((set) => set.has(stream)).length,
    subscribeMessages: () => subscribeMessages,
    upgrades: () => upgrades,
    close: async () => {
      if (pinger) clearInterval(pinger);
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
