/**
 * debug_requests: every exchange as it goes over the wire, one line out and one line back, with
 * secrets redacted. It wraps the transport, so retries after a 429 show too. The `Mastodon`
 * facade installs it; a MastodonClient can log from the `fetch` it is given.
 */
import { redactBody, redactUrl } from "./redact.js";
import type { Transport } from "./transport.js";

export type DebugLog = (line: string) => void;

/** `true` logs to the console; a function receives the lines. */
export function debugLogOf(option: boolean | DebugLog | undefined): DebugLog | null {
  return typeof option === "function" ? option : option ? (line) => console.log(`[mastodon-ts] ${line}`) : null;
}

export function loggingTransport(inner: Transport, log: DebugLog): Transport {
  const logged: Transport = async (url, request) => {
    const label = `${request.method} ${redactUrl(url)}`;
    const body = request.body;
    // A form body is a query string, and its secrets are redacted the same way; a JSON one is parsed to redact its fields.
    log(`→ ${label}${typeof body === "string" ? ` ${body.startsWith("{") ? JSON.stringify(redactBody(JSON.parse(body))) : redactUrl(`?${body}`).slice(1)}` : body ? " [multipart]" : ""}`);
    const response = await inner(url, request);
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      async text() {
        const text = await response.text();
        log(`← ${response.status} ${label} ${text.length} bytes`);
        return text;
      },
    };
  };
  // Streams are not logged, but they keep the inner transport's way of opening them.
  logged.openTextStream = inner.openTextStream;
  return logged;
}
