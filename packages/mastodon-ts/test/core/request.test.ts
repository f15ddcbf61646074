import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const STATUS = { id: "1", created_at: "2026-08-01T13:45:00.123Z", edited_at: null, account: { id: "9", created_at: "2026-08-01T00:00:00.000Z", last_status_at: "2026-07-31" } };

test("GET sends a query string with lists as key[], booleans, and the token", async () => {
  const server = await startScriptedServer(() => ({ body: [] }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok", user_agent: "ua-test/1" });
    await m.notifications({ types: ["mention", "follow"], exclude_types: ["poll"], limit: 5 });
    const [req] = server.requests;
    assert.equal(req?.method, "GET");
    assert.equal(req?.path, "/api/v1/notifications");
    assert.deepEqual(req?.query.getAll("types[]"), ["mention", "follow"]);
    assert.deepEqual(req?.query.getAll("exclude_types[]"), ["poll"]);
    assert.equal(req?.query.get("limit"), "5");
    assert.equal(req?.headers.authorization, "Bearer tok");
    assert.equal(req?.headers["user-agent"], "ua-test/1");
  } finally {
    await server.close();
  }
});

test("POST sends a form body; nested options use Rails brackets; DELETE sends its params as a body", async () => {
  const server = await startScriptedServer(() => ({ body: {} }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    await m.accountUpdateCredentials({ display_name: "Ann", fields: [["a", "1"], ["b", "2"]], default_privacy: "unlisted", locked: true });
    await m.statusDelete("77", { delete_media: true });
    const [update, del] = server.requests;
    assert.equal(update?.method, "PATCH");
    assert.equal(update?.form.get("display_name"), "Ann");
    assert.equal(update?.form.get("fields_attributes[1][value]"), "2");
    assert.equal(update?.form.get("source[privacy]"), "unlisted");
    assert.equal(update?.form.get("locked"), "true");
    assert.equal(del?.method, "DELETE");
    assert.equal(del?.path, "/api/v1/statuses/77");
    assert.equal(del?.form.get("delete_media"), "true");
  } finally {
    await server.close();
  }
});

test("a poll is sent as JSON, scheduled_at as ISO 8601 UTC, with an Idempotency-Key", async () => {
  const server = await startScriptedServer(() => ({ body: { id: "5", scheduled_at: "2026-08-01T14:00:00.000Z", params: {} } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const result = await m.statusPost("vote!", { poll: { options: ["a", "b"], expires_in: 300 }, scheduled_at: new Date(Date.UTC(2026, 7, 1, 14)) });
    const [req] = server.requests;
    assert.equal(req?.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(req?.body.toString() ?? ""), { status: "vote!", poll: { options: ["a", "b"], expires_in: 300 }, scheduled_at: "2026-08-01T14:00:00+00:00" });
    assert.match(String(req?.headers["idempotency-key"]), /^[0-9a-f-]{36}$/);
    assert.ok("scheduled_at" in result && result.scheduled_at instanceof Date);
    await m.statusPost("again", { idempotency_key: "mine" });
    assert.equal(server.requests[1]?.headers["idempotency-key"], "mine");
  } finally {
    await server.close();
  }
});

test("an id can never add a path segment, and entities work as ids", async () => {
  const server = await startScriptedServer(() => ({ body: STATUS }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    await m.status("../../admin/accounts");
    await m.statusFavourite({ id: "42" });
    await assert.rejects(m.status(".."), /not a valid id/);
    assert.equal(server.requests[0]?.path, "/api/v1/statuses/..%2F..%2Fadmin%2Faccounts");
    assert.equal(server.requests[1]?.path, "/api/v1/statuses/42/favourite");
    assert.equal(server.requests.length, 2);
  } finally {
    await server.close();
  }
});

test("a Date stands for a snowflake id in max_id / min_id / since_id", async () => {
  const server = await startScriptedServer(() => ({ body: [] }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const when = new Date(Date.UTC(2026, 7, 1, 0, 0, 0));
    await m.timelinePublic({ max_id: when, since_id: { id: "12" } });
    const seconds = BigInt(when.getTime() / 1000);
    assert.equal(server.requests[0]?.query.get("max_id"), ((seconds << 16n) * 1000n).toString());
    assert.equal(server.requests[0]?.query.get("since_id"), "12");
  } finally {
    await server.close();
  }
});

test("date fields become Dates, date-only ones UTC midnight, unparsable ones null; ids stay strings", async () => {
  const server = await startScriptedServer(() => ({ body: { ...STATUS, edited_at: "not a date" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const status = await m.status("1");
    assert.ok(status.created_at instanceof Date);
    assert.equal(status.created_at.toISOString(), "2026-08-01T13:45:00.123Z");
    assert.equal(status.edited_at, null);
    assert.equal(status.account.last_status_at?.toISOString(), "2026-07-31T00:00:00.000Z");
    assert.equal(typeof status.id, "string");
  } finally {
    await server.close();
  }
});

test("empty bodies resolve to {}; lang is sent with every request; api_base_url is normalised", async () => {
  const server = await startScriptedServer(() => ({ status: 200, raw: "" }));
  try {
    const host = server.url.replace("http://", "");
    const m = new Mastodon({ api_base_url: `${server.url}/`, lang: "de", access_token: "t" });
    assert.deepEqual(await m.notificationsClear(), {});
    assert.equal(server.requests[0]?.query.get("lang"), "de");
    assert.equal(new Mastodon({ api_base_url: host }).api_base_url, `https://${host}`);
  } finally {
    await server.close();
  }
});

test("debug_requests logs each request and response without secrets", async () => {
  const server = await startScriptedServer(() => ({ body: { access_token: "new-secret", scope: "read" } }));
  try {
    const lines: string[] = [];
    const m = new Mastodon({ api_base_url: server.url, client_id: "cid", client_secret: "csecret", access_token: "tok", debug_requests: (line) => lines.push(line) });
    await m.logIn({ username: "u", password: "pw-secret", scopes: ["read"] }).catch(() => undefined);
    const log = lines.join("\n");
    assert.match(log, /POST .*\/oauth\/token/);
    assert.match(log, /← 200/);
    assert.doesNotMatch(log, /pw-secret|csecret|new-secret/);
    // A JSON body is logged with its secret fields redacted too.
    await m.request({ method: "POST", path: "/api/v1/example", body: JSON.stringify({ token: "json-secret", note: "kept" }) });
    assert.match(lines.at(-2) ?? "", /"note":"kept"/);
    assert.doesNotMatch(lines.join("\n"), /json-secret/);
  } finally {
    await server.close();
  }
});
