/**
 * Async refresh hints. A Mastodon 4.4+ answer may carry
 *   Mastodon-Async-Refresh: id="<string>", retry=<seconds>, result_count=<int>
 * saying that a background job is still producing results (a timeline being rebuilt, replies
 * being fetched). The pipeline keeps the header, with the request that got it, beside the result
 * (response-meta.ts); this module parses it when getAsyncRefreshInfo or awaitAsyncRefresh asks,
 * so that they can repeat the request once the job has finished.
 * https://docs.joinmastodon.org/methods/async_refreshes/
 */
import type { RequestSpec } from "./request.js";
import { metaOf } from "./response-meta.js";

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

/** The async refresh hint of the answer a result came from, or null. */
export function asyncRefreshHintOf(value: unknown): AsyncRefreshHint | null {
  const meta = metaOf(value);
  const parsed = parseAsyncRefreshHeader(meta?.asyncRefresh);
  return meta && parsed ? { ...parsed, request: meta.request } : null;
}
