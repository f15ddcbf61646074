/**
 * The client core: credentials, settings, rate-limit and version state, and `request`.
 * API methods (src/api/) are functions over this class; the `Mastodon` facade puts them all
 * on one object, and a bundle that imports a few of them carries only those.
 */
import { MastodonIllegalArgumentError } from "./errors.js";
import { systemClock, type Clock, type Limiter } from "./limiter.js";
import {
  DEFAULT_TIMEOUT_SECONDS, DEFAULT_USER_AGENT, normalizeBaseUrl,
  type FetchLike, type MastodonOptions,
} from "./options.js";
import { send, type RequestSpec } from "./request.js";
import { fetchTransport, type Transport } from "./transport.js";
// Bundlers for browsers take ../platform/web.js instead (package.json "browser").
import { defaultTransport, readCredentialFiles } from "../platform/node.js";
import type { VersionCheckMode } from "./versions.js";

export class MastodonClient {
  api_base_url: string;
  client_id: string | null;
  client_secret: string | null;
  access_token: string | null;
  /** The client name read from an app credential file, if any. */
  client_name: string | null;
  request_timeout: number;
  user_agent: string;
  lang: string | null;
  feature_set: string;
  version_check_mode: VersionCheckMode;
  /** The rate limiting in use; none on a MastodonClient unless given (a 429 then throws). */
  readonly ratelimiter: Limiter | null;
  readonly clock: Clock;
  readonly fetchImpl: FetchLike;
  /** How requests travel: node:http with keep-alive on Node, else fetch (or the `fetch` given). */
  transport: Transport;
  readonly WebSocketImpl: unknown;
  /** Memoised lookups (OAuth server info, ...), per client; `clearCaches()` empties it. */
  readonly cache = new Map<string, Promise<unknown>>();
  /** The refresh token and expiry from the last `logIn`, when the server gave them. */
  refresh_token: string | null = null;
  access_token_expires_at: Date | null = null;
  /** The PKCE verifier made by `authRequestUrl({ pkce: true })`, used by the next `logIn({ code })`. */
  code_verifier: string | null = null;
  /**
   * The server's version string as given (mastodon_version) or fetched, as the server wrote it
   * (null: not known yet). versions.ts reads it; `Mastodon` shows it parsed as mastodon_version.
   */
  server_version: string | null;

  constructor(options: MastodonOptions = {}) {
    this.client_id = options.client_id ?? null;
    this.client_secret = options.client_secret ?? null;
    this.access_token = options.access_token ?? null;
    this.client_name = null;
    this.api_base_url = options.api_base_url ?? "";
    // Mastodon.py reads credentials from files when these name existing files (Node only).
    readCredentialFiles(this);
    if (!this.api_base_url) {
      throw new MastodonIllegalArgumentError("api_base_url is required (or a credential file that contains it)");
    }
    this.api_base_url = normalizeBaseUrl(this.api_base_url);
    this.request_timeout = options.request_timeout ?? DEFAULT_TIMEOUT_SECONDS;
    if (!(this.request_timeout > 0)) throw new MastodonIllegalArgumentError(`request_timeout must be a positive number of seconds, got ${String(options.request_timeout)}`);
    this.user_agent = options.user_agent ?? DEFAULT_USER_AGENT;
    this.lang = options.lang ?? null;
    this.feature_set = options.feature_set ?? "mainline";
    this.version_check_mode = options.version_check_mode ?? "none";
    if ((this.version_check_mode !== "none" || options.debug_requests) && !this.offersMastodonPyPolicies()) {
      throw new MastodonIllegalArgumentError("version_check_mode and debug_requests need the Mastodon class");
    }
    this.clock = options.clock ?? systemClock;
    this.ratelimiter = options.ratelimiter ?? null;
    const method = options.ratelimit_method;
    if (method && method !== (this.ratelimiter?.method ?? "throw")) {
      throw new MastodonIllegalArgumentError(`ratelimit_method "${method}" needs a RateLimiter (mastodon-ts/ratelimit) as the ratelimiter option`);
    }
    const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetchImpl) throw new MastodonIllegalArgumentError("no fetch available: pass the `fetch` option");
    this.fetchImpl = fetchImpl;
    const viaFetch = fetchTransport(fetchImpl);
    this.transport = options.fetch ? viaFetch : defaultTransport(viaFetch);
    this.WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    this.server_version = options.mastodon_version || null;
  }

  /** Sends one request through the pipeline. The building block of every API method. */
  request<T>(spec: RequestSpec): Promise<T> {
    return send<T>(this, spec);
  }

  /**
   * Whether this class carries the Mastodon.py policies that MastodonClient leaves out to stay
   * small: version checks before each call (version_check_mode) and debug_requests. The
   * `Mastodon` facade does; MastodonClient refuses those options rather than ignore them.
   */
  protected offersMastodonPyPolicies(): boolean {
    return false;
  }
}
