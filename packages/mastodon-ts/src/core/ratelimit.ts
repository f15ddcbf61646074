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

/** What one response said about the limit, in the server's clock. */
export interface RatelimitReading {
  limit: number;
  remaining: number;
  /** Server epoch milliseconds at which the window resets. */
  reset: number;
}

/** A little margin after the reset, since the server's clock is only known to the second. */
const RESET_MARGIN_MS = 250;
/**
 * Mastodon computes each answer's reset from that request's own time, so answers of one window
 * disagree by up to a second; resets closer than this belong to the same window. Windows must be
 * longer than that (Mastodon's are five minutes).
 */
const SAME_WINDOW_MS = 1000;

/** Reads X-RateLimit-*: Reset is ISO 8601 on Mastodon and epoch seconds on some forks. */
export function readRatelimitHeaders(headers: Headers): RatelimitReading | null {
  const limit = Number(headers.get("x-ratelimit-limit"));
  const remaining = Number(headers.get("x-ratelimit-remaining"));
  const resetHeader = headers.get("x-ratelimit-reset");
  if (!headers.has("x-ratelimit-limit") || !Number.isFinite(limit) || !Number.isFinite(remaining) || !resetHeader) return null;
  const reset = /^\d+(\.\d+)?$/.test(resetHeader) ? Number(resetHeader) * 1000 : Date.parse(resetHeader);
  return Number.isNaN(reset) ? null : { limit, remaining, reset };
}

/** The server's clock from its Date header (whole seconds), or NaN. */
export function serverDate(headers: Headers): number {
  return Date.parse(headers.get("date") ?? "");
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

  /**
   * Our clock minus the server's. Each Date header gives an upper bound (it is truncated to the
   * second and stamped before the answer travelled), so the smallest difference seen is the best.
   */
  private skew: number | null = null;
  /** After a window rolled over locally, answers from the old window are stale. */
  private staleBefore = 0;
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
  settle(headers: Headers | null, limited = false): void {
    this.inFlight--;
    this.answered = true;
    const now = this.clock.now();
    if (headers) {
      const date = serverDate(headers);
      if (!Number.isNaN(date)) this.skew = Math.min(this.skew ?? Infinity, now - date);
    }
    const serverReading = headers ? readRatelimitHeaders(headers) : null;
    const reading = serverReading ? { ...serverReading, reset: serverReading.reset + (this.skew ?? 0) } : null;
    const retryAt = limited && headers ? readRetryAfter(headers, now) : null;
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
    if (reading.reset < this.staleBefore) return;
    const sameWindow = this.known && Math.abs(reading.reset - this.reset) < SAME_WINDOW_MS;
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
      this.staleBefore = this.reset + SAME_WINDOW_MS;
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
