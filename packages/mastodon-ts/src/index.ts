/** mastodon-ts: the public entry point. */
export { Mastodon } from "./mastodon.js";
export { MastodonClient } from "./core/client.js";
export type { MastodonOptions, FetchLike } from "./core/options.js";
export * from "./core/errors.js";
export type { PaginationInfo, PaginationDirection } from "./core/pagination.js";
export type { PaginatedList, NonPaginatedList, EmptyResult } from "./core/types.js";
export type { IdLike, PageIdLike } from "./core/ids.js";
export type { MediaInput } from "./core/media.js";
export type { RatelimitMethod } from "./core/ratelimit.js";
export type { VersionCheckMode } from "./core/versions.js";
export type { CreateAppOptions } from "./api/apps.js";
export type { AuthRequestUrlOptions, LogInOptions, DiscoveredOAuthServerInfo } from "./api/oauth.js";
export type { StatusPostOptions, PollOptions } from "./api/statuses.js";
export type { TimelineOptions } from "./api/timelines.js";
export type { PagingOptions } from "./internal/params.js";
export type * from "./entities/index.js";
