/**
 * The streams recorded from a real Mastodon 4.6 (../shared/cassettes) replay through the client
 * to the same events as the recording: the recorded event-stream body is served to the client's
 * SSE transport, and what the listener receives is compared with the events read from the
 * recording by a separate, plain reading of the body.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CallbackStreamListener, Mastodon } from "../../src/index.ts";
import { loadCassette, type Cassette } from "../conformance/cassette.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const cassetteDir = resolve(repoRoot, "..", "shared", "cassettes", "cassettes");
const STREAM_CASSETTES = ["test_stream_direct", "test_stream_user_direct"];

/** The recording's events, read line by line: [event name, id of the payload or the raw data]. */
function recordedEvents(body: string): Array<[string, string]> {
  const events: Array<[string, string]> = [];
  for (const block of body.split("\n\n")) {
    const name = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!name || data === undefined) continue;
    const id = data.startsWith("{") ? String((JSON.parse(data) as { id: unknown }).id) : data;
    events.push([name, id]);
  }
  return events;
}

/** A fetch that answers the instance lookups and the stream from the recording. */
function replayFetch(cassette: Cassette): typeof fetch {
  return async (input) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const path = url.pathname.replace(/\/$/, "");
    const found = cassette.interactions.find((i) => i.request.path === path && i.request.origin === url.origin);
    if (!found) return new Response(JSON.stringify({ error: "Record not found" }), { status: 404 });
    const headers = { "content-type": found.response.contentType || "application/json" };
    return new Response(found.response.text, { status: found.response.status, headers });
  };
}

for (const name of STREAM_CASSETTES) {
  const file = resolve(cassetteDir, `${name}.yaml`);
  const skip = existsSync(file) ? false : `skipped: ${file} is absent (the shared reference folder is not beside the repository)`;
  test(`the recorded stream of ${name} replays to the same events`, { skip }, async () => {
    const cassette = loadCassette(file);
    const streams = cassette.interactions.filter((i) => i.request.path.startsWith("/api/v1/streaming/"));
    assert.ok(streams.length > 0);
    for (const recorded of streams) {
      const expected = recordedEvents(recorded.response.text);
      assert.ok(expected.length > 0, "the recording holds events");
      const m = new Mastodon({ api_base_url: "http://localhost:3000", access_token: "__MASTODON_PY_TEST_ACCESS_TOKEN", fetch: replayFetch(cassette) });
      const got: Array<[string, string]> = [];
      const problems: Error[] = [];
      const stream = recorded.request.path.slice("/api/v1/streaming/".length);
      const listener = new CallbackStreamListener({
        any_event_handler: (event, payload) => {
          const id = payload !== null && typeof payload === "object" && "id" in payload ? String(payload.id) : String(payload);
          got.push([event, id]);
        },
        error_handler: (error) => problems.push(error),
      });
      const options = { reconnect_async: false, catch_up: false } as const;
      const handle = stream === "direct" ? m.streamDirect(listener, options) : m.streamUser(listener, options);
      // The recorded body ends, and with reconnecting off the stream ends with it.
      await handle.done.catch(() => undefined);
      console.log(`${name} ${stream}: ${got.length} of ${expected.length} recorded events replayed (${got.map(([e]) => e).join(", ")})`);
      assert.deepEqual(got, expected);
      assert.deepEqual(problems, []);
    }
  });
}
