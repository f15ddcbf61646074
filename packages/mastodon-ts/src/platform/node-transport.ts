/**
 * A Node transport over node:http / node:https with keep-alive agents: per call it costs less
 * than Node's fetch (undici), which is what keeps the client at or below a bare fetch.
 * Reached through process.getBuiltinModule, so bundles for other runtimes never include it.
 * Multipart bodies (FormData) are left to fetch, which knows how to encode them. Redirects are
 * followed as fetch follows them (./redirects.ts), and compressed answers asked for and decoded
 * as fetch does (./decompress.ts).
 */
import { builtin } from "./builtins.js";
import type { HttpRequest, HttpResponse, ResponseHeaders, Transport } from "../core/transport.js";
import { acceptEncoding, decodeBody, type BodyBytes } from "./decompress.js";
import { MAX_REDIRECTS, redirectHop } from "./redirects.js";

interface NodeIncoming {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  resume(): unknown;
}

interface NodeClientRequest {
  on(event: "error", listener: (error: Error) => void): unknown;
  destroy(error?: Error): unknown;
  end(body?: string): unknown;
}

interface NodeHttp {
  Agent: new (options: { keepAlive: boolean }) => object;
  request(url: string, options: { method: string; headers: Record<string, string>; agent: object }, callback: (response: NodeIncoming) => void): NodeClientRequest;
}

interface NodeBuffer {
  concat(chunks: Uint8Array[]): BodyBytes;
  byteLength(text: string, encoding: "utf8"): number;
}

class NodeHeaders implements ResponseHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }
  forEach(callback: (value: string, key: string) => void): void {
    for (const [key, value] of Object.entries(this.raw)) if (value !== undefined) callback(Array.isArray(value) ? value.join(", ") : value, key);
  }
}

function timeoutError(ms: number): Error {
  const error = new Error(`no complete answer within ${ms} ms`);
  error.name = "TimeoutError";
  return error;
}

/** The node:http transport, or null where Node's built-ins are not reachable. */
export function nodeTransport(fallback: Transport): Transport | null {
  const buffer = (builtin("node:buffer") as { Buffer?: NodeBuffer } | undefined)?.Buffer;
  if (!buffer) return null;
  // Each module and its keep-alive agent are loaded on first use: node:https brings TLS along,
  // which would slow every start. Free keep-alive sockets do not keep the process running.
  const loaded = new Map<string, { module: NodeHttp; agent: object } | null>();
  const load = (name: "node:http" | "node:https"): { module: NodeHttp; agent: object } | null => {
    if (!loaded.has(name)) {
      const module = builtin(name) as NodeHttp | undefined;
      loaded.set(name, module ? { module, agent: new module.Agent({ keepAlive: true }) } : null);
    }
    return loaded.get(name) ?? null;
  };

  const send = (url: string, request: HttpRequest, hopsLeft: number): Promise<HttpResponse> => {
    const secure = url.startsWith("https:");
    const body = request.body;
    if (typeof body === "object" || (!secure && !url.startsWith("http:"))) return fallback(url, request);
    const node = load(secure ? "node:https" : "node:http");
    if (!node) return fallback(url, request);
    const { module, agent } = node;
    const started = Date.now();
    const headers: Record<string, string> = { "Accept-Encoding": acceptEncoding(secure), ...request.headers };
    // A length, not chunked encoding: some servers refuse a chunked body on DELETE.
    if (body !== undefined) headers["Content-Length"] = String(buffer.byteLength(body, "utf8"));
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const outgoing = module.request(url, { method: request.method, headers, agent }, (incoming) => {
        const hop = redirectHop(incoming.statusCode ?? 0, incoming.headers.location, url, request.method, request.headers, hopsLeft);
        if (hop) {
          // Followed as fetch does; the rest of the time limit goes to the next hop.
          incoming.resume();
          if (hop instanceof Error) {
            fail(hop);
            return;
          }
          settled = true;
          clearTimeout(timer);
          const timeoutMs = Math.max(1, request.timeoutMs - (Date.now() - started));
          const next: HttpRequest = { method: hop.method, headers: hop.headers, timeoutMs, ...(hop.keepBody && body !== undefined ? { body } : {}) };
          resolve(send(hop.url, next, hopsLeft - 1));
          return;
        }
        const chunks: Uint8Array[] = [];
        incoming.on("data", (chunk) => chunks.push(chunk));
        incoming.on("error", fail);
        // "close" without "end" first: the connection dropped mid-answer (a truncated body).
        incoming.on("close", () => fail(new Error("the connection closed before the answer was complete")));
        incoming.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          // As with fetch, a body that cannot be decoded fails when it is read, not the request.
          const text = decodeBody(buffer.concat(chunks), incoming.headers["content-encoding"]).then((bytes) => bytes.toString("utf8"));
          text.catch(() => undefined); // rejected only for the reader of text()
          resolve({
            status: incoming.statusCode ?? 0,
            statusText: incoming.statusMessage ?? "",
            headers: new NodeHeaders(incoming.headers),
            text: () => text,
          });
        });
      });
      const timer = setTimeout(() => {
        const error = timeoutError(request.timeoutMs);
        outgoing.destroy(error);
        fail(error);
      }, request.timeoutMs);
      outgoing.on("error", fail);
      outgoing.end(body);
    });
  };
  return (url, request) => send(url, request, MAX_REDIRECTS);
}
