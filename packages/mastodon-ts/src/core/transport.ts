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

/** Sends one request; rejects with an error named "TimeoutError" on timeout. */
export type Transport = (url: string, request: HttpRequest) => Promise<HttpResponse>;

/** The transport over any fetch-compatible function. */
export function fetchTransport(fetchImpl: (input: string, init?: RequestInit) => Promise<Response>): Transport {
  return (url, { timeoutMs, ...init }) => fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
