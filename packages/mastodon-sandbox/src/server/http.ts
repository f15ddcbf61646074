// node:http <-> SandboxApp: buffers request bodies, writes responses (streaming bodies such
// as SSE chunk by chunk) and carries out transport faults (dropped sockets, truncated bodies).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Outcome, SandboxApp } from "./app.js";

/** Large enough for Mastodon's 99 MB video limit. */
const MAX_BODY_BYTES = 110 * 1024 * 1024;

export function createHttpServer(app: SandboxApp): Server {
  const server = createServer((req, res) => {
    serve(app, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: "We're sorry, but something went wrong on our end." }));
      } else {
        res.destroy();
      }
    });
  });
  // Keep-alive sockets must not keep close() waiting.
  server.keepAliveTimeout = 5_000;
  return server;
}

async function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function serve(app: SandboxApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const body = await readBody(req);
  if (body === "too-large") {
    res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
    res.end(JSON.stringify({ error: "Request Entity Too Large" }));
    return;
  }
  let request: Request;
  try {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] ?? "";
      const value = req.rawHeaders[i + 1] ?? "";
      try {
        headers.append(name, value);
      } catch {
        // A header undici refuses (e.g. HTTP/2 pseudo headers) is dropped, not fatal.
      }
    }
    const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
    request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method,
      headers,
      body: hasBody ? new Uint8Array(body) : null,
    });
  } catch {
    res.writeHead(400, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: "Bad Request" }));
    return;
  }
  const outcome = await app.handle(request, { remoteAddress: req.socket.remoteAddress ?? "unknown" });
  await write(req, res, outcome);
}

async function write(req: IncomingMessage, res: ServerResponse, outcome: Outcome): Promise<void> {
  const { response, transport } = outcome;
  if (transport === "drop") {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;

  if (response.headers.get("content-type")?.startsWith("text/event-stream") && response.body) {
    await pipeStream(res, response, headers);
    return;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(bytes.length);
  res.writeHead(response.status, headers);
  if (req.method === "HEAD") {
    res.end();
  } else if (transport === "truncate") {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
  } else {
    res.end(bytes);
  }
}

/** Streams an SSE body; cancels the stream when the client goes away, kills the socket on error. */
async function pipeStream(res: ServerResponse, response: Response, headers: Record<string, string | string[]>): Promise<void> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  res.writeHead(response.status, headers);
  res.flushHeaders();
  res.on("close", () => {
    reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.destroyed) res.write(value);
    }
    res.end();
  } catch {
    res.destroy();
  }
}
