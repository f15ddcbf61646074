/**
 * Server-sent events over `fetch`: works in Node 20, browsers, Deno and Bun with no dependency.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
import { MastodonNetworkError } from "../core/errors.js";
import { apiErrorFor } from "../core/errors.js";
import type { FetchLike } from "../core/options.js";
import type { RawEvent } from "./events.js";
import { ssePath, type Subscription } from "./subscription.js";
import type { Link, LinkHandlers, Transport } from "./transport.js";

/** Incremental event-stream parser: feed it text as it arrives. */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];

  constructor(private readonly onEvent: (event: RawEvent) => void, private readonly onComment: (text: string) => void) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith("\r\n", newline) ? 2 : 1;
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (width === 1 && this.buffer[newline] === "\r" && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data.length > 0) this.onEvent({ event: this.event || "message", data: this.data.join("\n") });
      this.event = "";
      this.data = [];
      return;
    }
    if (line.startsWith(":")) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
  }
}

export interface SseOptions {
  fetch: FetchLike;
  baseUrl: () => Promise<string>;
  headers: () => Record<string, string>;
  /** Put the token in the URL instead of a header (for runtimes that cannot send headers). */
  tokenInQuery: string | null;
}

export function sseTransport(options: SseOptions): Transport {
  return (subscription: Subscription, handlers: LinkHandlers): Link => {
    const abort = new AbortController();
    let closed = false;
    const finish = (error: unknown): void => {
      if (closed) return;
      closed = true;
      abort.abort();
      handlers.onClose(error);
    };
    void (async () => {
      let url = (await options.baseUrl()) + ssePath(subscription);
      if (options.tokenInQuery) url += `${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(options.tokenInQuery)}`;
      const response = await options.fetch(url, { headers: { Accept: "text/event-stream", ...options.headers() }, signal: abort.signal });
      if (!response.ok || !response.body) {
        const text = await response.text().catch(() => "");
        let error: string | null = null;
        try {
          error = (JSON.parse(text) as { error?: string }).error ?? null;
        } catch { /* not JSON */ }
        throw apiErrorFor({ status: response.status, reason: response.statusText, error, error_description: null, headers: {}, method: "GET", url: url.replace(/access_token=[^&]*/, "access_token=[redacted]"), body: text });
      }
      handlers.onOpen();
      const parser = new SseParser(handlers.onEvent, (comment) => {
        handlers.onHeartbeat();
        void comment;
      });
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        handlers.onActivity();
        parser.feed(decoder.decode(value, { stream: true }));
        if (closed) return;
      }
      finish(new MastodonNetworkError("The server closed the stream"));
    })().catch((error: unknown) => finish(closed ? null : error));
    return { close: () => finish(null) };
  };
}
