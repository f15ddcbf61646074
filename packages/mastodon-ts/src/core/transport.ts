/**
 * How a request travels. The pipeline needs little from an answer: status, headers, the body
 * as text. `fetch` provides that everywhere; on Node a keep-alive node:http transport
 * (node-transport.ts) provides it with less overhead per call.
 */

export interface ResponseHeaders {
  get(name: string): string | null;
  forEach(callback: (value: string, key: string) => void): void;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: ResponseHeaders;
  text(): Promise<string>;
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | FormData;
  /** Milliseconds before the call fails with a TimeoutError. */
  timeoutMs: number;
}

/** An answer whose body is read as it arrives (an event stream): status, then text chunks. */
export interface TextStreamResponse {
  readonly status: number;
  readonly statusText: string;
  /** The body, decoded from UTF-8 across chunk boundaries, chunk by chunk as it arrives. */
  readonly chunks: AsyncIterable<string>;
  /** The whole body (for an error answer); use either this or `chunks`, not both. */
  text(): Promise<string>;
}

/** Opens a long-lived GET; aborting `signal` closes it. */
export type OpenTextStream = (url: string, headers: Record<string, string>, signal: AbortSignal) => Promise<TextStreamResponse>;

/**
 * Sends one request; rejects with an error named "TimeoutError" on timeout. A transport may also
 * open event streams (`openTextStream`), when it does so more cheaply than fetch (node:http).
 */
export interface Transport {
  (url: string, request: HttpRequest): Promise<HttpResponse>;
  openTextStream?: OpenTextStream | undefined;
}

/** The transport over any fetch-compatible function. */
export function fetchTransport(fetchImpl: (input: string, init?: RequestInit) => Promise<Response>): Transport {
  return (url, { timeoutMs, ...init }) => fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
