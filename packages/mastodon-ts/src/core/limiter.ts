/**
 * What the request pipeline asks of rate limiting.
 *
 * On its own, MastodonClient limits nothing: every call goes at once and a 429 becomes
 * MastodonRatelimitError, which is Mastodon.py's "throw" mode without any limiter code in the
 * bundle. Tracking the budget, waiting and pacing are RateLimiter's job (ratelimit.ts): the
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


/** An X-RateLimit-Reset value as epoch milliseconds: ISO 8601 (Mastodon) or epoch seconds (some forks); NaN otherwise. */
export function parseReset(text: string): number {
  return Number(text) ? Number(text) * 1000 : Date.parse(text);
}

/** Reads X-RateLimit-*: Reset is ISO 8601 on Mastodon and epoch seconds on some forks. */
export function readRatelimitHeaders(headers: ResponseHeaders): RatelimitReading | null {
  const limit = headers.get("x-ratelimit-limit");
  const reset = headers.get("x-ratelimit-reset");
  if (limit === null || !reset) return null;
  const reading = {
    limit: Number(limit),
    remaining: Number(headers.get("x-ratelimit-remaining")),
    reset: parseReset(reset),
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

/**
 * Rate limiting as the pipeline uses it: a slot before each call, the answer's headers after.
 * The ticket is the limiter's own record of one call, handed back as it was given.
 */
export interface Limiter<Ticket = unknown> {
  readonly method: RatelimitMethod;
  readonly pacefactor: number;
  /** Mastodon.py's state of the general throttle; `reset` and `lastcall` in local epoch ms. */
  readonly limit: number;
  readonly remaining: number;
  readonly reset: number;
  readonly lastcall: number;
  /** Resolves when the call may go, to its ticket, for `settle` (exactly once). */
  acquire(call: LimitedCall): Promise<Ticket>;
  /** Ends a call: its ticket, and the answer's headers (null when no answer came). */
  settle(ticket: Ticket, headers: ResponseHeaders | null, limited?: boolean): void;
  /** Resolves when a call that got a 429 (its ticket just settled) may be retried; not called in "throw" mode. */
  afterLimited(ticket: Ticket): Promise<void>;
}
