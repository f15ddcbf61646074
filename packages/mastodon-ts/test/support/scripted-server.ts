/**
 * A real HTTP server on 127.0.0.1 whose answers a test scripts, and which records every request
 * as it arrived on the wire (method, path, query, headers, raw body).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: Buffer;
  /** Form body decoded (empty for other content types). */
  form: URLSearchParams;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  /** Send this text as is instead of JSON. */
  raw?: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => Reply | Promise<Reply> | "handled";

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const isForm = (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body,
      form: new URLSearchParams(isForm ? body.toString("utf8") : ""),
    };
    requests.push(recorded);
    const reply = await handler(recorded, res);
    if (reply === "handled") return;
    const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
    const headers: Record<string, string> = { "content-type": reply.raw ? "text/html" : "application/json; charset=utf-8" };
    for (const [key, value] of Object.entries(reply.headers ?? {})) if (value !== undefined) headers[key] = value;
    res.writeHead(reply.status ?? 200, headers);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
