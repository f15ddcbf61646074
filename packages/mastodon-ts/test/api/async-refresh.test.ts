import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { parseAsyncRefreshHeader } from "../../src/core/async-refresh.ts";
import { startScriptedServer, type RecordedRequest } from "../support/scripted-server.ts";

const HEADER = 'id="ABC-1", retry=2, result_count=3';
const STATUS = { id: "9", content: "<p>hi</p>", created_at: "2026-08-01T00:00:00.000Z" };

/** A clock whose timers fire at once while time jumps ahead; it records every wait. */
function fakeClock() {
  let now = Date.parse("2026-08-01T00:00:00Z");
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => {
      waits.push(ms);
      now += ms;
      setImmediate(callback);
      return 0;
    },
    clearTimeout: () => undefined,
  };
}

/** The timeline answers with the async refresh header until the refresh has finished after `runningPolls` polls. */
function refreshingServer(runningPolls: number) {
  let polls = 0;
  return startScriptedServer((r) => {
    if (r.path.startsWith("/api/v1_alpha/async_refreshes/")) {
      polls++;
      return { body: { async_refresh: { id: "ABC-1", status: polls > runningPolls ? "finished" : "running", result_count: polls } } };
    }
    return { headers: { "mastodon-async-refresh": polls > runningPolls ? undefined : HEADER }, body: [STATUS] };
  });
}

function wire(r: RecordedRequest): string {
  return `${r.method} ${r.path}${r.query.size > 0 ? `?${decodeURIComponent(r.query.toString())}` : ""}`;
}

/** A timeline page as the pipeline returns it: the server's Mastodon-Async-Refresh header is kept with it. */
async function refreshingPage(m: Mastodon) {
  return m.timelineHome({ limit: 5 });
}

test("the Mastodon-Async-Refresh header is parsed into id, retry and result_count", () => {
  assert.deepEqual(parseAsyncRefreshHeader(HEADER), { id: "ABC-1", retry: 2, result_count: 3 });
  assert.deepEqual(parseAsyncRefreshHeader('id="x\\"y", retry=5'), { id: 'x"y', retry: 5, result_count: null });
  assert.equal(parseAsyncRefreshHeader("retry=5"), null);
  assert.equal(parseAsyncRefreshHeader(null), null);
});

test("getAsyncRefreshInfo and getAsyncRefreshStatus read the hint of a result, an id or an AsyncRefresh", async () => {
  const server = await refreshingServer(99);
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const page = await refreshingPage(m);
    assert.deepEqual(m.getAsyncRefreshInfo(page), [{ id: "ABC-1", status: "running", result_count: 3 }, 2]);
    assert.equal(m.getAsyncRefreshInfo([]), null);
    assert.equal(JSON.stringify(page).includes("ABC"), false, "the hint stays out of JSON");
    const refresh = await m.getAsyncRefreshStatus(page);
    assert.deepEqual(refresh, { id: "ABC-1", status: "running", result_count: 1 });
    await m.getAsyncRefreshStatus(refresh);
    await m.getAsyncRefreshStatus("ABC-1");
    assert.deepEqual(server.requests.map(wire).slice(1), [
      "GET /api/v1_alpha/async_refreshes/ABC-1", "GET /api/v1_alpha/async_refreshes/ABC-1", "GET /api/v1_alpha/async_refreshes/ABC-1",
    ]);
    await assert.rejects(m.getAsyncRefreshStatus({}), MastodonIllegalArgumentError);
  } finally {
    await server.close();
  }
});

test("awaitAsyncRefresh waits `retry` seconds between polls on the client's clock, then repeats the request", async () => {
  const server = await refreshingServer(1);
  try {
    const clock = fakeClock();
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok", clock });
    const page = await refreshingPage(m);
    const fresh = await m.awaitAsyncRefresh(page);
    assert.deepEqual(clock.waits.filter((ms) => ms === 2000), [2000, 2000]);
    assert.equal(fresh?.[0]?.id, "9");
    assert.notEqual(fresh, page);
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/timelines/home?limit=5",
      "GET /api/v1_alpha/async_refreshes/ABC-1",
      "GET /api/v1_alpha/async_refreshes/ABC-1",
      "GET /api/v1/timelines/home?limit=5",
    ]);
    const complete = [STATUS];
    assert.equal(await m.awaitAsyncRefresh(complete), complete, "a result without a refresh is returned as it is");
    assert.equal(server.requests.length, 4);
  } finally {
    await server.close();
  }
});

test("awaitAsyncRefresh gives up with null after max_attempts polls or when the timeout runs out", async () => {
  const server = await refreshingServer(99);
  try {
    const clock = fakeClock();
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok", clock });
    const page = await refreshingPage(m);
    assert.equal(await m.awaitAsyncRefresh(page, { max_attempts: 3 }), null);
    assert.equal(server.requests.filter((r) => r.path.includes("async_refreshes")).length, 3);
    clock.waits.length = 0;
    assert.equal(await m.awaitAsyncRefresh(page, { timeout: 3 }), null);
    assert.deepEqual(clock.waits.filter((ms) => ms >= 1000), [2000, 1000]);
    assert.equal(await m.awaitAsyncRefresh(page, { max_attempts: 0 }), null);
    assert.equal(server.requests.filter((r) => r.path.includes("async_refreshes")).length, 5);
    await assert.rejects(m.awaitAsyncRefresh(page, { timeout: -1 }), /timeout/);
    await assert.rejects(m.awaitAsyncRefresh(page, { max_attempts: 1.5 }), /max_attempts/);
  } finally {
    await server.close();
  }
});
