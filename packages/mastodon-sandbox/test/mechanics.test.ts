// Server mechanics over real sockets: start/close, ids, Link pagination, rate limits, errors.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createSandboxHandler, startSandbox } from "../src/index.ts";
import { arr, call, obj, str, useSandbox, user } from "./helpers.ts";

describe("startSandbox", () => {
  test("resolves to url, port, close() and seeded accounts with working tokens", async () => {
    const sandbox = await startSandbox();
    try {
      assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(sandbox.port > 0);
      assert.deepEqual(sandbox.accounts.map((a) => a.username), ["admin", "alice", "bob"]);
      assert.equal(user(sandbox, "bob").locked, true);
      const me = await call(sandbox.url, "GET", "/api/v1/accounts/verify_credentials", { token: user(sandbox, "alice").access_token });
      assert.equal(me.status, 200);
      assert.equal(obj(me.body)["username"], "alice");
      assert.ok(me.headers.get("date"), "Date header");
    } finally {
      await sandbox.close();
    }
    await assert.rejects(fetch(sandbox.url + "/api/v1/instance"));
  });

  test("the handler can be called in-process without a socket", async () => {
    const handler = createSandboxHandler({ version: "4.5.1" });
    try {
      const response = await handler.fetch(new Request("http://localhost/api/v2/instance"));
      assert.equal(response.status, 200);
      assert.equal(obj(await response.json())["version"], "4.5.1");
    } finally {
      handler.dispose();
    }
  });

  test("custom users and version", async () => {
    const sandbox = await startSandbox({ users: [{ username: "carol", locked: true }], version: "4.4.0" });
    try {
      assert.deepEqual(sandbox.accounts.map((a) => a.username), ["carol"]);
      const instance = await call(sandbox.url, "GET", "/api/v2/instance");
      const body = obj(instance.body);
      assert.equal(body["version"], "4.4.0");
      const configuration = obj(body["configuration"]);
      assert.equal(obj(configuration["urls"])["streaming"], sandbox.url.replace("http", "ws"));
      assert.equal(obj(configuration["statuses"])["max_characters"], 500);
      assert.equal(obj(configuration["statuses"])["max_media_attachments"], 4);
    } finally {
      await sandbox.close();
    }
  });
});

describe("ids and pagination", () => {
  const sandbox = useSandbox({ rateLimit: false });

  test("snowflake ids increase and Link headers page like Mastodon", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const posted = await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: `page test ${i}` } });
      assert.equal(posted.status, 200);
      ids.push(str(obj(posted.body)["id"]));
    }
    for (let i = 1; i < ids.length; i++) assert.ok(BigInt(ids[i] ?? "0") > BigInt(ids[i - 1] ?? "0"));
    assert.ok(BigInt(ids[0] ?? "0") >> 16n > 1_600_000_000_000n, "milliseconds in the high bits");

    const aliceId = user(s, "alice").id;
    const first = await call(s.url, "GET", `/api/v1/accounts/${aliceId}/statuses?limit=3`, { token });
    const page1 = arr(first.body).map((x) => str(obj(x)["id"]));
    assert.deepEqual(page1, [ids[6], ids[5], ids[4]]);
    assert.equal(
      first.headers.get("link"),
      `<${s.url}/api/v1/accounts/${aliceId}/statuses?limit=3&max_id=${ids[4]}>; rel="next", <${s.url}/api/v1/accounts/${aliceId}/statuses?limit=3&min_id=${ids[6]}>; rel="prev"`,
    );
    const second = await call(s.url, "GET", `/api/v1/accounts/${aliceId}/statuses?limit=3&max_id=${ids[4]}`, { token });
    assert.deepEqual(arr(second.body).map((x) => str(obj(x)["id"])), [ids[3], ids[2], ids[1]]);

    // min_id returns the items just above it, newest first.
    const above = await call(s.url, "GET", `/api/v1/accounts/${aliceId}/statuses?limit=2&min_id=${ids[1]}`, { token });
    assert.deepEqual(arr(above.body).map((x) => str(obj(x)["id"])), [ids[3], ids[2]]);
    // since_id returns the newest items above it.
    const since = await call(s.url, "GET", `/api/v1/accounts/${aliceId}/statuses?limit=2&since_id=${ids[1]}`, { token });
    assert.deepEqual(arr(since.body).map((x) => str(obj(x)["id"])), [ids[6], ids[5]]);

    // limit is capped at twice the default.
    const many = await call(s.url, "GET", `/api/v1/timelines/public?limit=1000`);
    assert.ok(arr(many.body).length <= 40);
  });

  test("Link keeps array parameters in Rails order", async () => {
    const s = sandbox();
    await call(s.url, "POST", `/api/v1/statuses`, { token: user(s, "bob").access_token, form: { status: "@alice hi" } });
    const result = await call(s.url, "GET", "/api/v1/notifications?types[]=mention&exclude_types[]=follow", { token: user(s, "alice").access_token });
    assert.equal(result.status, 200);
    assert.match(result.headers.get("link") ?? "", /notifications\?exclude_types%5B%5D=follow&max_id=\d+&types%5B%5D=mention>; rel="next"/);
  });
});

describe("rate limits", () => {
  const sandbox = useSandbox({ rateLimit: { api: { limit: 3, windowMs: 60_000 } } });

  test("X-RateLimit headers on every API response, then 429", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token });
      assert.equal(result.status, 200);
      seen.push(result.headers.get("x-ratelimit-remaining") ?? "");
      assert.equal(result.headers.get("x-ratelimit-limit"), "3");
      assert.match(result.headers.get("x-ratelimit-reset") ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    }
    assert.deepEqual(seen, ["2", "1", "0"]);
    const limited = await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token });
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, { error: "Too many requests" });
    assert.equal(limited.headers.get("x-ratelimit-remaining"), "0");
    // Another token has its own budget; unauthenticated calls count per IP.
    const other = await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: user(s, "bob").access_token });
    assert.equal(other.status, 200);
    const anonymous = await call(s.url, "GET", "/api/v1/instance");
    assert.equal(anonymous.headers.get("x-ratelimit-remaining"), "2");
  });
});

describe("error rendering", () => {
  const sandbox = useSandbox();

  test("Mastodon's error bodies", async () => {
    const s = sandbox();
    const alice = user(s, "alice").access_token;
    assert.deepEqual((await call(s.url, "GET", "/api/v1/statuses/123")).body, { error: "Record not found" });
    assert.equal((await call(s.url, "GET", "/api/v1/statuses/123")).status, 404);
    const blank = await call(s.url, "POST", "/api/v1/statuses", { token: alice, form: { status: "" } });
    assert.equal(blank.status, 422);
    assert.deepEqual(blank.body, { error: "Validation failed: Text can't be blank" });
    const anonymous = await call(s.url, "GET", "/api/v1/timelines/home");
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.body, { error: "The access token is invalid" });
    const bogus = await call(s.url, "GET", "/api/v1/timelines/home", { token: "nope" });
    assert.equal(bogus.status, 401);
    const unknown = await call(s.url, "GET", "/api/v1/nothing/here");
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { error: "Not Found" });
    const tooLong = await call(s.url, "POST", "/api/v1/statuses", { token: alice, form: { status: "x".repeat(501) } });
    assert.deepEqual(tooLong.body, { error: "Validation failed: Text character limit of 500 exceeded" });
  });
});

describe("cross-origin access, as Mastodon grants it to browser apps", () => {
  const sandbox = useSandbox();
  const origin = { origin: "http://app.example" };

  test("API answers to a request with an Origin allow any origin and expose Link and the rate-limit headers", async () => {
    const withOrigin = await call(sandbox().url, "GET", "/api/v1/timelines/public?limit=1", { headers: origin });
    assert.equal(withOrigin.headers.get("access-control-allow-origin"), "*");
    const exposed = (withOrigin.headers.get("access-control-expose-headers") ?? "").split(/,\s*/);
    for (const name of ["Link", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]) assert.ok(exposed.includes(name), name);
    assert.ok(!exposed.includes("Mastodon-Async-Refresh"), "not exposed by Mastodon either");
    assert.equal(withOrigin.headers.get("access-control-allow-credentials"), null);
    const without = await call(sandbox().url, "GET", "/api/v1/timelines/public?limit=1");
    assert.equal(without.headers.get("access-control-allow-origin"), null);
    // Errors too: a browser must be able to read a 404.
    const missing = await call(sandbox().url, "GET", "/api/v1/statuses/1", { headers: origin });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("access-control-allow-origin"), "*");
  });

  test("a preflight is answered before auth and routing, allowing the methods and the headers asked for", async () => {
    const asked = "authorization, content-type, idempotency-key";
    const preflight = await call(sandbox().url, "OPTIONS", "/api/v1/statuses", {
      headers: { ...origin, "access-control-request-method": "POST", "access-control-request-headers": asked },
    });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.equal(preflight.headers.get("access-control-allow-headers"), asked);
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /\bPOST\b.*\bDELETE\b|\bDELETE\b.*\bPOST\b/);
    const token = await call(sandbox().url, "OPTIONS", "/oauth/token", { headers: { ...origin, "access-control-request-method": "POST" } });
    assert.equal(token.headers.get("access-control-allow-origin"), "*");
  });

  test("the streaming endpoints allow any origin on every answer, and preflights allow the headers they ask for", async () => {
    const health = await call(sandbox().url, "GET", "/api/v1/streaming/health");
    assert.equal(health.headers.get("access-control-allow-origin"), "*");
    assert.equal(health.headers.get("access-control-allow-headers"), null); // as Mastodon 4.6's streaming server answers
    const asked = "authorization, user-agent";
    const preflight = await call(sandbox().url, "OPTIONS", "/api/v1/streaming/user", {
      headers: { ...origin, "access-control-request-method": "GET", "access-control-request-headers": asked },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.equal(preflight.headers.get("access-control-allow-headers"), asked);
  });

  test("a preflight for a method the path does not allow gets no grant (OAuth endpoints take POST only)", async () => {
    const refused = await call(sandbox().url, "OPTIONS", "/oauth/token", { headers: { ...origin, "access-control-request-method": "DELETE" } });
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
    const discovery = await call(sandbox().url, "OPTIONS", "/.well-known/nodeinfo", { headers: { ...origin, "access-control-request-method": "POST" } });
    assert.equal(discovery.headers.get("access-control-allow-origin"), null);
    const token = await call(sandbox().url, "POST", "/oauth/token", { headers: origin, form: { grant_type: "password" } });
    assert.equal(token.headers.get("access-control-allow-origin"), "*");
    assert.match(token.headers.get("vary") ?? "", /\bOrigin\b/);
  });

  test("pages outside the API grant nothing", async () => {
    const page = await call(sandbox().url, "GET", "/oauth/authorize?client_id=x&response_type=code&redirect_uri=urn:ietf:wg:oauth:2.0:oob", { headers: origin });
    assert.equal(page.headers.get("access-control-allow-origin"), null);
  });
});
