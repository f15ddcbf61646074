// The sandbox's shared state: options, store, streaming hub, timers, faults and rate limiter.
// One Core per sandbox; nothing lives at module level.
import { FaultController } from "./faults/rules.js";
import type { ResolvedOptions } from "./options.js";
import { RateLimiter } from "./server/ratelimit.js";
import { Store } from "./state/store.js";
import { Timers } from "./state/timers.js";
import { StreamHub } from "./streaming/hub.js";

export class Core {
  readonly store: Store;
  readonly hub = new StreamHub();
  readonly timers = new Timers();
  readonly faults: FaultController;
  readonly rateLimiter: RateLimiter;
  private publicUrl: string;

  constructor(readonly options: ResolvedOptions) {
    this.store = new Store(options.now);
    this.faults = new FaultController(options.faults);
    this.rateLimiter = new RateLimiter(options.now);
    this.publicUrl = options.baseUrl ?? `http://localhost`;
  }

  now(): number {
    return this.options.now();
  }

  baseUrl(): string {
    return this.publicUrl;
  }

  /** host[:port] as Mastodon shows it in `domain`, `uri` and acct lookups. */
  domain(): string {
    return new URL(this.publicUrl).host;
  }

  /** Mastodon advertises ws(s):// here; the sandbox serves streaming on its own port. */
  streamingUrl(): string {
    return this.publicUrl.replace(/^http/, "ws");
  }

  setBaseUrl(url: string): void {
    if (!this.options.baseUrl) this.publicUrl = url.replace(/\/$/, "");
  }
}
