/**
 * The two ways an SSE stream is read: node:http (the default on Node) and fetch (other runtimes,
 * or a client given a `fetch`). Both must open, decode and close alike.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Mastodon } from "../../src/index.ts";
import { nodeTextStream } from "../../src/platform/node-stream.ts";
import { fetchTextStream, SseParser } from "../../src/streaming/sse.ts";
import type { OpenTextStream } from "../../src/core/transport.ts";
import { withHttpServer } from "../support/http-server.ts";
import { startStreamServer } from "../support/stream-server.ts";
import { receiveOneUpdate } from "./helpers.ts";

const openers: Array<[string, OpenTextStream]> = [["node:http", nodeTextStream], ["fetch", fetchTextStream(globalThis.fetch)]];

for (const [name, open] of openers) {
  test(`${name}: UTF-8 split across chunks arrives whole, headers are sent, and aborting closes the socket`, async () => {
    const bytes = Buffer.from("data: café 🐘\n\n", "utf8");
    const cut = bytes.indexOf(0xf0) + 2; // in the middle of the elephant's four bytes
    let seenHeaders: IncomingMessage["headers"] = {};
    await withHttpServer((req, res) => {
      seenHeaders = req.headers;
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.write(bytes.subarray(cut)), 20);
    }, async (url, closed) => {
      const abort = new AbortController();
      const response = await open(`${url}/api/v1/streaming/user`, { Accept: "text/event-stream", Authorization: "Bearer t" }, abort.signal);
      assert.equal(response.status, 200);
      let text = "";
      try {
        for await (const chunk of response.chunks) {
          text += chunk;
          if (text.endsWith("\n\n")) break;
        }
      } finally {
        abort.abort();
      }
      assert.equal(text, "data: café 🐘\n\n");
      assert.equal(seenHeaders.authorization, "Bearer t");
      assert.equal(seenHeaders.accept, "text/event-stream");
      await closed; // the server saw the connection end
    });
  });

  test(`${name}: a refused stream gives its status and body`, async () => {
    await withHttpServer((_req, res) => {
      res.writeHead(401, "Unauthorized", { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "The access token is invalid" }));
    }, async (url) => {
      const response = await open(`${url}/api/v1/streaming/user`, {}, new AbortController().signal);
      assert.equal(response.status, 401);
      assert.equal(response.statusText, "Unauthorized");
      assert.deepEqual(JSON.parse(await response.text()), { error: "The access token is invalid" });
    });
  });
}

test("node:http: a refused connection rejects the open", async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise((resolve) => server.close(resolve));
  await assert.rejects(nodeTextStream(`${url}/api/v1/streaming/user`, {}, new AbortController().signal), (e: unknown) => e instanceof Error && /ECONNREFUSED/.test(String((e as { code?: string }).code ?? e.message)));
});

test("the SSE parser drops a byte-order mark at the start of the stream (TextDecoder drops it for fetch; node:http keeps it)", () => {
  const events: string[] = [];
  const parser = new SseParser((e) => events.push(`${e.event} ${e.data}`), () => undefined);
  for (const chunk of ["", "\uFEFFevent: update\ndata: 1\n\n", "\uFEFFevent: x\ndata: 2\n\n"]) parser.feed(chunk);
  // Only the stream's first character can be a byte-order mark; later, "\uFEFFevent" is an unknown field.
  assert.deepEqual(events, ["update 1", "message 2"]);
});

test("SSE streams go over node:http on Node, and over the client's fetch when it was given one", async () => {
  const server = await startStreamServer();
  const fetched: string[] = [];
  const original = globalThis.fetch;
  const countingFetch: typeof fetch = (input, init) => {
    fetched.push(String(input));
    return original(input, init);
  };
  globalThis.fetch = countingFetch; // a default client must not use it
  try {
    // debug_requests wraps the transport; the stream must keep node:http all the same.
    for (const [clientFetch, expectStreamFetches, debug] of [[undefined, 0, false], [undefined, 0, true], [countingFetch, 1, false]] as const) {
      fetched.length = 0;
      const m = new Mastodon({ api_base_url: server.url, access_token: "t", ...(clientFetch ? { fetch: clientFetch } : {}), ...(debug ? { debug_requests: () => undefined } : {}) });
      const update = await receiveOneUpdate(m, server);
      assert.ok(update.created_at instanceof Date);
      assert.equal(fetched.filter((url) => url.includes("/api/v1/streaming/user")).length, expectStreamFetches, clientFetch ? "the given fetch" : debug ? "node:http under debug_requests" : "node:http");
    }
  } finally {
    globalThis.fetch = original;
    await server.close();
  }
});
