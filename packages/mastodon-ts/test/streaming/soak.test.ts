/**
 * No loss, no duplicates: 10,000 events across the user, public and hashtag streams of the
 * sandbox while every streaming connection is cut 50 times at random moments, on both transports.
 * Each status is posted once and appears once on each of the three streams.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { startSandbox } from "../../../mastodon-sandbox/src/index.ts";
import { CallbackStreamListener, Mastodon, type StreamHandle } from "../../src/index.ts";
import { waitFor } from "./helpers.ts";

const EVENTS = 10_000;
const STREAMS = 3;
const POSTS = Math.ceil(Number(process.env.SOAK_EVENTS ?? EVENTS) / STREAMS);
const CUTS = 50;
const CONCURRENT_POSTS = 8;

for (const transport of ["sse", "websocket"] as const) {
  test(`${transport}: ${EVENTS} events over 3 streams with ${CUTS} cuts: none lost, none duplicated, in order`, { timeout: 180_000 }, async () => {
    const sandbox = await startSandbox({ rateLimit: false, streaming: { heartbeatMs: 200 } });
    const alice = sandbox.users.alice;
    const admin = sandbox.users.admin;
    assert.ok(alice && admin);
    const reader = new Mastodon({ api_base_url: sandbox.url, access_token: alice.access_token, WebSocket });
    const poster = new Mastodon({ api_base_url: sandbox.url, access_token: admin.access_token });
    await reader.accountFollow(admin.id); // admin's statuses reach alice's home timeline
    const received: Record<string, string[]> = { user: [], public: [], hashtag: [] };
    let reopened = -STREAMS; // the first open of each stream is not a reconnection
    let recoveries = 0;
    const listen = (name: string) => new CallbackStreamListener({
      update_handler: (status) => received[name]?.push(status.id),
      state_handler: (state) => {
        if (state === "open") reopened++;
      },
      reconnected_handler: () => recoveries++,
    });
    const options = { transport, reconnect_async_wait_sec: 0.02, max_reconnect_wait_sec: 0.2, timeout: 5 };
    const handles: StreamHandle[] = [
      reader.streamUser(listen("user"), options),
      reader.streamPublic(listen("public"), options),
      reader.streamHashtag("soak", listen("hashtag"), options),
    ];
    try {
      await waitFor(() => handles.every((h) => h.isAlive()), "the streams to open", 10_000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the subscriptions settle on the server
      // Cut at random moments: each cut is due after a random number of posts, and counts only
      // when it really dropped live connections (not while the streams are still reconnecting).
      const gap = (): number => 1 + Math.floor(Math.random() * ((2 * POSTS) / CUTS));
      const posted: string[] = [];
      let cuts = 0;
      let dueAt = gap();
      const started = Date.now();
      while (posted.length < POSTS || cuts < CUTS) {
        const batch = Math.max(1, Math.min(CONCURRENT_POSTS, POSTS - posted.length));
        const results = await Promise.all(Array.from({ length: batch }, (_, i) => poster.statusPost(`soak ${posted.length + i} #soak`, { visibility: "public" })));
        for (const status of results) posted.push(status.id);
        if (posted.length >= dueAt && cuts < CUTS && sandbox.streams.disconnectAll() > 0) {
          cuts++;
          dueAt = posted.length + gap();
        }
      }
      const expected = [...posted].sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
      await waitFor(() => Object.values(received).every((ids) => ids.length >= posted.length), "every event", 60_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // any duplicate would arrive now
      const seconds = (Date.now() - started) / 1000;
      const total = Object.values(received).reduce((n, ids) => n + ids.length, 0);
      const lost = Object.values(received).reduce((n, ids) => n + expected.filter((id) => !ids.includes(id)).length, 0);
      const duplicated = Object.values(received).reduce((n, ids) => n + ids.length - new Set(ids).size, 0);
      console.log(`${transport}: ${total} events delivered of ${posted.length * STREAMS} sent, ${cuts} cuts, ${reopened} reconnections (${recoveries} catch-ups completed; the others were cut again and redone), lost ${lost}, duplicated ${duplicated}, ${seconds.toFixed(1)} s`);
      assert.equal(cuts, CUTS);
      assert.equal(lost, 0);
      assert.equal(duplicated, 0);
      for (const [name, ids] of Object.entries(received)) assert.deepEqual(ids, expected, `${name}: every status once, in order`);
      assert.ok(reopened >= CUTS, `every cut was followed by a reconnection (${reopened})`);
      assert.ok(recoveries > 0);
    } finally {
      for (const handle of handles) handle.close();
      await Promise.all(handles.map((h) => h.done));
      await sandbox.close();
    }
  });
}
