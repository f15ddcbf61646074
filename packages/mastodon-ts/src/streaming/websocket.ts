/**
 * Mastodon's multiplexed WebSocket (/api/v1/streaming): every stream of one client shares one
 * socket; each stream is a subscribe message on it. Uses the global WebSocket or the one given
 * to the client (e.g. the `ws` package on Node 20).
 */
import { apiErrorFor, MastodonNetworkError } from "../core/errors.js";
import type { RawEvent } from "./events.js";
import { matchesStream, wsMessage, type Subscription } from "./subscription.js";
import type { Link, LinkHandlers, Transport } from "./transport.js";

/** The part of the WebSocket API used here; the `ws` package's `on("ping")` is used when present. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on?: (event: "ping", listener: () => void) => unknown;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) => WebSocketLike;

const OPEN = 1;

interface MuxLink {
  subscription: Subscription;
  handlers: LinkHandlers;
  opened: boolean;
}

export interface WebSocketOptions {
  WebSocket: WebSocketConstructor;
  /** The streaming base URL (ws:// or wss://). */
  baseUrl: () => Promise<string>;
  token: string | null;
  /** "header": Authorization header (Node's `ws`); "query": access_token in the URL (browsers). */
  auth: "header" | "query";
}

class SocketMux {
  private socket: WebSocketLike | null = null;
  /** True while the URL is being looked up, so concurrent streams share one socket. */
  private opening = false;
  private readonly links = new Set<MuxLink>();

  constructor(private readonly options: WebSocketOptions) {}

  attach(link: MuxLink): void {
    this.links.add(link);
    if (this.socket?.readyState === OPEN) this.subscribe(link);
    else if (!this.socket && !this.opening) void this.open();
  }

  detach(link: MuxLink): void {
    if (!this.links.delete(link)) return;
    if (this.socket?.readyState === OPEN && link.opened) this.socket.send(wsMessage("unsubscribe", link.subscription));
    if (this.links.size === 0) this.shutdown(null);
  }

  private subscribe(link: MuxLink): void {
    this.socket?.send(wsMessage("subscribe", link.subscription));
    link.opened = true;
    link.handlers.onOpen();
  }

  private async open(): Promise<void> {
    this.opening = true;
    let url: string;
    try {
      url = `${await this.options.baseUrl()}/api/v1/streaming`;
    } catch (error) {
      this.opening = false;
      this.shutdown(error);
      return;
    }
    this.opening = false;
    if (this.links.size === 0) return;
    const headers: Record<string, string> = {};
    if (this.options.token && this.options.auth === "header") headers.Authorization = `Bearer ${this.options.token}`;
    else if (this.options.token) url += `?access_token=${encodeURIComponent(this.options.token)}`;
    let socket: WebSocketLike;
    try {
      socket = new this.options.WebSocket(url, undefined, { headers });
    } catch (error) {
      this.shutdown(error);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      for (const link of this.links) this.subscribe(link);
    };
    socket.onmessage = (message) => this.route(message.data);
    socket.onerror = () => {
      // The close event that follows carries the end; errors alone say too little.
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.shutdown(new MastodonNetworkError(`The streaming socket closed (code ${event.code ?? "?"}${event.reason ? `: ${event.reason}` : ""})`));
    };
    socket.on?.("ping", () => {
      for (const link of this.links) {
        link.handlers.onActivity();
        link.handlers.onHeartbeat();
      }
    });
  }

  private route(data: unknown): void {
    const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : String(data);
    for (const link of this.links) link.handlers.onActivity();
    let message: { stream?: unknown; event?: unknown; payload?: unknown; error?: unknown; status?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      for (const link of this.links) link.handlers.onEvent({ event: "(unparsable message)", data: text });
      return;
    }
    if (typeof message.error === "string") {
      const status = typeof message.status === "number" ? message.status : 400;
      this.shutdown(apiErrorFor({ status, reason: "Streaming error", error: message.error, error_description: null, headers: {}, method: "GET", url: "/api/v1/streaming", body: message }));
      return;
    }
    const stream = Array.isArray(message.stream) ? message.stream.map(String) : undefined;
    const raw: RawEvent = {
      event: typeof message.event === "string" ? message.event : "(no event name)",
      data: typeof message.payload === "string" ? message.payload : JSON.stringify(message.payload ?? null),
      stream,
    };
    for (const link of this.links) if (matchesStream(link.subscription, stream)) link.handlers.onEvent(raw);
  }

  /** Ends the socket; every attached link learns why (its stream then reconnects on its own). */
  private shutdown(error: unknown): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      try {
        socket.close(1000);
      } catch { /* already closed */ }
    }
    const links = [...this.links];
    this.links.clear();
    if (error !== null) for (const link of links) link.handlers.onClose(error);
  }
}

export function webSocketTransport(options: WebSocketOptions): Transport {
  const mux = new SocketMux(options);
  return (subscription, handlers): Link => {
    const link: MuxLink = { subscription, handlers, opened: false };
    mux.attach(link);
    return { close: () => mux.detach(link) };
  };
}
