// The multiplexed WebSocket at /api/v1/streaming (docs: methods/streaming.md#websocket):
// {"type":"subscribe","stream":"hashtag","tag":"x"} in, {"stream":[...],"event":...,"payload":"..."} out.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Core } from "../core.js";
import { usableToken } from "../server/auth.js";
import { hasAnyScope } from "../oauth/scopes.js";
import type { AccountRecord } from "../state/types.js";
import { resolveStream, type StreamRequest } from "./channels.js";
import type { StreamSink } from "./hub.js";

function reject(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : "Bad Request"}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  const bearer = header ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  const protocol = req.headers["sec-websocket-protocol"]?.split(",")[0]?.trim();
  return bearer ?? url.searchParams.get("access_token") ?? protocol ?? undefined;
}

export class StreamingSockets {
  private readonly wss: WebSocketServer;

  constructor(private readonly core: Core) {
    // The token may travel as the sub-protocol; it must be echoed back for the handshake to succeed.
    this.wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
  }

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://sandbox");
    } catch {
      reject(socket, 400, "Bad Request");
      return;
    }
    if (url.pathname.replace(/\/+$/, "") !== "/api/v1/streaming") {
      reject(socket, 400, "Unknown channel requested");
      return;
    }
    const tokenString = tokenOf(req, url);
    if (!tokenString) {
      reject(socket, 401, "Missing access token");
      return;
    }
    const token = usableToken(this.core, tokenString);
    const account = token?.accountId ? this.core.store.accounts.get(token.accountId) : undefined;
    if (!token || !account) {
      reject(socket, 401, "Invalid access token");
      return;
    }
    if (!hasAnyScope(token.scopes, ["read", "read:statuses", "read:notifications"])) {
      reject(socket, 401, "Access token does not have the required scopes");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, account, token.scopes, url));
  }

  private connected(ws: WebSocket, account: AccountRecord, scopes: string[], url: URL): void {
    const core = this.core;
    let frozen = false;
    const sink: StreamSink = {
      accountId: account.id,
      send: (stream, event, payload) => {
        if (frozen || ws.readyState !== ws.OPEN) return;
        ws.send(JSON.stringify(payload === undefined ? { stream, event } : { stream, event, payload }));
      },
      kill: () => ws.terminate(),
      freeze: () => {
        frozen = true;
      },
      close: () => ws.close(1001, "Server shutting down"),
    };
    core.hub.register(sink);
    const stopPing = core.timers.every(core.options.streaming.heartbeatMs, () => {
      if (!frozen && ws.readyState === ws.OPEN) ws.ping();
    });
    ws.on("close", () => {
      stopPing();
      core.hub.unregister(sink);
    });
    ws.on("error", () => ws.terminate());

    const apply = (type: "subscribe" | "unsubscribe", request: StreamRequest) => {
      const target = resolveStream(core, account, scopes, request);
      if ("error" in target) {
        if (!frozen) ws.send(JSON.stringify({ error: target.error, status: target.status }));
        return;
      }
      if (type === "subscribe") core.hub.subscribe(sink, target.channels, target.stream);
      else core.hub.unsubscribe(sink, target.channels);
    };

    const initial = url.searchParams.get("stream");
    if (initial) apply("subscribe", { name: initial, tag: url.searchParams.get("tag") ?? undefined, list: url.searchParams.get("list") ?? undefined });

    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        ws.send(JSON.stringify({ error: "Invalid JSON", status: 400 }));
        return;
      }
      const fields = typeof message === "object" && message !== null ? new Map(Object.entries(message)) : new Map<string, unknown>();
      const type = fields.get("type");
      const stream = fields.get("stream");
      if ((type !== "subscribe" && type !== "unsubscribe") || typeof stream !== "string") {
        ws.send(JSON.stringify({ error: "Unknown stream type", status: 400 }));
        return;
      }
      const tag = fields.get("tag");
      const list = fields.get("list");
      apply(type, {
        name: stream,
        tag: typeof tag === "string" ? tag : undefined,
        list: typeof list === "string" || typeof list === "number" ? String(list) : undefined,
      });
    });
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
