/**
 * A server that enforces a Mastodon-style fixed-window rate limit and remembers the most
 * requests it ever served in one window, to prove the client never pushes it past its limit.
 */
import { startScriptedServer, type ScriptedServer } from "./scripted-server.ts";

export interface RateLimitedServer extends ScriptedServer {
  /** Most requests counted in a single window. */
  maxInWindow(): number;
  /** How many requests were answered 429. */
  rejected(): number;
}

export interface RateLimitedOptions {
  epochReset?: boolean;
  skewMs?: number;
  /** A stricter throttle for paths starting with this prefix (like Mastodon's media throttle). */
  strict?: { prefix: string; limit: number };
  /** The first answer's Date header lags by this much (a server whose cached date is stale). */
  firstDateLagMs?: number;
}

export async function startRateLimitedServer(generalLimit: number, windowMs: number, options: RateLimitedOptions = {}): Promise<RateLimitedServer & { maxStrictInWindow(): number }> {
  const counts = new Map<number, number>();
  const strictCounts = new Map<number, number>();
  let rejected = 0;
  let answered = 0;
  const server = await startScriptedServer((req) => {
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const isStrict = options.strict !== undefined && req.path.startsWith(options.strict.prefix);
    const table = isStrict ? strictCounts : counts;
    const limit = isStrict && options.strict ? options.strict.limit : generalLimit;
    const used = (table.get(window) ?? 0) + 1;
    table.set(window, used);
    const reset = (window + 1) * windowMs;
    const skew = options.skewMs ?? 0;
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - used)),
      "x-ratelimit-reset": options.epochReset ? String((reset + skew) / 1000) : new Date(reset + skew).toISOString(),
      date: new Date(now + skew - (answered++ === 0 ? options.firstDateLagMs ?? 0 : 0)).toUTCString(),
    };
    if (used > limit) {
      rejected++;
      return { status: 429, headers, body: { error: "Too many requests" } };
    }
    return { headers, body: { id: String(used), created_at: new Date(now).toISOString() } };
  });
  return {
    ...server,
    maxInWindow: () => Math.max(0, ...counts.values()),
    maxStrictInWindow: () => Math.max(0, ...strictCounts.values()),
    rejected: () => rejected,
  };
}
