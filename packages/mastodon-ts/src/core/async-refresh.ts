/**
 * Async refresh hints. A Mastodon 4.4+ answer may carry
 *   Mastodon-Async-Refresh: id="<string>", retry=<seconds>, result_count=<int>
 * saying that a background job is still producing results (a timeline being rebuilt, replies
 * being fetched). The hint, with the request that got it, is attached to the parsed result under
 * a symbol (kept out of JSON and iteration, like pagination), so that getAsyncRefreshInfo and
 * awaitAsyncRefresh can read it and repeat the request once the job has finished.
 * https://docs.joinmastodon.org/methods/async_refreshes/
 */
import type { RequestSpec } from "./request.js";

export interface AsyncRefreshHeader {
  readonly id: string;
  /** Seconds to wait at least before asking again. */
  readonly retry: number;
  /** Results produced so far, when the server says. */
  readonly result_count: number | null;
}

export interface AsyncRefreshHint extends AsyncRefreshHeader {
  /** The request that was answered with the hint. */
  readonly request: RequestSpec;
}

const HINT = Symbol.for("mastodon-ts.async-refresh");

/** Parses a Mastodon-Async-Refresh header; null when absent or without an id. */
export function parseAsyncRefreshHeader(value: string | null | undefined): AsyncRefreshHeader | null {
  if (!value) return null;
  const fields = new Map<string, string>();
  for (const match of value.matchAll(/([A-Za-z_][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^,;\s]*)/g)) {
    const [, key = "", raw = ""] = match;
    fields.set(key.toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
  }
  const id = fields.get("id");
  if (!id) return null;
  const retry = Number(fields.get("retry"));
  const count = fields.has("result_count") ? Number(fields.get("result_count")) : Number.NaN;
  return { id, retry: Number.isFinite(retry) && retry >= 0 ? retry : 0, result_count: Number.isFinite(count) ? count : null };
}

/**
 * Attaches the hint of a response's Mastodon-Async-Refresh header (if any) to its parsed result.
 * Meant for the request pipeline: `attachAsyncRefresh(value, response.headers.get("mastodon-async-refresh"), spec)`.
 */
export function attachAsyncRefresh<T>(value: T, header: string | null | undefined, request: RequestSpec): T {
  const parsed = parseAsyncRefreshHeader(header);
  if (parsed && value !== null && typeof value === "object") {
    const hint: AsyncRefreshHint = { ...parsed, request: { ...request } };
    Object.defineProperty(value, HINT, { value: hint, enumerable: false, configurable: true, writable: true });
  }
  return value;
}

/** The async refresh hint attached to a result, or null. */
export function asyncRefreshHintOf(value: unknown): AsyncRefreshHint | null {
  if (value === null || typeof value !== "object") return null;
  const hint: unknown = Reflect.get(value, HINT);
  return isHint(hint) ? hint : null;
}

function isHint(value: unknown): value is AsyncRefreshHint {
  return value !== null && typeof value === "object" && "id" in value && typeof value.id === "string"
    && "request" in value && value.request !== null && typeof value.request === "object";
}
