/**
 * Server-sent events: over node:http where the client's transport offers it (`openTextStream`:
 * Node ≥ 20.16), over `fetch` elsewhere (browsers, Deno, Bun) and for a client given its own
 * `fetch`. No dependency either way.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
import { MastodonNetworkError } from "../core/errors.js";
import { apiErrorFor } from "../core/errors.js";
import type { FetchLike } from "../core/options.js";
import type { OpenTextStream } from "../core/transport.js";
import type { RawEvent } from "./events.js";
import { ssePath, type Subscription } from "./subscription.js";
import type { Link, LinkHandlers, Transport } from "./transport.js";

/**
 * Incremental event-stream parser: feed it text as it arrives. It scans with indexOf and keeps
 * only the unfinished last line between chunks, so each byte is looked at about once
 * (this runs for every event of a busy stream).
 */
export class SseParser {
  private rest = "";
  /** Until the first text: a byte-order mark there is not part of the stream. */
  private atStart = true;
  private event = "";
  private data: string | null = null;
  private moreData: string[] | null = null;

  constructor(private readonly onEvent: (event: RawEvent) => void, private readonly onComment: (text: string) => void) {}

  feed(chunk: string): void {
    if (this.atStart && chunk !== "") {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const text = this.rest === "" ? chunk : this.rest + chunk;
    // Mastodon ends lines with \n; \r\n and \r are allowed by the format and take the slow path.
    if (text.indexOf("\r") >= 0) {
      this.rest = this.feedGeneral(text);
      return;
    }
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      this.line(text, start, end);
      start = end + 1;
    }
    this.rest = start === 0 ? text : text.slice(start);
  }

  private feedGeneral(text: string): string {
    let start = 0;
    for (;;) {
      const lf = text.indexOf("\n", start);
      const cr = text.indexOf("\r", start);
      const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (end < 0) return text.slice(start);
      // A \r at the very end may be the first half of \r\n: wait for more.
      if (end === cr && cr === text.length - 1) return text.slice(start);
      this.line(text, start, end);
      start = end + (end === cr && text.charCodeAt(cr + 1) === 10 ? 2 : 1);
    }
  }

  private line(text: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    if (text.charCodeAt(start) === 58 /* : */) {
      this.onComment(text.slice(start + 1, end).trim());
      return;
    }
    let colon = text.indexOf(":", start);
    if (colon < 0 || colon > end) colon = end;
    const field = text.slice(start, colon);
    let valueStart = colon + 1;
    if (text.charCodeAt(valueStart) === 32 /* space */) valueStart++;
    const value = valueStart >= end ? "" : text.slice(valueStart, end);
    if (field === "data") {
      if (this.data === null) this.data = value;
      else (this.moreData ??= []).push(value);
    } else if (field === "event") {
      this.event = value;
    }
  }

  private dispatch(): void {
    if (this.data !== null) {
      const data = this.moreData ? [this.data, ...this.moreData].join("\n") : this.data;
      this.onEvent({ event: this.event || "message", data });
    }
    this.event = "";
    this.data = null;
    this.moreData = null;
  }
}

/** Event streams over any fetch-compatible function. */
export function fetchTextStream(fetchImpl: FetchLike): OpenTextStream {
  return async (url, headers, signal) => {
    const response = await fetchImpl(url, { headers, signal });
    const body = response.body;
    async function* chunks(): AsyncGenerator<string> {
      if (!body) return;
      const decoder = new TextDecoder();
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield decoder.decode(value, { stream: true });
        }
      } finally {
        reader.releaseLock();
      }
    }
    return { status: response.status, statusText: response.statusText, chunks: chunks(), text: () => response.text() };
  };
}

export interface SseOptions {
  open: OpenTextStream;
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
      const response = await options.open(url, { Accept: "text/event-stream", ...options.headers() }, abort.signal);
      if (response.status < 200 || response.status > 299) {
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
      for await (const chunk of response.chunks) {
        handlers.onActivity();
        parser.feed(chunk);
        if (closed) return;
      }
      finish(new MastodonNetworkError("The server closed the stream"));
    })().catch((error: unknown) => finish(closed ? null : error));
    return { close: () => finish(null) };
  };
}
