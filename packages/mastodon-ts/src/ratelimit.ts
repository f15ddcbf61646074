/**
 * mastodon-ts/ratelimit: rate limiting for a MastodonClient of the lean path, the one `Mastodon`
 * always has ("throw", "wait" or "pace", safe with many calls in flight).
 *   new MastodonClient({ api_base_url, access_token, ratelimiter: new RateLimiter("pace") })
 */
export { RateLimiter } from "./core/ratelimit.js";
export type { Clock, LimitedCall, Limiter, RatelimitMethod } from "./core/limiter.js";
