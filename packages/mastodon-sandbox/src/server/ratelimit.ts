// Fixed-window rate limiting like Mastodon's Rack::Attack throttles (docs: api/rate-limits.md).
// Windows are aligned to the epoch, and X-RateLimit-Reset keeps the sub-second part of "now",
// exactly like the headers recorded from a real server (e.g. 2026-08-01T13:50:00.239888Z).
import type { RateLimitRule } from "../options.js";

export interface RateLimitCheck {
  rule: RateLimitRule;
  /** e.g. "api:token:abc" or "media:account:1" */
  key: string;
}

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number) {}

  /** Counts one request against every check; the headers describe the one closest to its limit. */
  hit(checks: RateLimitCheck[]): RateLimitVerdict {
    const now = this.now();
    let closest: { limit: number; remaining: number; reset: number } | undefined;
    let allowed = true;
    for (const { rule, key } of checks) {
      const secondsMs = Math.floor(now / 1000) * 1000;
      const start = secondsMs - (secondsMs % rule.windowMs);
      let window = this.windows.get(key);
      if (!window || window.start !== start) {
        window = { start, count: 0 };
        this.windows.set(key, window);
      }
      window.count += 1;
      if (window.count > rule.limit) allowed = false;
      const remaining = Math.max(0, rule.limit - window.count);
      const reset = now + (rule.windowMs - (secondsMs % rule.windowMs));
      if (!closest || remaining < closest.remaining) closest = { limit: rule.limit, remaining, reset };
    }
    if (!closest) return { allowed, headers: {} };
    return {
      allowed,
      headers: {
        "x-ratelimit-limit": String(closest.limit),
        "x-ratelimit-remaining": String(closest.remaining),
        "x-ratelimit-reset": isoMicroseconds(closest.reset),
      },
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** 2026-08-01T13:50:00.239000Z: Ruby's Time#iso8601(6). */
export function isoMicroseconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
