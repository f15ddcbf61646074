/** mastodon-ts: the public entry point. */
export { Mastodon } from "./mastodon.js";
export { MastodonClient } from "./core/client.js";
export type { MastodonOptions, FetchLike } from "./core/options.js";
export * from "./core/errors.js";
export type { PaginationInfo, PaginationDirection } from "./core/pagination.js";
export type { PaginatedList, NonPaginatedList, EmptyResult } from "./core/types.js";
export type { IdLike, PageIdLike } from "./core/ids.js";
export type { MediaInput } from "./core/media.js";
export { RateLimiter } from "./core/ratelimit.js";
export type { RatelimitMethod, Limiter, LimitedCall, Clock } from "./core/limiter.js";
export type { VersionCheckMode } from "./core/versions.js";
export type { CreateAppOptions } from "./api/apps.js";
// Every option and result type of every API area (the functions themselves are on Mastodon).
export type * from "./api/index.js";
export type { PagingOptions } from "./internal/params.js";
export { StreamListener, CallbackStreamListener } from "./streaming/listener.js";
export type { CallbackHandlers, StreamState } from "./streaming/listener.js";
export type { StreamHandle } from "./streaming/stream.js";
export type { StreamEvent } from "./streaming/events.js";
export type { StreamOptions } from "./streaming/connect.js";
export type * from "./entities/index.js";
