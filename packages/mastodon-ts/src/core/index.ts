/**
 * mastodon-ts/core: the client without the facade, for small bundles.
 *   import { MastodonClient } from "mastodon-ts/core";
 *   import { timelineHome } from "mastodon-ts/api/timelines";
 *   const client = new MastodonClient({ api_base_url, access_token });
 *   const page = await timelineHome.call(client, { limit: 20 });
 */
export { MastodonClient } from "./client.js";
export * from "./errors.js";
export type { MastodonOptions, FetchLike } from "./options.js";
export type { PaginationInfo, PaginationDirection } from "./pagination.js";
export type { RequestSpec, HttpMethod } from "./request.js";
export type { Clock, LimitedCall, Limiter, RatelimitMethod } from "./limiter.js";
