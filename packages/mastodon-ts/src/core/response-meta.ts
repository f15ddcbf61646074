/**
 * What a parsed result remembers of the answer it came from: its Link and Mastodon-Async-Refresh
 * headers, the base URL they are relative to, and the request that was answered. It is kept as
 * the server sent it, under a symbol (out of JSON.stringify and of iteration), and read only by
 * what needs it: pagination.ts parses the links when a program pages, async-refresh.ts the hint
 * when a program waits. The pipeline itself stays small and does no parsing for them.
 */
import type { RequestSpec } from "./request.js";

export interface ResponseMeta {
  readonly link: string | null;
  readonly asyncRefresh: string | null;
  /** The client's API base URL, which the links are resolved against. */
  readonly base: string;
  readonly request: RequestSpec;
}

const META = Symbol.for("mastodon-ts.response");

/** Attaches `meta` to an object result; other results (and answers without either header) are left alone. */
export function attachMeta<T>(value: T, meta: ResponseMeta | undefined): T {
  if (meta && (meta.link || meta.asyncRefresh) && value !== null && typeof value === "object") {
    Object.defineProperty(value, META, { value: meta, configurable: true, writable: true });
  }
  return value;
}

/** The answer a result came from, when it had a Link or Mastodon-Async-Refresh header. */
export function metaOf(value: unknown): ResponseMeta | undefined {
  return value !== null && typeof value === "object" ? (value as { [META]?: ResponseMeta })[META] : undefined;
}
