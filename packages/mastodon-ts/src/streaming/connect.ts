/** Builds a stream for a client: the streaming server's address, the transport, the settings. */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { fetchTextStream, sseTransport } from "./sse.js";
import { StreamHandle } from "./stream.js";
import type { StreamListener } from "./listener.js";
import type { Subscription } from "./subscription.js";
import type { Transport } from "./transport.js";
import { webSocketTransport, type WebSocketConstructor } from "./websocket.js";
import { cached } from "../core/cache.js";
import { userAgentHeaders } from "../platform/node.js";

export interface StreamOptions {
  /** Mastodon.py's; streams here always run in the background (await `handle.done` to block). */
  run_async?: boolean;
  /** Seconds without data or heartbeat before the connection counts as dead and is replaced. */
  timeout?: number;
  /** Reconnect after a failure (default true here; false in Mastodon.py). */
  reconnect_async?: boolean;
  /** First wait before reconnecting, in seconds; it doubles per failed attempt (with jitter). */
  reconnect_async_wait_sec?: number;
  /** Longest wait between reconnect attempts, in seconds (default 60). */
  max_reconnect_wait_sec?: number;
  /** "sse" (default: server-sent events, node:http on Node, else fetch) or "websocket" (one shared socket per client). */
  transport?: "sse" | "websocket";
  /** After a reconnect, fetch missed statuses and notifications over REST (default true). */
  catch_up?: boolean;
  /**
   * How the token travels: "header" (Authorization) or "query" (access_token in the URL). The
   * default is the header wherever it can be sent: always over SSE, and over WebSocket with the
   * `ws` package; a standard WebSocket (browsers, Deno, Bun, Node 22) cannot, so it uses the URL.
   */
  stream_auth?: "header" | "query";
}

/** Looks up (once per client) where the streaming server lives, as an http(s) base URL. */
function streamingBase(client: MastodonClient): Promise<string> {
  return cached(client, "streaming-base", async () => {
    const readUrl = async (path: string, pick: (body: Record<string, unknown>) => unknown): Promise<string | null> => {
      try {
        const value = pick(await client.request<Record<string, unknown>>({ method: "GET", path, raw: true }));
        return typeof value === "string" && value ? value : null;
      } catch {
        return null;
      }
    };
    // Both instance documents are read, as Mastodon.py does; v2's answer wins, v1 covers old servers.
    const fromV2 = await readUrl("/api/v2/instance/", (body) => ((body.configuration as { urls?: { streaming?: unknown } } | undefined)?.urls?.streaming));
    const fromV1 = await readUrl("/api/v1/instance/", (body) => (body.urls as { streaming_api?: unknown } | undefined)?.streaming_api);
    const found = fromV2 ?? fromV1;
    return (found ?? client.api_base_url).replace(/^ws(s?):\/\//, "http$1://").replace(/\/+$/, "");
  });
}

/** @internal The transports a client's streams use; the WebSocket one is shared per client. */
function transportFor(client: MastodonClient, options: StreamOptions): { transport: Transport; heartbeats: boolean } {
  if ((options.transport ?? "sse") === "sse") {
    const auth = options.stream_auth ?? "header"; // fetch can send headers in every runtime
    return {
      heartbeats: true,
      transport: sseTransport({
        // The transport's own way where it has one (Node's), else fetch: also when the client was given a fetch or a transport.
        open: client.transport.openTextStream ?? fetchTextStream(client.fetchImpl),
        baseUrl: () => streamingBase(client),
        headers: () => ({ ...userAgentHeaders(client.user_agent), ...(client.access_token && auth === "header" ? { Authorization: `Bearer ${client.access_token}` } : {}) }),
        tokenInQuery: auth === "query" ? client.access_token : null,
      }),
    };
  }
  const WebSocketImpl = client.WebSocketImpl as WebSocketConstructor | undefined;
  if (typeof WebSocketImpl !== "function") {
    throw new MastodonIllegalArgumentError("transport \"websocket\" needs a WebSocket: pass the `WebSocket` option (e.g. from the ws package on Node 20)");
  }
  // Only the `ws` package (recognised by its event API) takes headers; the standard WebSocket of
  // browsers, Deno, Bun and Node 22 cannot, so the token goes in the URL there unless told otherwise.
  const isWsPackage = typeof (WebSocketImpl.prototype as { on?: unknown }).on === "function";
  const auth = options.stream_auth ?? (isWsPackage ? "header" : "query");
  const key = `websocket-transport:${auth}`;
  let shared = sharedStreams(client).get(key);
  if (!shared) {
    shared = webSocketTransport({ WebSocket: WebSocketImpl, baseUrl: async () => (await streamingBase(client)).replace(/^http/, "ws"), token: client.access_token, auth });
    sharedStreams(client).set(key, shared);
  }
  // Pings are only visible through the `ws` package's event API; browsers hide them.
  return { transport: shared, heartbeats: isWsPackage };
}

/** The transports shared by one client's streams (one WebSocket per client), made on first use. */
const SHARED = new WeakMap<MastodonClient, Map<string, Transport>>();
function sharedStreams(client: MastodonClient): Map<string, Transport> {
  let shared = SHARED.get(client);
  if (!shared) SHARED.set(client, (shared = new Map()));
  return shared;
}

export function openStream(client: MastodonClient, subscription: Subscription, listener: StreamListener, options: StreamOptions): StreamHandle {
  const { transport, heartbeats } = transportFor(client, options);
  if (options.timeout !== undefined && !(options.timeout > 0)) throw new MastodonIllegalArgumentError("timeout must be a positive number of seconds");
  return new StreamHandle(client, transport, subscription, listener, {
    staleTimeoutSec: options.timeout ?? (heartbeats ? 60 : 300),
    reconnect: options.reconnect_async ?? true,
    reconnectWaitSec: options.reconnect_async_wait_sec ?? 1,
    maxReconnectWaitSec: options.max_reconnect_wait_sec ?? 60,
    catchUp: options.catch_up ?? true,
  });
}

/** GET /api/v1/streaming/health on the streaming server: true when it answers OK. */
export async function streamingHealthy(client: MastodonClient): Promise<boolean> {
  try {
    const response = await client.fetchImpl(`${await streamingBase(client)}/api/v1/streaming/health`, { signal: AbortSignal.timeout(client.request_timeout * 1000) });
    return response.ok && (await response.text()).trim() === "OK";
  } catch {
    return false;
  }
}
