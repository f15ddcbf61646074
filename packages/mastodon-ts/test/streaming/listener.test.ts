import { test } from "node:test";
import assert from "node:assert/strict";
import { CallbackStreamListener, Mastodon, MastodonMalformedEventError, StreamListener, type Notification, type Status } from "../../src/index.ts";
import { SseParser } from "../../src/streaming/sse.ts";
import { makeStatus, startStreamServer } from "../support/stream-server.ts";
import { waitFor } from "./helpers.ts";

test("the SSE parser handles split chunks, CRLF, multi-line data and comments", () => {
  const events: Array<[string, string]> = [];
  const comments: string[] = [];
  const parser = new SseParser((e) => events.push([e.event, e.data]), (c) => comments.push(c));
  for (const chunk of [":)\r", "\nevent: upd", "ate\ndata: {\"a\"", ":1}\n\n:thump\nevent: delete\ndata: 12\n", "\ndata: line1\ndata: line2\n\n"]) parser.feed(chunk);
  assert.deepEqual(events, [["update", "{\"a\":1}"], ["delete", "12"], ["message", "line1\nline2"]]);
  assert.deepEqual(comments, [")", "thump"]);
});

class Recorder extends StreamListener {
  updates: Status[] = [];
  edits: Status[] = [];
  notifications: Notification[] = [];
  deletes: string[] = [];
  unknown: Array<[string, string]> = [];
  errors: Error[] = [];
  heartbeats = 0;
  filtersChanged = 0;
  override onUpdate(status: Status): void { this.updates.push(status); }
  override onStatusUpdate(status: Status): void { this.edits.push(status); }
  override onNotification(notification: Notification): void { this.notifications.push(notification); }
  override onDelete(id: string): void { this.deletes.push(id); }
  override onUnknownEvent(name: string, payload: string): void { this.unknown.push([name, payload]); }
  override onError(error: Error): void { this.errors.push(error); }
  override onFiltersChanged(): void { this.filtersChanged++; }
  override handleHeartbeat(): void { this.heartbeats++; }
}

test("events reach the listener typed; unknown, malformed and throwing never end the stream", async () => {
  const server = await startStreamServer({ heartbeatMs: 20 });
  const m = new Mastodon({ api_base_url: server.url, access_token: "t" });
  const listener = new Recorder();
  const handle = m.streamUser(listener);
  try {
    await waitFor(() => handle.isAlive() && server.listeners("user") === 1, "the stream to open");
    server.post("user");
    server.raw("user", "status.update", JSON.stringify(makeStatus({ edited_at: "2026-08-02T10:00:00.000Z" })));
    server.notify();
    server.raw("user", "delete", "110000000000000001");
    server.raw("user", "filters_changed", "undefined");
    server.raw("user", "brand_new_event", "{\"x\":1}");
    server.raw("user", "update", "{not json");
    server.raw("user", "notification", "{\"id\":\"5\"}");
    server.post("user");
    await waitFor(() => listener.updates.length === 2, "the update after the bad events");
    assert.ok(listener.updates[0]?.created_at instanceof Date);
    assert.ok(listener.edits[0]?.edited_at instanceof Date, "status.update is parsed as a Status");
    assert.equal(listener.notifications.length, 1);
    assert.deepEqual(listener.deletes, ["110000000000000001"]);
    assert.equal(listener.filtersChanged, 1);
    assert.deepEqual(listener.unknown, [["brand_new_event", "{\"x\":1}"]]);
    assert.equal(listener.errors.length, 2);
    assert.ok(listener.errors.every((e) => e instanceof MastodonMalformedEventError));
    assert.match(listener.errors[1]?.message ?? "", /missing type, account/);
    await waitFor(() => listener.heartbeats > 0, "a heartbeat");
    assert.ok(handle.running && !handle.closed && handle.isReceiving());
  } finally {
    handle.close();
    await handle.done;
    await server.close();
  }
});

test("CallbackStreamListener calls Mastodon.py's handlers; local_update_handler only for local accounts", async () => {
  const server = await startStreamServer();
  const m = new Mastodon({ api_base_url: server.url });
  const all: string[] = [];
  const local: string[] = [];
  let thrown = 0;
  const handle = m.streamPublic(new CallbackStreamListener({
    update_handler: (s) => {
      all.push(s.id);
      if (all.length === 1) throw new Error("a handler bug");
    },
    local_update_handler: (s) => local.push(s.id),
    error_handler: () => thrown++,
  }));
  try {
    await waitFor(() => handle.isAlive(), "the stream to open");
    const here = server.post("public");
    const remote = server.post("public", makeStatus({ account: { id: "2", acct: "bob@elsewhere.example", created_at: "2026-08-01T00:00:00Z" } }));
    await waitFor(() => all.length === 2, "two updates");
    assert.deepEqual(all, [here.id, remote.id]);
    assert.deepEqual(local, [], "the throwing update_handler skipped the rest of that event only");
    const again = server.post("public");
    await waitFor(() => local.length === 1, "a local update");
    assert.deepEqual(local, [again.id]);
    assert.equal(thrown, 1);
  } finally {
    handle.close();
    await handle.done;
    await server.close();
  }
});

test("a stream is async-iterable without a listener, and close() ends the iteration", async () => {
  const server = await startStreamServer();
  const m = new Mastodon({ api_base_url: server.url });
  const handle = m.streamHashtag("cats");
  const seen: string[] = [];
  const reading = (async () => {
    for await (const event of handle) {
      if (event.event === "update") seen.push(event.payload.id);
      if (seen.length === 3) handle.close();
    }
  })();
  try {
    await waitFor(() => handle.isAlive(), "the stream to open");
    for (let i = 0; i < 3; i++) server.post("hashtag#cats");
    server.post("hashtag#dogs");
    await reading;
    assert.equal(seen.length, 3);
    assert.ok(handle.closed);
  } finally {
    handle.close();
    await server.close();
  }
});

test("a refused token ends the stream for good: done rejects, onAbort is told, no retries", async () => {
  const server = await startStreamServer();
  server.refuseWith(401);
  const m = new Mastodon({ api_base_url: server.url, access_token: "bad" });
  const aborts: Error[] = [];
  const handle = m.streamUser(new CallbackStreamListener({ abort_handler: (e) => aborts.push(e) }));
  try {
    await assert.rejects(handle.done, (e: unknown) => e instanceof Error && e.name === "MastodonUnauthorizedError");
    assert.equal(aborts.length, 1);
    assert.ok(handle.closed);
  } finally {
    await server.close();
  }
});

test("streamUserNotifications subscribes to user:notification only", async () => {
  const server = await startStreamServer();
  const m = new Mastodon({ api_base_url: server.url, access_token: "t" });
  const got: string[] = [];
  const handle = m.streamUserNotifications(new CallbackStreamListener({ notification_handler: (n) => got.push(n.id) }), { catch_up: false });
  try {
    await waitFor(() => handle.isAlive() && server.listeners("user:notification") === 1, "the stream to open");
    assert.equal(server.listeners("user"), 0);
    server.raw("user:notification", "notification", JSON.stringify({ id: "77", type: "follow", account: { id: "2", acct: "bob" }, created_at: "2026-08-01T00:00:00Z" }));
    await waitFor(() => got.length === 1, "the notification");
    assert.deepEqual(got, ["77"]);
  } finally {
    handle.close();
    await handle.done;
    await server.close();
  }
});
