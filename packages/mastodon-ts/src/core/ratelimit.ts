/**
 * Rate limiting, per client instance, safe with many calls in flight.
 *
 * Modes (Mastodon.py's): "throw" never waits and turns a 429 into MastodonRatelimitError;
 * "wait" holds calls while the known budget is spent and retries a 429 after the reset;
 * "pace" also spreads calls over the window so that only 1/pacefactor of the rate is used.
 *
 * Unlike Mastodon.py, the budget counts calls in flight: a call may start only while
 * (remaining reported by the server) − (calls in flight) > 0, so N concurrent calls can never
 * push the server past its limit. Until the first answer tells the limit, one call goes out alone.
 */

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

/** What one response said about the limit, already in the local clock. */
export interface RatelimitReading {
  limit: number;
  remaining: number;
  /** Local epoch milliseconds at which the window resets. */
  reset: number;
}

/** A little margin after the reset, since the server's clock is only known to the second. */
const RESET_MARGIN_MS = 250;

/**
 * Reads X-RateLimit-* (and Retry-After) from a response. Reset is ISO 8601 on Mastodon and
 * epoch seconds on some forks; it is moved from the server's clock to ours with the Date header.
 */
export function readRatelimitHeaders(headers: Headers, localNow: number): RatelimitReading | null {
  const limit = Number(headers.get("x-ratelimit-limit"));
  const remaining = Number(headers.get("x-ratelimit-remaining"));
  const resetHeader = headers.get("x-ratelimit-reset");
  if (!headers.has("x-ratelimit-limit") || !Number.isFinite(limit) || !Number.isFinite(remaining) || !resetHeader) return null;
  const serverReset = /^\d+(\.\d+)?$/.test(resetHeader) ? Number(resetHeader) * 1000 : Date.parse(resetHeader);
  if (Number.isNaN(serverReset)) return null;
  const serverDate = Date.parse(headers.get("date") ?? "");
  const skew = Number.isNaN(serverDate) ? 0 : localNow - serverDate;
  return { limit, remaining, reset: serverReset + skew };
}

/** Retry-After in seconds or as an HTTP date, as local epoch milliseconds; null when absent. */
export function readRetryAfter(headers: Headers, localNow: number): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return localNow + Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

export class RateLimiter {
  /** Mastodon.py's public state, in its units: counts, and epoch seconds. */
  limit = 300;
  remaining = 300;
  /** Epoch milliseconds, local clock. */
  reset = 0;
  lastcall = 0;

  private known = false;
  private answered = false;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private timer: unknown = null;
  private timerAt = 0;

  constructor(
    readonly method: RatelimitMethod,
    readonly pacefactor: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when a call may be sent. Every acquire must be followed by one `settle`. */
  acquire(): Promise<void> {
    if (this.method === "throw") {
      this.inFlight++;
      this.lastcall = this.clock.now();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Records the end of a call, with what the server said about the limit (if anything). */
  settle(reading: RatelimitReading | null, retryAt: number | null = null, limited = false): void {
    this.inFlight--;
    this.answered = true;
    if (reading) this.record(reading);
    if (limited) {
      this.remaining = 0;
      const until = Math.max(retryAt ?? 0, reading?.reset ?? 0);
      this.reset = until > this.clock.now() ? until : this.clock.now() + 1000;
      this.known = true;
    }
    this.pump();
  }

  /** The moment (local ms) after which a limited call may be retried. */
  retryTime(): number {
    return Math.max(this.reset + RESET_MARGIN_MS, this.clock.now());
  }

  private record(reading: RatelimitReading): void {
    // Answers can arrive out of order: a later window replaces the state, the same window only
    // lowers `remaining`, an earlier window is stale.
    const sameWindow = this.known && Math.abs(reading.reset - this.reset) < 1000;
    if (!this.known || (!sameWindow && reading.reset > this.reset)) {
      this.limit = reading.limit;
      this.remaining = reading.remaining;
      this.reset = reading.reset;
      this.known = true;
    } else if (sameWindow) {
      this.remaining = Math.min(this.remaining, reading.remaining);
      this.limit = reading.limit;
    }
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const delay = this.delayBeforeNext();
      if (delay === null) return; // an answer in flight will call pump again
      if (delay > 0) {
        this.wakeAfter(delay);
        return;
      }
      const next = this.waiting.shift() as () => void;
      this.inFlight++;
      this.lastcall = this.clock.now();
      next();
    }
    this.cancelTimer();
  }

  /** ms to wait before the next call may go, 0 for now, or null to wait for an answer. */
  private delayBeforeNext(): number | null {
    const now = this.clock.now();
    if (!this.answered) return this.inFlight === 0 ? 0 : null;
    if (!this.known) return 0; // the server sends no rate-limit headers
    if (now >= this.reset + RESET_MARGIN_MS && this.remaining < this.limit) {
      // The window rolled over: the server grants a fresh budget; the next answer will confirm.
      this.remaining = this.limit;
    }
    const budget = this.remaining - this.inFlight;
    if (budget <= 0) {
      if (now < this.reset + RESET_MARGIN_MS) return this.reset + RESET_MARGIN_MS - now;
      return this.inFlight > 0 ? null : 0;
    }
    if (this.method === "pace" && now < this.reset) {
      // Spread the budget evenly over what is left of the window, as Mastodon.py does.
      const interval = (this.reset - now) / budget;
      const wait = (interval - (now - this.lastcall)) / this.pacefactor;
      if (wait > 1) return wait;
    }
    return 0;
  }

  private wakeAfter(ms: number): void {
    const at = this.clock.now() + ms;
    if (this.timer !== null && this.timerAt <= at) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
