/** One throttle's budget, as the server reported it, with the calls in flight against it. */
import type { RatelimitReading } from "./limiter.js";

/** A little margin after the reset, since the server's clock is only known to the second. */
export const RESET_MARGIN_MS = 250;
/**
 * Mastodon computes each answer's reset from that request's own time, so answers of one window
 * disagree by up to a second; resets closer than this belong to the same window. Windows must be
 * longer than that (Mastodon's are five and thirty minutes).
 */
const SAME_WINDOW_MS = 1000;

export class Bucket {
  limit: number;
  remaining: number;
  /** Local epoch milliseconds at which the window resets. */
  reset = 0;
  inFlight = 0;
  lastcall = 0;
  /**
   * The reset in the server's clock, which tells windows apart. It is compared as the server
   * sent it: the estimate of the clocks' difference improves from answer to answer (by a second
   * or more), and must not make one window look like two.
   */
  private serverReset = 0;
  /** Our clock minus the server's, as last estimated. */
  private skew = 0;
  /** After a window rolled over locally, answers from the old window (server clock) are stale. */
  private staleBefore = 0;

  constructor(limit: number) {
    this.limit = limit;
    this.remaining = limit;
  }

  /**
   * Takes in one answer (its reset in the server's clock) and the current estimate of our clock
   * minus the server's. Answers arrive out of order: a later window replaces the state, the same
   * window only lowers `remaining`, an earlier one is stale.
   */
  record(reading: RatelimitReading, skew: number): void {
    this.skew = skew;
    if (reading.reset >= this.staleBefore) {
      const sameWindow = this.serverReset !== 0 && Math.abs(reading.reset - this.serverReset) < SAME_WINDOW_MS;
      if (this.serverReset === 0 || (!sameWindow && reading.reset > this.serverReset)) {
        this.remaining = reading.remaining;
        this.serverReset = reading.reset;
      } else if (sameWindow) {
        this.remaining = Math.min(this.remaining, reading.remaining);
      }
      this.limit = reading.limit;
    }
    if (this.serverReset !== 0) this.reset = this.serverReset + skew;
  }

  /** A 429: nothing is left until `until` (local epoch ms); `skew` is our clock minus the server's. */
  exhaust(until: number, skew: number): void {
    this.skew = skew;
    this.remaining = 0;
    this.reset = until;
    this.serverReset = until - skew;
  }

  /**
   * ms to wait before the next call may go, 0 for now, or null to wait for an answer.
   * `pacefactor` is set in pace mode: the budget is then spread over the rest of the window.
   */
  delayBeforeNext(now: number, pacefactor: number | null): number | null {
    if (this.reset !== 0 && now >= this.reset + RESET_MARGIN_MS && this.remaining < this.limit) {
      // The window rolled over: the server grants a fresh budget; the next answer will confirm.
      this.remaining = this.limit;
      this.staleBefore = this.serverReset + SAME_WINDOW_MS;
    }
    const budget = this.remaining - this.inFlight;
    if (budget <= 0) {
      if (now < this.reset + RESET_MARGIN_MS) return this.reset + RESET_MARGIN_MS - now;
      return this.inFlight > 0 ? null : 0;
    }
    if (pacefactor !== null && now < this.reset) {
      // Spread the budget evenly over what is left of the window, as Mastodon.py does.
      const interval = (this.reset - now) / budget;
      const wait = (interval - (now - this.lastcall)) / pacefactor;
      if (wait > 1) return wait;
    }
    return 0;
  }
}
