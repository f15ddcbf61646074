// Streaming (docs: methods/streaming.md): SSE endpoints and the multiplexed WebSocket, fed by
// what happens in the server; heartbeats; and the stream faults.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import WebSocket from "ws";
import { call, obj, sleep, str, useSandbox, user } from "./helpers.ts";

/** Reads an SSE response until `predicate` holds on the text so far, or the timeout hits. */
async function readUntil(response: Response, predicate: (text: string) => boolean, timeoutMs = 3000): Promise<string> {
  const body = response.body;
  if (!body) throw new Error("no body");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!predicate(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

function openSocket(url: string): Promise<{ ws: WebSocket; messages: unknown[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: unknown[] = [];
    const closed = new Promise<void>((done) => ws.on("close", () => done()));
    ws.on("message", (data) => messages.push(JSON.parse(data.toString())));
    ws.once("open", () => resolve({ ws, messages, closed }));
    ws.once("error", reject);
  });
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await sleep(10);
  }
}

describe("SSE streaming", () => {
  const sandbox = useSandbox({ streaming: { heartbeatMs: 50 }, rateLimit: false });

  test("user stream receives update and notification; heartbeat comments", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const bob = user(s, "bob");
    const response = await fetch(`${s.url}/api/v1/streaming/user`, { headers: { authorization: `Bearer ${alice.access_token}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "text/event-stream");
    const reading = readUntil(response, (t) => t.includes("event: update") && t.includes("event: notification") && t.includes(":thump"));
    await sleep(20);
    await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "streamed" } });
    await call(s.url, "POST", "/api/v1/statuses", { token: bob.access_token, form: { status: "@alice hey" } });
    const text = await reading;
    assert.ok(text.startsWith(":)\n"));
    const update = /event: update\ndata: (.+)\n\n/.exec(text)?.[1];
    const payload = obj(JSON.parse(update ?? "{}"));
    assert.match(str(payload["content"]), /streamed/);
    assert.equal(payload["favourited"], undefined, "stream payloads are rendered without a viewer");
    assert.match(text, /event: notification\ndata: \{"id":"\d+","type":"mention"/);
  });

  test("access_token query param, hashtag stream, delete events; errors", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const response = await fetch(`${s.url}/api/v1/streaming/hashtag?tag=Cats&access_token=${alice.access_token}`);
    const reading = readUntil(response, (t) => t.includes("event: delete"));
    await sleep(20);
    const status = obj((await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "#cats rule" } })).body);
    await call(s.url, "DELETE", `/api/v1/statuses/${str(status["id"])}`, { token: alice.access_token });
    const text = await reading;
    assert.match(text, /event: update\n/);
    assert.match(text, new RegExp(`event: delete\ndata: ${str(status["id"])}\n\n`));
    const missing = await fetch(`${s.url}/api/v1/streaming/user`);
    assert.equal(missing.status, 401);
    assert.deepEqual(await missing.json(), { error: "Missing access token" });
    const health = await fetch(`${s.url}/api/v1/streaming/health`);
    assert.equal(await health.text(), "OK");
  });
});

describe("WebSocket streaming", () => {
  const sandbox = useSandbox({ streaming: { heartbeatMs: 1000 }, rateLimit: false });

  test("subscribe/unsubscribe, events wrapped with stream and string payload", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const { ws, messages, closed } = await openSocket(`${s.streamingUrl}/api/v1/streaming?access_token=${alice.access_token}&stream=user`);
    ws.send(JSON.stringify({ type: "subscribe", stream: "hashtag", tag: "dogs" }));
    ws.send(JSON.stringify({ type: "subscribe", stream: "nonsense" }));
    await sleep(50);
    await call(s.url, "POST", "/api/v1/statuses", { token: user(s, "bob").access_token, form: { status: "#dogs too" } });
    await call(s.url, "POST", "/api/v2/filters", { token: alice.access_token, form: { title: "f", "context[]": "home" } });
    await waitFor(() => messages.length >= 3);
    const error = messages.map(obj).find((m) => m["error"] !== undefined);
    assert.deepEqual(error, { error: "Unknown stream type", status: 400 });
    const hashtag = messages.map(obj).find((m) => m["event"] === "update");
    assert.deepEqual(hashtag?.["stream"], ["hashtag", "dogs"]);
    assert.equal(typeof hashtag?.["payload"], "string");
    const filters = messages.map(obj).find((m) => m["event"] === "filters_changed");
    assert.deepEqual(filters, { stream: ["user"], event: "filters_changed" });

    ws.send(JSON.stringify({ type: "unsubscribe", stream: "hashtag", tag: "dogs" }));
    await sleep(50);
    const before = messages.length;
    await call(s.url, "POST", "/api/v1/statuses", { token: user(s, "bob").access_token, form: { status: "#dogs again" } });
    await sleep(100);
    assert.equal(messages.length, before);
    ws.close();
    await closed;
  });

  test("invalid tokens are refused at the handshake", async () => {
    const s = sandbox();
    await assert.rejects(openSocket(`${s.streamingUrl}/api/v1/streaming?access_token=bogus`), /401/);
  });
});

describe("stream faults", () => {
  const sandbox = useSandbox({ streaming: { heartbeatMs: 30 }, controlApi: true, rateLimit: false });

  test("disconnect cuts SSE and WebSocket connections", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const { closed } = await openSocket(`${s.streamingUrl}/api/v1/streaming?access_token=${alice.access_token}&stream=public`);
    const response = await fetch(`${s.url}/api/v1/streaming/public`, { headers: { authorization: `Bearer ${alice.access_token}` } });
    const reader = response.body?.getReader();
    assert.ok(reader);
    await reader.read();
    await waitFor(() => s.streams.count() === 2);
    const cut = await call(s.url, "POST", "/__sandbox/streams/disconnect");
    assert.deepEqual(cut.body, { disconnected: 2 });
    await closed;
    await assert.rejects(async () => {
      for (;;) {
        const { done } = await reader.read();
        if (done) throw new Error("ended cleanly");
      }
    });
    assert.equal(s.streams.count(), 0);
  });

  test("half-open keeps the socket but stops heartbeats and events", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const response = await fetch(`${s.url}/api/v1/streaming/public`, { headers: { authorization: `Bearer ${alice.access_token}` } });
    const reader = response.body?.getReader();
    assert.ok(reader);
    await reader.read();
    s.streams.halfOpenAll();
    await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "nobody hears this" } });
    const next = await Promise.race([reader.read().then(() => "data"), sleep(200).then(() => "silence")]);
    assert.equal(next, "silence");
    assert.equal(s.streams.count(), 1, "still connected");
    await reader.cancel();
  });
});
