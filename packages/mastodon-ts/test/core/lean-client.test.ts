/**
 * MastodonClient on its own (mastodon-ts/core): what it does without the facade's policies, and
 * how rate limiting is plugged in. The Mastodon facade's side is covered by ratelimit.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MastodonClient } from "../../src/core/client.ts";
import { MastodonIllegalArgumentError, MastodonRatelimitError } from "../../src/core/errors.ts";
import { RateLimiter } from "../../src/core/ratelimit.ts";
import { serverAtLeast } from "../../src/core/versions.ts";
import { timelineHome } from "../../src/api/timelines.ts";
import { Mastodon } from "../../src/index.ts";
import { startRateLimitedServer } from "../support/rate-limited-server.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const BASE = "http://127.0.0.1:9";
const HOUR = 3_600_000;

test("alone, MastodonClient sends at once and turns a 429 into MastodonRatelimitError, with the reset the answer gave", async () => {
  const server = await startRateLimitedServer(1, HOUR); // a window the test cannot straddle
  try {
    const client = new MastodonClient({ api_base_url: server.url, access_token: "tok" });
    assert.equal(client.ratelimiter, null);
    await timelineHome.call(client);
    const error = await timelineHome.call(client).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof MastodonRatelimitError);
    assert.equal(error.status, 429);
    assert.ok(error.reset instanceof Date && error.reset.getTime() > Date.now() - 1000, "reset read from X-RateLimit-Reset");
    assert.equal(server.requests.length, 2, "no retry without a limiter");
  } finally {
    await server.close();
  }
  // Some forks send the reset as epoch seconds.
  const epoch = await startRateLimitedServer(1, HOUR, { epochReset: true });
  try {
    const client = new MastodonClient({ api_base_url: epoch.url });
    await timelineHome.call(client);
    const error = await timelineHome.call(client).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof MastodonRatelimitError && error.reset instanceof Date && Math.abs(error.reset.getTime() - Date.now()) <= HOUR + 1000);
  } finally {
    await epoch.close();
  }
});

test("a RateLimiter plugged into MastodonClient holds calls to the budget the server reports", async () => {
  // A one-second window with room for one call: the second call meets a 429 and is retried after the reset.
  const server = await startRateLimitedServer(1, 1000);
  try {
    const limiter = new RateLimiter("wait");
    const client = new MastodonClient({ api_base_url: server.url, ratelimiter: limiter });
    await timelineHome.call(client);
    await timelineHome.call(client);
    assert.equal(limiter.limit, 1);
    assert.ok(server.maxInWindow() <= 1, `at most one call per window, saw ${server.maxInWindow()}`);
  } finally {
    await server.close();
  }
});

test("ratelimit_method must agree with the rate limiting MastodonClient has", () => {
  assert.throws(() => new MastodonClient({ api_base_url: BASE, ratelimit_method: "wait" }), (e: unknown) =>
    e instanceof MastodonIllegalArgumentError && /ratelimit_method "wait" needs a RateLimiter/.test(e.message));
  assert.throws(() => new MastodonClient({ api_base_url: BASE, ratelimit_method: "throw", ratelimiter: new RateLimiter("pace") }), MastodonIllegalArgumentError);
  assert.equal(new MastodonClient({ api_base_url: BASE, ratelimit_method: "throw" }).ratelimiter, null);
  assert.equal(new MastodonClient({ api_base_url: BASE, ratelimit_method: "pace", ratelimiter: new RateLimiter("pace") }).ratelimiter?.method, "pace");
});

test("RateLimiter checks its own mode and pace factor", () => {
  assert.throws(() => new RateLimiter("sometimes" as "wait"), /ratelimit_method must be one of throw, wait, pace/);
  assert.throws(() => new RateLimiter("pace", 0), /ratelimit_pacefactor must be a positive number/);
  assert.throws(() => new Mastodon({ api_base_url: BASE, ratelimit_method: "sometimes" as "wait" }), MastodonIllegalArgumentError);
});

test("version checks and debug logs are the facade's: MastodonClient refuses them instead of ignoring them", () => {
  for (const options of [{ version_check_mode: "created" as const }, { debug_requests: true }]) {
    assert.throws(() => new MastodonClient({ api_base_url: BASE, ...options }), (e: unknown) =>
      e instanceof MastodonIllegalArgumentError && /need the Mastodon class/.test(e.message));
    assert.ok(new Mastodon({ api_base_url: BASE, ...options }));
  }
  assert.throws(() => new Mastodon({ api_base_url: BASE, version_check_mode: "sometimes" as "none" }), /version_check_mode must be one of none, created, changed/);
});

test("request_timeout must be positive, on either class", () => {
  for (const Client of [MastodonClient, Mastodon]) {
    assert.throws(() => new Client({ api_base_url: BASE, request_timeout: 0 }), /request_timeout must be a positive number of seconds, got 0/);
  }
});

test("a MastodonClient chooses endpoints by the version it was given, and fetches it once when it must", async () => {
  const server = await startScriptedServer((req) => ({ body: req.path === "/api/v1/instance" ? { version: "3.4.1" } : {} }));
  try {
    const given = new MastodonClient({ api_base_url: server.url, mastodon_version: "4.2.0+glitch" });
    assert.equal(given.server_version, "4.2.0+glitch");
    assert.equal(await serverAtLeast(given, "4.0.0"), true);
    assert.equal(await serverAtLeast(given, "4.3.0"), false);
    // Not given and no version checks: the newest API is assumed, nothing is fetched.
    const unknown = new MastodonClient({ api_base_url: server.url });
    assert.equal(await serverAtLeast(unknown, "9.0.0"), true);
    assert.equal(server.requests.length, 0);
    // With checks on (the facade), the version is fetched once.
    const checked = new Mastodon({ api_base_url: server.url, version_check_mode: "created" });
    assert.equal(await serverAtLeast(checked, "3.5.0"), false);
    assert.equal(await serverAtLeast(checked, "3.4.0"), true);
    assert.equal(checked.mastodon_version, "3.4.1");
    assert.equal(server.requests.filter((r) => r.path === "/api/v1/instance").length, 1);
  } finally {
    await server.close();
  }
});
