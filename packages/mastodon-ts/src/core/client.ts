/**
 * The client core: credentials, settings, rate-limit and version state, and `request`.
 * API methods (src/api/) are functions over this class; the `Mastodon` facade puts them all
 * on one object, and a bundle that imports a few of them carries only those.
 */
import { MastodonIllegalArgumentError, MastodonVersionError } from "./errors.js";
import { HeaderLimiter, systemClock, type Clock, type Limiter } from "./limiter.js";
import {
  checkOptions, DEFAULT_TIMEOUT_SECONDS, DEFAULT_USER_AGENT, normalizeBaseUrl,
  type FetchLike, type MastodonOptions,
} from "./options.js";
import { send, type RequestSpec } from "./request.js";
import type { Transport as StreamTransport } from "../streaming/transport.js";
import { fetchTransport, type Transport } from "./transport.js";
// Bundlers for browsers take ../platform/web.js instead (package.json "browser").
import { credentialsFromFiles, defaultTransport } from "../platform/node.js";
import { formatVersion, parseVersion, versionAtLeast, type Version, type VersionCheckMode } from "./versions.js";

export class MastodonClient {
  api_base_url: string;
  client_id: string | null;
  client_secret: string | null;
  access_token: string | null;
  /** The client name read from an app credential file, if any. */
  client_name: string | null = null;
  request_timeout: number;
  user_agent: string;
  lang: string | null;
  feature_set: string;
  version_check_mode: VersionCheckMode;
  readonly ratelimiter: Limiter;
  readonly clock: Clock;
  readonly fetchImpl: FetchLike;
  /** How requests travel: node:http with keep-alive on Node, else fetch (or the `fetch` given). */
  readonly transport: Transport;
  readonly WebSocketImpl: unknown;
  /** Memoised lookups (OAuth server info, ...), per client; `clearCaches()` empties it. */
  readonly cache = new Map<string, Promise<unknown>>();
  /** Transports shared by this client's streams (one WebSocket per client); keyed by kind. */
  readonly sharedStreams = new Map<string, StreamTransport>();
  /** The refresh token and expiry from the last `logIn`, when the server gave them. */
  refresh_token: string | null = null;
  access_token_expires_at: Date | null = null;
  /** The PKCE verifier made by `authRequestUrl({ pkce: true })`, used by the next `logIn({ code })`. */
  code_verifier: string | null = null;
  private readonly debugLog: ((line: string) => void) | null;
  private serverVersion: Version | null = null;
  private versionText: string | null = null;
  private versionLookup: Promise<Version | null> | null = null;

  constructor(options: MastodonOptions = {}) {
    checkOptions(options);
    // Mastodon.py reads credentials from files when these name existing files (Node only).
    const credentials = credentialsFromFiles({
      api_base_url: options.api_base_url ?? null, client_id: options.client_id ?? null,
      client_secret: options.client_secret ?? null, access_token: options.access_token ?? null,
    });
    if (!credentials.api_base_url) {
      throw new MastodonIllegalArgumentError("api_base_url is required (or a credential file that contains it)");
    }
    this.api_base_url = normalizeBaseUrl(credentials.api_base_url);
    this.client_id = credentials.client_id;
    this.client_secret = credentials.client_secret;
    this.access_token = credentials.access_token;
    this.client_name = credentials.client_name;
    this.request_timeout = options.request_timeout ?? DEFAULT_TIMEOUT_SECONDS;
    this.user_agent = options.user_agent ?? DEFAULT_USER_AGENT;
    this.lang = options.lang ?? null;
    this.feature_set = options.feature_set ?? "mainline";
    this.version_check_mode = options.version_check_mode ?? "none";
    this.clock = options.clock ?? systemClock;
    this.ratelimiter = options.ratelimiter ?? new HeaderLimiter(this.clock);
    const method = options.ratelimit_method;
    if (method && method !== this.ratelimiter.method) {
      throw new MastodonIllegalArgumentError(options.ratelimiter
        ? `ratelimit_method is ${JSON.stringify(method)} but the ratelimiter given works in ${JSON.stringify(this.ratelimiter.method)} mode`
        : `ratelimit_method ${JSON.stringify(method)} needs a RateLimiter: pass ratelimiter: new RateLimiter(${JSON.stringify(method)}) (from mastodon-ts/ratelimit), or use Mastodon`);
    }
    const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetchImpl) throw new MastodonIllegalArgumentError("no fetch available: pass the `fetch` option");
    this.fetchImpl = fetchImpl;
    const viaFetch = fetchTransport(fetchImpl);
    this.transport = options.fetch ? viaFetch : defaultTransport(viaFetch);
    this.WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    const debug = options.debug_requests;
    this.debugLog = typeof debug === "function" ? debug : debug ? (line) => console.log(`[mastodon-ts] ${line}`) : null;
    if (options.mastodon_version) this.setServerVersion(options.mastodon_version);
  }

  /** Sends one request through the pipeline. The building block of every API method. */
  request<T>(spec: RequestSpec): Promise<T> {
    return send<T>(this, spec);
  }

  /** Memoises `load()` under `key` for this client; a failure is not remembered. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.cache.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = load();
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  /** @internal Writes one debug line when debug_requests is on. */
  debug(line: string): void {
    this.debugLog?.(line);
  }

  // Mastodon.py's rate-limit state, in its units (counts; epoch seconds).
  get ratelimit_method(): string { return this.ratelimiter.method; }
  get ratelimit_pacefactor(): number { return this.ratelimiter.pacefactor; }
  get ratelimit_limit(): number { return this.ratelimiter.limit; }
  get ratelimit_remaining(): number { return this.ratelimiter.remaining; }
  get ratelimit_reset(): number { return this.ratelimiter.reset / 1000; }
  get ratelimit_lastcall(): number { return this.ratelimiter.lastcall / 1000; }

  /** The server's version as "x.y.z", once known (given, or fetched for a version check). */
  get mastodon_version(): string | null {
    return this.serverVersion ? formatVersion(this.serverVersion) : null;
  }

  /** @internal Stores a version string; an unparsable one leaves the version unknown. */
  setServerVersion(text: string): void {
    this.versionText = text;
    this.serverVersion = parseVersion(text);
  }

  /** Fetches the server's version from the instance endpoint (also when already known). */
  async retrieveMastodonVersion(): Promise<string | null> {
    const instance = await this.request<{ version?: string }>({ method: "GET", path: "/api/v1/instance", raw: true });
    this.setServerVersion(typeof instance.version === "string" ? instance.version : "");
    return this.mastodon_version;
  }

  /** The server version, fetched once and only when first needed. */
  private async knownVersion(): Promise<Version | null> {
    if (this.serverVersion || this.versionText !== null) return this.serverVersion;
    this.versionLookup ??= this.retrieveMastodonVersion().then(() => this.serverVersion, (error: unknown) => {
      this.versionLookup = null;
      throw error;
    });
    return this.versionLookup;
  }

  /** @internal Throws MastodonVersionError when a method needs a newer server than this one. */
  async checkVersion(created: string, changed?: string): Promise<void> {
    if (this.version_check_mode === "none") return;
    const required = this.version_check_mode === "changed" && changed ? changed : created;
    const version = await this.knownVersion();
    if (version && !versionAtLeast(version, required)) {
      throw new MastodonVersionError(`Version check failed (need Mastodon ${required} or newer, the instance runs ${formatVersion(version)})`);
    }
  }

  /**
   * Whether the server is at least `version`, to choose between old and new endpoints.
   * With no version given and version checks off, the newest API is assumed (as Mastodon.py does),
   * and an unknown or unparsable version counts as new enough.
   */
  async serverAtLeast(version: string): Promise<boolean> {
    if (!this.serverVersion && this.versionText === null && this.version_check_mode === "none") return true;
    const known = await this.knownVersion();
    return known === null || versionAtLeast(known, version);
  }
}
