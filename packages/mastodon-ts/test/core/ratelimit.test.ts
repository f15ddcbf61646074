import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonRatelimitError } from "../../src/index.ts";
import { readRatelimitHeaders, readRetryAfter } from "../../src/core/ratelimit.ts";
import { startRateLimitedServer } from "../support/rate-limited-server.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const CALLS = 50;
const LIMIT = 20;
// Mastodon's windows are five minutes; anything much longer than a second behaves the same.
const WINDOW_MS = 2000;

for (const method of ["pace", "wait"] as const) {
  test(`${CALLS} concurrent calls in ${method} mode never exceed a limit of ${LIMIT} per window, and all succeed`, async () => {
    const server = await startRateLimitedServer(LIMIT, WINDOW_MS);
    try {
      const m = new Mastodon({ api_base_url: server.url, access_token: "t", ratelimit_method: method });
      const results = await Promise.all(Array.from({ length: CALLS }, () => m.status("1")));
      assert.equal(results.length, CALLS);
      assert.equal(server.rejected(), 0, "the server never had to answer 429");
      assert.ok(server.maxInWindow() <= LIMIT, `at most ${LIMIT} per window, saw ${server.maxInWindow()}`);
      console.log(`ratelimit ${method}: ${CALLS} calls in flight, limit ${LIMIT}/${WINDOW_MS} ms, most in one window ${server.maxInWindow()}, 429s ${server.rejected()}`);
      assert.equal(m.ratelimit_limit, LIMIT);
      assert.ok(m.ratelimit_reset * 1000 > Date.now() - 2 * WINDOW_MS);
    } finally {
      await server.close();
    }
  });
}

test("a stricter throttle on one route (media) holds only that route's calls", async () => {
  const server = await startRateLimitedServer(LIMIT, WINDOW_MS, { strict: { prefix: "/api/v1/statuses/9/favourited_by", limit: 2 } });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "t", ratelimit_method: "wait" });
    await m.statusFavouritedBy("9"); // teaches the client that this route has its own throttle
    const started = Date.now();
    const strict = Promise.all(Array.from({ length: 5 }, () => m.statusFavouritedBy("9")));
    const general = await Promise.all(Array.from({ length: 10 }, () => m.status("1")));
    const generalMs = Date.now() - started;
    await strict;
    assert.equal(general.length, 10);
    assert.equal(server.rejected(), 0);
    assert.ok(server.maxStrictInWindow() <= 2, `strict route: ${server.maxStrictInWindow()} in one window`);
    assert.ok(generalMs < WINDOW_MS, `general calls were not held behind the strict ones (${generalMs} ms)`);
    assert.equal(m.ratelimit_limit, LIMIT, "the client reports the general throttle");
  } finally {
    await server.close();
  }
});

test("wait mode retries a call that met a 429 after the reset", async () => {
  // Another client used the budget: the first answer this client sees is a 429.
  const server = await startRateLimitedServer(1, WINDOW_MS);
  try {
    await fetch(`${server.url}/warmup`); // spends the window's only request
    const m = new Mastodon({ api_base_url: server.url, ratelimit_method: "wait" });
    const status = await m.status("1");
    assert.equal(status.id, "1");
    assert.equal(server.rejected(), 1);
  } finally {
    await server.close();
  }
});

test("throw mode turns a 429 into MastodonRatelimitError with the reset time", async () => {
  const server = await startRateLimitedServer(1, 3_600_000); // a window the test cannot straddle
  try {
    const m = new Mastodon({ api_base_url: server.url, ratelimit_method: "throw" });
    await m.status("1");
    const error = await m.status("1").then(() => null, (e: unknown) => e);
    assert.ok(error instanceof MastodonRatelimitError);
    assert.equal(error.status, 429);
    assert.equal(error.error, "Too many requests");
    assert.ok(error.reset instanceof Date);
    assert.equal(m.ratelimit_remaining, 0);
  } finally {
    await server.close();
  }
});

test("X-RateLimit-Reset is read as ISO 8601 or epoch seconds; Retry-After as seconds or a date", () => {
  const now = Date.UTC(2026, 7, 1, 12, 0, 0);
  const iso = new Headers({ "x-ratelimit-limit": "300", "x-ratelimit-remaining": "299", "x-ratelimit-reset": "2026-08-01T12:05:00.239888Z" });
  assert.deepEqual(readRatelimitHeaders(iso), { limit: 300, remaining: 299, reset: Date.UTC(2026, 7, 1, 12, 5, 0, 239) });
  const epoch = new Headers({ "x-ratelimit-limit": "300", "x-ratelimit-remaining": "3", "x-ratelimit-reset": String(Date.UTC(2026, 7, 1, 12, 5) / 1000) });
  assert.equal(readRatelimitHeaders(epoch)?.reset, Date.UTC(2026, 7, 1, 12, 5));
  assert.equal(readRatelimitHeaders(new Headers()), null);
  assert.equal(readRetryAfter(new Headers({ "retry-after": "30" }), now), now + 30_000);
  assert.equal(readRetryAfter(new Headers({ "retry-after": new Date(now + 5000).toUTCString() }), now), now + 5000);
});

test("a server clock an hour ahead is corrected with its Date header", async () => {
  const server = await startRateLimitedServer(3, WINDOW_MS, { skewMs: 3_600_000, epochReset: true });
  try {
    const m = new Mastodon({ api_base_url: server.url, ratelimit_method: "wait" });
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => m.status("1")));
    assert.ok(Date.now() - started < 4 * WINDOW_MS, `took ${Date.now() - started} ms`);
    assert.equal(server.rejected(), 0);
    const resetInOurClock = m.ratelimit_reset * 1000 - Date.now();
    assert.ok(resetInOurClock > -WINDOW_MS && resetInOurClock < 2 * WINDOW_MS, `reset ${resetInOurClock} ms away`);
  } finally {
    await server.close();
  }
});

test("one window stays one window while the estimate of the server's clock improves", async () => {
  // The first Date header is 2.5 s stale, so the clock difference is first overestimated and then
  // corrected; the resets of the same window must still be seen as one window and count down.
  const server = await startRateLimitedServer(10, 3_600_000, { firstDateLagMs: 2500 });
  try {
    const m = new Mastodon({ api_base_url: server.url, ratelimit_method: "wait" });
    for (let i = 0; i < 5; i++) await m.status("1");
    assert.equal(m.ratelimit_remaining, 5);
  } finally {
    await server.close();
  }
});

test("a 429 without rate-limit headers waits for its Retry-After before the one retry", async () => {
  let calls = 0;
  const server = await startScriptedServer(() => (++calls === 1
    ? { status: 429, headers: { "retry-after": "1" }, body: { error: "Too many requests" } }
    : { body: { id: "1" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, ratelimit_method: "wait" });
    const started = Date.now();
    await m.status("1");
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started >= 900, `retried after ${Date.now() - started} ms`);
  } finally {
    await server.close();
  }
});
