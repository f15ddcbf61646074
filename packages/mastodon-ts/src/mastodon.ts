/**
 * `Mastodon`: the complete facade, every API method on one object, as in Mastodon.py.
 * The methods live in src/api/ as functions over MastodonClient (listed in api/index.ts, and
 * collected into api-methods.ts by the build); this file puts them on the prototype.
 * A small app imports those functions instead (README).
 */
import { MastodonClient } from "./core/client.js";
import { checkOptions, type MastodonOptions } from "./core/options.js";
import { RateLimiter } from "./core/ratelimit.js";
import type { Limiter } from "./core/limiter.js";
import type { RequestSpec } from "./core/request.js";
import { checkVersion, formatVersion } from "./core/versions.js";
import { debugLogOf, loggingTransport } from "./core/debug.js";
import { API_METHODS } from "./api-methods.js";
import { createApp } from "./api/apps.js";
import { getStatusLength } from "./api/utilities.js";

/** The newest Mastodon version whose whole API this library covers. */
export const SUPPORTED_MASTODON_VERSION = "4.6.0";

/**
 * The API methods of a module, kept exactly as declared (with their `this: MastodonClient`), so
 * generics and overloads survive; `this` is satisfied because a Mastodon is a MastodonClient.
 */
type Methods<Area> = {
  [Name in keyof Area as Area[Name] extends (this: MastodonClient, ...args: never[]) => unknown ? Name : never]: Area[Name];
};

// Declaration merging gives the class every API method in its type. It is safe because the
// loop below installs exactly those functions on the prototype.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Mastodon extends Methods<typeof API_METHODS> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Mastodon extends MastodonClient {
  /** Mastodon always has a RateLimiter ("wait" unless told otherwise). */
  declare readonly ratelimiter: Limiter;

  /** Registers an app; resolves to [client_id, client_secret]. See api/apps.ts. */
  static createApp = createApp;

  /** How long a status counts as on Mastodon (URLs as 23, remote mentions as @user). Also an instance method. */
  static getStatusLength = getStatusLength;

  /** The Mastodon version this library supports fully. */
  static getSupportedVersion(): string {
    return SUPPORTED_MASTODON_VERSION;
  }

  constructor(options: MastodonOptions = {}) {
    super(withRateLimiter(options));
    const log = debugLogOf(options.debug_requests);
    if (log) this.transport = loggingTransport(this.transport, log);
  }

  // Mastodon.py's rate-limit state, in its units (counts; epoch seconds); MastodonClient users read `ratelimiter`.
  get ratelimit_method(): string { return this.ratelimiter.method; }
  get ratelimit_pacefactor(): number { return this.ratelimiter.pacefactor; }
  get ratelimit_limit(): number { return this.ratelimiter.limit; }
  get ratelimit_remaining(): number { return this.ratelimiter.remaining; }
  get ratelimit_reset(): number { return this.ratelimiter.reset / 1000; }
  get ratelimit_lastcall(): number { return this.ratelimiter.lastcall / 1000; }

  /** The server's version as "x.y.z", once known (given, or fetched for a version check). */
  get mastodon_version(): string | null {
    return formatVersion(this.server_version);
  }

  /** Every call goes through here: the method's version is checked first, per version_check_mode. */
  override request<T>(spec: RequestSpec): Promise<T> {
    if (!spec.version || this.version_check_mode === "none") return super.request<T>(spec);
    return checkVersion(this, spec.version).then(() => super.request<T>(spec));
  }

  protected override offersMastodonPyPolicies(): boolean {
    return true;
  }
}

/** Mastodon.py's rate limiting, "wait" by default: the facade always has a RateLimiter. */
function withRateLimiter(options: MastodonOptions): MastodonOptions {
  checkOptions(options);
  return options.ratelimiter ? options : { ...options, ratelimiter: new RateLimiter(options.ratelimit_method ?? "wait", options.ratelimit_pacefactor ?? 1.1, options.clock) };
}

for (const [name, value] of Object.entries(API_METHODS)) {
  Object.defineProperty(Mastodon.prototype, name, { value, writable: true, configurable: true });
}
