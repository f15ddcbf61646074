// HTTP fault injection: from options at start-up and at runtime through /__sandbox/faults.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { startSandbox } from "../src/index.ts";
import { call, useSandbox, user } from "./helpers.ts";

describe("fault injection", () => {
  const sandbox = useSandbox({ controlApi: true, rateLimit: false });

  test("latency, then 5xx answers that retire after `times`", async () => {
    const s = sandbox();
    await call(s.url, "POST", "/__sandbox/faults", { json: { faults: [{ kind: "latency", ms: 120, path: "/api/v1/instance", times: 1 }, { kind: "error", status: 502, path: "/api/v1/instance", times: 1 }] } });
    const started = Date.now();
    const failed = await call(s.url, "GET", "/api/v1/instance");
    assert.ok(Date.now() - started >= 100, "latency applied");
    assert.equal(failed.status, 502);
    assert.match(failed.text, /nginx/);
    assert.equal((await call(s.url, "GET", "/api/v1/instance")).status, 200);
    const listed = await call(s.url, "GET", "/__sandbox/faults");
    assert.deepEqual(listed.body, { faults: [] });
  });

  test("429 storms carry rate-limit headers", async () => {
    const s = sandbox();
    s.faults.add({ kind: "rate-limit", path: /^\/api\/v1\/timelines/, times: 2, ms: 5000 });
    const first = await call(s.url, "GET", "/api/v1/timelines/public");
    assert.equal(first.status, 429);
    assert.equal(first.headers.get("x-ratelimit-remaining"), "0");
    assert.ok(first.headers.get("x-ratelimit-reset"));
    assert.equal((await call(s.url, "GET", "/api/v1/timelines/public")).status, 429);
    assert.equal((await call(s.url, "GET", "/api/v1/timelines/public")).status, 200);
  });

  test("dropped connections and truncated bodies", async () => {
    const s = sandbox();
    await call(s.url, "POST", "/__sandbox/faults", { json: { kind: "drop", path: "/api/v1/accounts/verify_credentials", times: 1 } });
    await assert.rejects(fetch(`${s.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${user(s, "alice").access_token}` } }));
    await call(s.url, "POST", "/__sandbox/faults", { json: { kind: "truncate", path: "/api/v2/instance", times: 1 } });
    await assert.rejects(async () => {
      const response = await fetch(`${s.url}/api/v2/instance`);
      JSON.parse(await response.text());
    });
    assert.equal((await call(s.url, "GET", "/api/v2/instance")).status, 200);
    const invalid = await call(s.url, "POST", "/__sandbox/faults", { json: { kind: "explode" } });
    assert.equal(invalid.status, 400);
    await call(s.url, "DELETE", "/__sandbox/faults");
  });

  test("the control API is off unless enabled; faults can be configured at start-up", async () => {
    const s = await startSandbox({ faults: [{ kind: "error", status: 500, method: "POST" }] });
    try {
      assert.equal((await call(s.url, "GET", "/__sandbox/faults")).status, 404);
      const failed = await call(s.url, "POST", "/api/v1/statuses", { token: user(s, "alice").access_token, form: { status: "x" } });
      assert.equal(failed.status, 500);
      assert.deepEqual(failed.body, { error: "We're sorry, but something went wrong on our end." });
      assert.equal((await call(s.url, "GET", "/api/v1/instance")).status, 200);
    } finally {
      await s.close();
    }
  });
});
