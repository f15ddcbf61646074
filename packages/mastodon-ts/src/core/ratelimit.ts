/**
 * Rate limiting that waits, per client instance, safe with many calls in flight. The `Mastodon`
 * facade uses it; a small app on MastodonClient passes one as its `ratelimiter` option
 * (`import { RateLimiter } from "mastodon-ts/ratelimit"`), or does without (limiter.ts).
 *
 * Modes (Mastodon.py's): "throw" never waits and turns a 429 into MastodonRatelimitError;
 * "wait" holds calls while the known budget is spent and retries a 429 after the reset;
 * "pace" also spreads calls over the window so that only 1/pacefactor of the rate is used.
 *
 * Unlike Mastodon.py, the budget counts calls in flight: a call may start only while
 * (remaining reported by the server) − (calls in flight) > 0, so N concurrent calls can never
 * push the server past its limit. Until the first answer tells the limit, one call goes out alone.
 *
 * Mastodon has several throttles (all API calls: 300 per 5 min; media uploads and deletions:
 * 30 per 30 min) and reports, for each answer, the most constrained one that applied. So the
 * limiter keeps one budget per throttle (told apart by their limits) and learns which routes
 * fall under which. A route it has not seen yet sends one call alone to learn its throttle,
 * held only by the general budget (the largest one that several routes share), never by a
 * route-specific one: an exhausted media budget must not hold every other call.
 * https://docs.joinmastodon.org/api/rate-limits/
 */

import { Bucket, RESET_MARGIN_MS } from "./ratelimit-bucket.js";
import { MastodonIllegalArgumentError } from "./errors.js";
import { checkOneOf } from "../internal/params.js";
import { readRatelimitHeaders, serverDate, systemClock, type Clock, type LimitedCall, type Limiter, type RatelimitMethod } from "./limiter.js";
import type { ResponseHeaders } from "./transport.js";

export { readRatelimitHeaders, systemClock, type Clock, type RatelimitMethod, type RatelimitReading } from "./limiter.js";

/** Retry-After in seconds or as an HTTP date, as local epoch milliseconds; null when absent. */
export function readRetryAfter(headers: ResponseHeaders, localNow: number): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return localNow + Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

/** "POST /api/v1/statuses/:id/favourite": the route a call counts against (throttles are learnt per route). */
export function routeOf(call: LimitedCall): string {
  const pathOnly = call.path.replace(/^https?:\/\/[^/]+/i, "").split("?")[0] ?? "";
  return `${call.method} ${pathOnly.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
}

/** One call's passage through the limiter: its route, the throttle it counts against, and (after a 429) the one to wait for. */
interface Ticket {
  readonly route: string;
  readonly bucket: Bucket | null;
  retryOn: Bucket | null;
}

export class RateLimiter implements Limiter<Ticket> {
  /** The general throttle, whose state Mastodon.py's ratelimit_* attributes show. */
  private general: Bucket | null = null;
  private readonly buckets = new Map<number, Bucket>();
  /** Which throttle (by limit) each route was last answered under. */
  private readonly routes = new Map<string, number>();
  /**
   * Our clock minus the server's. Each Date header gives an upper bound (it is truncated to the
   * second and stamped before the answer travelled), so the smallest difference seen is the best.
   */
  private skew: number | null = null;
  /** Routes whose first call is out, to learn their throttle. */
  private readonly probing = new Set<string>();
  /** The routes each throttle (by limit) has answered for. */
  private readonly routesOf = new Map<number, Set<string>>();
  /** Known to send no rate-limit headers at all. */
  private unlimited = false;
  private answered = false;
  private readonly waiting: Array<{ route: string; go: (ticket: Ticket) => void }> = [];
  private timer: unknown = null;
  private timerAt = 0;
  lastcall = 0;

  /** `pacefactor` only matters in "pace" mode (Mastodon.py's default, 1.1, uses 1/1.1 of the rate). */
  constructor(
    readonly method: RatelimitMethod = "wait",
    readonly pacefactor = 1.1,
    private readonly clock: Clock = systemClock,
  ) {
    checkOneOf("ratelimit_method", method, ["throw", "wait", "pace"]);
    if (!(pacefactor > 0)) throw new MastodonIllegalArgumentError(`ratelimit_pacefactor must be a positive number, got ${String(pacefactor)}`);
  }

  // Mastodon.py's public state (of the general throttle), in ms here; the client converts.
  get limit(): number { return this.general?.limit ?? 300; }
  get remaining(): number { return this.general?.remaining ?? 300; }
  get reset(): number { return this.general?.reset ?? 0; }

  /**
   * Resolves when a call may be sent, to a ticket that must be
   * handed back to `settle` exactly once.
   */
  acquire(call: LimitedCall): Promise<Ticket> {
    const route = routeOf(call);
    if (this.method === "throw") {
      this.lastcall = this.clock.now();
      return Promise.resolve(this.take(route, this.bucketFor(route)));
    }
    return new Promise((go) => {
      this.waiting.push({ route, go });
      this.pump();
    });
  }

  /** Records the end of a call, with what the server said about the limit (if anything). */
  settle(ticket: Ticket, headers: ResponseHeaders | null, limited = false): void {
    const { route } = ticket;
    if (ticket.bucket) ticket.bucket.inFlight--;
    this.probing.delete(route);
    const now = this.clock.now();
    if (headers) {
      const date = serverDate(headers);
      if (!Number.isNaN(date)) this.skew = Math.min(this.skew ?? Infinity, now - date);
    }
    const reading = headers ? readRatelimitHeaders(headers) : null;
    if (headers && !this.answered) this.unlimited = reading === null && !limited;
    this.answered ||= headers !== null;
    let bucket = ticket.bucket;
    if (reading) {
      bucket = this.buckets.get(reading.limit) ?? this.newBucket(reading.limit);
      this.routes.set(route, reading.limit);
      bucket.record(reading, this.skew ?? 0);
      const routes = this.routesOf.get(reading.limit) ?? new Set<string>();
      routes.add(route);
      this.routesOf.set(reading.limit, routes);
      this.general = this.chooseGeneral();
      this.unlimited = false;
    }
    if (limited) {
      bucket ??= this.general ?? this.newBucket(300);
      this.general ??= bucket;
      const retryAt = headers ? readRetryAfter(headers, now) : null;
      const until = Math.max(retryAt ?? 0, bucket.reset);
      bucket.exhaust(until > now ? until : now + 1000, this.skew ?? 0);
      // The retry waits for this throttle, even on a route not learnt yet (no rate-limit headers).
      ticket.retryOn = bucket;
      this.unlimited = false;
    }
    this.pump();
  }

  /** Resolves after the reset of the call's throttle (a 429 on it has just been settled). */
  afterLimited(ticket: Ticket): Promise<void> {
    const bucket = ticket.retryOn ?? this.bucketFor(ticket.route);
    const ms = Math.max(0, (bucket?.reset ?? 0) + RESET_MARGIN_MS - this.clock.now());
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
  }

  private newBucket(limit: number): Bucket {
    const bucket = new Bucket(limit);
    this.buckets.set(limit, bucket);
    return bucket;
  }

  /** The general throttle: the largest of those several routes share, else the largest. */
  private chooseGeneral(): Bucket | null {
    const shared = [...this.buckets.values()].filter((bucket) => (this.routesOf.get(bucket.limit)?.size ?? 0) > 1);
    const candidates = shared.length > 0 ? shared : [...this.buckets.values()];
    return candidates.reduce<Bucket | null>((best, bucket) => (!best || bucket.limit > best.limit ? bucket : best), null);
  }

  /** The throttle a route was answered under; for a new route, the general one if it is shared. */
  private bucketFor(route: string): Bucket | null {
    const limit = this.routes.get(route);
    if (limit !== undefined) return this.buckets.get(limit) ?? null;
    const general = this.general;
    return general && (this.routesOf.get(general.limit)?.size ?? 0) > 1 ? general : null;
  }

  private take(route: string, bucket: Bucket | null): Ticket {
    if (!this.routes.has(route)) this.probing.add(route);
    if (bucket) {
      bucket.inFlight++;
      bucket.lastcall = this.clock.now();
    }
    return { route, bucket, retryOn: null };
  }

  private pump(): void {
    let soonest = Infinity;
    for (let i = 0; i < this.waiting.length; ) {
      const entry = this.waiting[i] as { route: string; go: (ticket: Ticket) => void };
      const bucket = this.bucketFor(entry.route);
      const delay = this.delayFor(entry.route, bucket);
      if (delay === 0) {
        this.waiting.splice(i, 1);
        this.lastcall = this.clock.now();
        entry.go(this.take(entry.route, bucket));
        continue;
      }
      if (delay !== null) soonest = Math.min(soonest, delay);
      // Calls on one throttle keep their order; calls on another may pass them.
      i++;
    }
    if (this.waiting.length === 0) this.cancelTimer();
    else if (soonest !== Infinity) this.wakeAfter(soonest);
  }

  private delayFor(route: string, bucket: Bucket | null): number | null {
    if (this.unlimited) return 0; // a server without rate-limit headers is not held back
    // A route not answered yet: one call goes out alone and its answer tells the throttle.
    if (!this.routes.has(route) && this.probing.has(route)) return null;
    // Before any answer at all, one call in total goes first.
    if (!this.answered && this.probing.size > 0) return null;
    if (!bucket) return 0;
    return bucket.delayBeforeNext(this.clock.now(), this.method === "pace" ? this.pacefactor : null);
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
