/**
 * What the request pipeline asks of rate limiting, and the smallest way to answer it.
 *
 * On its own, MastodonClient reads the X-RateLimit-* headers (Mastodon.py's ratelimit_* state)
 * and turns a 429 into MastodonRatelimitError: Mastodon.py's "throw" mode, with no waiting code
 * in the bundle. Waiting and pacing ("wait", "pace") are RateLimiter's job (ratelimit.ts): the
 * `Mastodon` facade always has one, and a small app passes one as MastodonClient's `ratelimiter`.
 * https://docs.joinmastodon.org/api/rate-limits/
 */
import type { ResponseHeaders } from "./transport.js";

export type RatelimitMethod = "throw" | "wait" | "pace";

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What one response said about the limit, in the server's clock. */
export interface RatelimitReading {
  limit: number;
  remaining: number;
  /** Server epoch milliseconds at which the window resets. */
  reset: number;
}


/** Reads X-RateLimit-*: Reset is ISO 8601 on Mastodon and epoch seconds on some forks. */
export function readRatelimitHeaders(headers: ResponseHeaders): RatelimitReading | null {
  const limit = headers.get("x-ratelimit-limit");
  const reset = headers.get("x-ratelimit-reset");
  if (limit === null || !reset) return null;
  const reading = {
    limit: Number(limit),
    remaining: Number(headers.get("x-ratelimit-remaining")),
    reset: /^\d+(\.\d+)?$/.test(reset) ? Number(reset) * 1000 : Date.parse(reset),
  };
  return Object.values(reading).every(Number.isFinite) ? reading : null;
}

/** The server's clock from its Date header (whole seconds), or NaN. */
export function serverDate(headers: ResponseHeaders): number {
  return Date.parse(headers.get("date") ?? "");
}

/** What a limiter knows of a call: its verb and path (or URL). */
export interface LimitedCall {
  readonly method: string;
  readonly path: string;
}

/** Rate limiting as the pipeline uses it: a slot before each call, the answer's headers after. */
export interface Limiter {
  readonly method: RatelimitMethod;
  readonly pacefactor: number;
  /** Mastodon.py's state of the general throttle; `reset` and `lastcall` in local epoch ms. */
  readonly limit: number;
  readonly remaining: number;
  readonly reset: number;
  readonly lastcall: number;
  /** Resolves when the call may go, to a ticket for `settle`. */
  acquire(call: LimitedCall): Promise<unknown>;
  /** Ends a call: its ticket, and the answer's headers (null when no answer came). */
  settle(ticket: unknown, call: LimitedCall, headers: ResponseHeaders | null, limited?: boolean): void;
  /** When a call that got a 429 may be retried (local epoch ms); used unless "throw". */
  retryTime(call: LimitedCall): number;
}

/**
 * "throw" mode without waiting machinery: every call goes at once, and the figures of the general
 * throttle are kept for ratelimit_remaining and friends. Mastodon's stricter throttles (media
 * uploads, deletions: 30 per 30 min) report a smaller limit; the general one has the largest.
 */
export class HeaderLimiter implements Limiter {
  readonly method = "throw";
  readonly pacefactor = 1.1;
  limit = 300;
  remaining = 300;
  reset = 0;
  lastcall = 0;
  private seen = false;

  constructor(private readonly clock: Clock = systemClock) {}

  acquire(): Promise<null> {
    this.lastcall = this.clock.now();
    return Promise.resolve(null);
  }

  settle(_ticket: unknown, _call: LimitedCall, headers: ResponseHeaders | null): void {
    const reading = headers && readRatelimitHeaders(headers);
    if (!headers || !reading || (this.seen && reading.limit < this.limit)) return;
    this.seen = true;
    this.limit = reading.limit;
    this.remaining = reading.remaining;
    // The reset is in the server's clock; its Date header tells how far ours is off.
    const skew = this.clock.now() - serverDate(headers);
    this.reset = reading.reset + (Number.isNaN(skew) ? 0 : skew);
  }

  retryTime(): number {
    return this.reset;
  }
}
