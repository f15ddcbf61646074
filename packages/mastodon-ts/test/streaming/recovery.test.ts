import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { CallbackStreamListener, Mastodon, type StreamState } from "../../src/index.ts";
import { startStreamServer } from "../support/stream-server.ts";
import { waitFor } from "./helpers.ts";

for (const transport of ["sse", "websocket"] as const) {
  test(`${transport}: events sent while disconnected are caught up over REST, in order, without duplicates`, async () => {
    const server = await startStreamServer();
    const m = new Mastodon({ api_base_url: server.url, access_token: "t", WebSocket });
    const ids: string[] = [];
    const notes: string[] = [];
    const states: StreamState[] = [];
    const downtimes: number[] = [];
    const handle = m.streamUser(new CallbackStreamListener({
      update_handler: (s) => ids.push(s.id),
      notification_handler: (n) => notes.push(n.id),
      state_handler: (s) => states.push(s),
      reconnected_handler: (ms) => downtimes.push(ms),
    }), { transport, reconnect_async_wait_sec: 0.05 });
    try {
      await waitFor(() => handle.isAlive() && server.listeners("user") === 1, "the stream to open");
      const sent = [server.post("user").id, server.post("user").id];
      const sentNotes = [server.notify().id];
      await waitFor(() => ids.length === 2 && notes.length === 1, "the first events");
      server.cutAll();
      // While the client is away: these reach only the REST lists.
      for (let i = 0; i < 45; i++) sent.push(server.post("user").id);
      sentNotes.push(server.notify().id);
      await waitFor(() => downtimes.length === 1, "the reconnection");
      sent.push(server.post("user").id);
      await waitFor(() => ids.length === sent.length, `all ${sent.length} updates (have ${ids.length})`);
      assert.deepEqual(ids, sent, "every update once, in order");
      await waitFor(() => notes.length === 2, "the missed notification");
      assert.deepEqual(notes, sentNotes);
      assert.deepEqual(states, ["open", "reconnecting", "open"]);
      assert.ok((downtimes[0] ?? -1) >= 0);
    } finally {
      handle.close();
      await handle.done;
      await server.close();
    }
  });

  test(`${transport}: a connection that goes silent is noticed within the stale timeout and replaced`, async () => {
    const server = await startStreamServer({ heartbeatMs: 50 });
    const m = new Mastodon({ api_base_url: server.url, access_token: "t", WebSocket });
    const aborts: string[] = [];
    const ids: string[] = [];
    let reconnectedAt = 0;
    const handle = m.streamPublic(new CallbackStreamListener({
      abort_handler: (e) => aborts.push(e.message),
      update_handler: (s) => ids.push(s.id),
      reconnected_handler: () => {
        reconnectedAt = Date.now();
      },
    }), { transport, timeout: 0.5, reconnect_async_wait_sec: 0.05 });
    try {
      await waitFor(() => handle.isAlive() && server.listeners("public") === 1, "the stream to open");
      server.silence(true);
      const silentAt = Date.now();
      const missed = server.post("public"); // stored, but never sent live
      await waitFor(() => aborts.length === 1, "the stale connection to be noticed", 3000);
      server.silence(false);
      await waitFor(() => reconnectedAt > 0, "the reconnection", 3000);
      const detectedAfter = reconnectedAt - silentAt;
      console.log(`${transport}: half-open connection detected and replaced ${detectedAfter} ms after it went silent (stale timeout 500 ms)`);
      assert.match(aborts[0] ?? "", /stale/);
      // The stale timeout, plus the watchdog's check interval (timeout / 4) and the reconnect wait, with room for a loaded machine.
      assert.ok(detectedAfter < 500 + 1500, `recovered in ${detectedAfter} ms`);
      await waitFor(() => ids.includes(String(missed.id)), "the status sent while silent");
    } finally {
      handle.close();
      await handle.done;
      await server.close();
    }
  });
}

test("websocket: several streams share one socket, each subscribed, and events go to the right one", async () => {
  const server = await startStreamServer();
  const m = new Mastodon({ api_base_url: server.url, access_token: "t", WebSocket });
  const cats: string[] = [];
  const pub: string[] = [];
  const a = m.streamHashtag("cats", new CallbackStreamListener({ update_handler: (s) => cats.push(s.id) }), { transport: "websocket" });
  const b = m.streamPublic(new CallbackStreamListener({ update_handler: (s) => pub.push(s.id) }), { transport: "websocket" });
  try {
    await waitFor(() => a.isAlive() && b.isAlive() && server.listeners("public") === 1 && server.listeners("hashtag#cats") === 1, "both streams to open");
    assert.equal(server.connections(), 1, "one socket");
    assert.deepEqual([...server.subscribeMessages()].sort(), [
      JSON.stringify({ type: "subscribe", stream: "hashtag", tag: "cats" }), JSON.stringify({ type: "subscribe", stream: "public" }),
    ]);
    const c = server.post("hashtag#cats");
    const p = server.post("public");
    await waitFor(() => cats.length === 1 && pub.length === 1, "one event each");
    assert.deepEqual([cats[0], pub[0]], [c.id, p.id]);
    a.close();
    await waitFor(() => server.subscribeMessages().some((s) => s.includes("unsubscribe")), "the unsubscribe");
    assert.equal(server.connections(), 1, "the other stream keeps the socket");
  } finally {
    a.close();
    b.close();
    await Promise.all([a.done, b.done]);
    await waitFor(() => server.connections() === 0, "the socket to close once no stream uses it");
    await server.close();
  }
});

/** A standard WebSocket (no `on`, no headers), as in browsers, built over the ws package. */
class StandardWebSocket {
  private readonly inner: WebSocket;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(url: string) {
    this.inner = new WebSocket(url);
    this.inner.onopen = (e) => this.onopen?.(e);
    this.inner.onmessage = (e) => this.onmessage?.({ data: e.data });
    this.inner.onclose = (e) => this.onclose?.({ code: e.code, reason: e.reason });
    this.inner.onerror = (e) => this.onerror?.(e);
  }
  get readyState(): number { return this.inner.readyState; }
  send(data: string): void { this.inner.send(data); }
  close(code?: number): void { this.inner.close(code); }
}

test("websocket auth: a header with the ws package, the URL with a standard WebSocket", async () => {
  const server = await startStreamServer();
  try {
    for (const Impl of [WebSocket, StandardWebSocket]) {
      const m = new Mastodon({ api_base_url: server.url, access_token: "secret-token", WebSocket: Impl });
      const handle = m.streamPublic(null, { transport: "websocket", catch_up: false });
      await waitFor(() => handle.isAlive(), "the stream to open");
      handle.close();
      await handle.done;
    }
    const [withWs, standard] = server.upgrades();
    assert.equal(withWs?.authorization, "Bearer secret-token");
    assert.doesNotMatch(withWs?.url ?? "", /access_token/);
    assert.equal(standard?.authorization, undefined);
    assert.match(standard?.url ?? "", /access_token=secret-token/);
  } finally {
    await server.close();
  }
});
