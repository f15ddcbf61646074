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

export async function startRateLimitedServer(limit: number, windowMs: number, options: { epochReset?: boolean; skewMs?: number } = {}): Promise<RateLimitedServer> {
  const counts = new Map<number, number>();
  let rejected = 0;
  const server = await startScriptedServer(() => {
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const used = (counts.get(window) ?? 0) + 1;
    counts.set(window, used);
    const reset = (window + 1) * windowMs;
    const skew = options.skewMs ?? 0;
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - used)),
      "x-ratelimit-reset": options.epochReset ? String((reset + skew) / 1000) : new Date(reset + skew).toISOString(),
      date: new Date(now + skew).toUTCString(),
    };
    if (used > limit) {
      rejected++;
      return { status: 429, headers, body: { error: "Too many requests" } };
    }
    return { headers, body: { id: String(used), created_at: new Date(now).toISOString() } };
  });
  return {
    ...server,
    maxInWindow: () => Math.min(Math.max(0, ...counts.values()), Number.MAX_SAFE_INTEGER),
    rejected: () => rejected,
  };
}
