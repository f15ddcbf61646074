/** The constructor's options (Mastodon.py's names) and their normalisation. */
import { MastodonIllegalArgumentError } from "./errors.js";
import { checkOneOf } from "../internal/params.js";
import type { Clock, Limiter, RatelimitMethod } from "./limiter.js";
import type { VersionCheckMode } from "./versions.js";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface MastodonOptions {
  /** An app's client id, or (Node) the path of a file written by `createApp`. */
  client_id?: string | null;
  client_secret?: string | null;
  /** A user or app token, or (Node) the path of a file written by `logIn`. */
  access_token?: string | null;
  /** The instance, e.g. "mastodon.social" or "https://mastodon.social". */
  api_base_url?: string | null;
  /** Log every request and response (secrets redacted): `true` for console.log, or your own logger. */
  debug_requests?: boolean | ((line: string) => void);
  /**
   * "throw", "wait" or "pace" (Mastodon.py's modes). `Mastodon` defaults to "wait". MastodonClient
   * (mastodon-ts/core) limits nothing by itself ("throw"); give it a `ratelimiter` to track, wait or pace.
   */
  ratelimit_method?: RatelimitMethod;
  ratelimit_pacefactor?: number;
  /** The rate limiting to use, e.g. `new RateLimiter("pace")` from mastodon-ts/ratelimit; it sets the mode. */
  ratelimiter?: Limiter;
  /** Seconds before a request is abandoned with MastodonReadTimeout. Default 300, as Mastodon.py. */
  request_timeout?: number;
  mastodon_version?: string | null;
  version_check_mode?: VersionCheckMode;
  feature_set?: "mainline" | "fedibird" | "pleroma" | (string & {});
  user_agent?: string;
  /** Language for server-generated text (validation errors, trends), sent with every request. */
  lang?: string | null;
  /** A fetch-compatible function; the default is the global fetch. */
  fetch?: FetchLike;
  /** A WebSocket constructor, for runtimes without a global one. */
  WebSocket?: unknown;
  /** The clock used for rate limiting; tests pass a fake one. */
  clock?: Clock;
}

export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_USER_AGENT = "mastodon-ts/0.1";
export const DEFAULT_SCOPES = ["read", "write", "follow", "push"];

/** "mastodon.social/" → "https://mastodon.social". */
export function normalizeBaseUrl(url: string): string {
  let base = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) base = `https://${base}`;
  base = base.replace(/\/+$/, "");
  try {
    new URL(base);
  } catch {
    throw new MastodonIllegalArgumentError(`api_base_url ${JSON.stringify(url)} is not a valid URL`);
  }
  return base;
}

/**
 * Checks the options that MastodonClient does not check by itself (the Mastodon facade's:
 * version checks), with a clear error for any value out of range.
 */
export function checkOptions(options: MastodonOptions): void {
  checkOneOf("version_check_mode", options.version_check_mode, ["none", "created", "changed"]);
}
