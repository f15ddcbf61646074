/**
 * Redirects: the node:http transport (the default on Node) must answer as fetch does (a client
 * given `fetch`), for calls and for SSE streams. Every case runs on both.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { CallbackStreamListener, Mastodon, MastodonNetworkError, MastodonReadTimeout, type Status } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest, type Reply } from "../support/scripted-server.ts";
import { withHttpServer } from "../support/http-server.ts";
import { startStreamServer } from "../support/stream-server.ts";
import { receiveOneUpdate, waitFor } from "../streaming/helpers.ts";

const transports = [["node:http", {}], ["fetch", { fetch: globalThis.fetch }]] as const;

async function withRedirectingServer(reply: (request: RecordedRequest) => Reply, body: (url: string, requests: RecordedRequest[]) => Promise<void>): Promise<void> {
  const server = await startScriptedServer(reply);
  try {
    await body(server.url, server.requests);
  } finally {
    await server.close();
  }
}

for (const [name, options] of transports) {
  test(`${name}: a GET follows 301 with its token; 302 after a POST becomes a GET without the body; 307 keeps the POST and its body`, async () => {
    await withRedirectingServer((r) => {
      if (r.path === "/api/v1/timelines/home") return { status: 301, headers: { location: "/api/v1/timelines/public?local=true" } };
      if (r.path === "/api/v1/statuses") return { status: 302, headers: { location: "/api/v1/statuses/landed" } };
      if (r.path === "/api/v1/statuses/1/favourite") return { status: 307, headers: { location: "/api/v1/statuses/2/favourite" } };
      return { body: r.path.endsWith("landed") ? { id: "9" } : r.path.includes("favourite") ? { id: "2" } : [] };
    }, async (url, requests) => {
      const m = new Mastodon({ api_base_url: url, access_token: "tok", ...options });
      assert.deepEqual(await m.timelineHome(), []);
      const followed = requests[1];
      assert.equal(`${followed?.method} ${followed?.path}?${followed?.query}`, "GET /api/v1/timelines/public?local=true");
      assert.equal(followed?.headers.authorization, "Bearer tok", "same origin: the token goes along");

      requests.length = 0;
      assert.equal((await m.statusPost("hello")).id, "9");
      assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.body.length > 0 ? "with body" : "no body"}`), ["POST /api/v1/statuses with body", "GET /api/v1/statuses/landed no body"]);

      requests.length = 0;
      await m.statusFavourite("1");
      assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), ["POST /api/v1/statuses/1/favourite", "POST /api/v1/statuses/2/favourite"]);
    });
  });

  test(`${name}: 303 turns a POST into a GET; 308 keeps the POST and its body`, async () => {
    await withRedirectingServer((r) => {
      if (r.path === "/api/v1/statuses/1/reblog") return { status: 303, headers: { location: "/api/v1/statuses/1" } };
      if (r.path === "/api/v1/statuses/1/bookmark") return { status: 308, headers: { location: "/api/v1/statuses/2/bookmark" } };
      return { body: { id: r.path.includes("/2/") ? "2" : "1" } };
    }, async (url, requests) => {
      const m = new Mastodon({ api_base_url: url, access_token: "tok", ...options });
      await m.statusReblog("1", { visibility: "public" });
      await m.statusBookmark("1");
      assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.body.length > 0 ? "with body" : "no body"}`), [
        "POST /api/v1/statuses/1/reblog with body", "GET /api/v1/statuses/1 no body",
        "POST /api/v1/statuses/1/bookmark no body", "POST /api/v1/statuses/2/bookmark no body",
      ]);
    });
  });

  test(`${name}: request_timeout holds across redirect hops`, async () => {
    const server = await startScriptedServer(async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { status: 302, headers: { location: `/hop${Number(r.path.slice(4) || 0) + 1}` } };
    });
    try {
      // Each hop takes 0.3 s: a limit restarted per hop would never fire (the 21st hop would fail instead).
      const m = new Mastodon({ api_base_url: server.url, access_token: "tok", request_timeout: 1, ...options });
      await assert.rejects(m.timelineHome(), (e: unknown) => e instanceof MastodonReadTimeout);
    } finally {
      await server.close();
    }
  });

  test(`${name}: a redirect to another origin does not carry the token`, async () => {
    await withRedirectingServer(() => ({ body: [] }), async (elsewhere, seenElsewhere) => {
      await withRedirectingServer(() => ({ status: 302, headers: { location: `${elsewhere}/api/v1/timelines/home` } }), async (url) => {
        const m = new Mastodon({ api_base_url: url, access_token: "tok", ...options });
        assert.deepEqual(await m.timelineHome(), []);
        assert.equal(seenElsewhere.length, 1);
        assert.equal(seenElsewhere[0]?.headers.authorization, undefined);
      });
    });
  });

  test(`${name}: a redirect loop is a network error, never an answer`, async () => {
    await withRedirectingServer((r) => ({ status: 302, headers: { location: r.path === "/a" ? "/b" : "/a" } }), async (url, requests) => {
      const m = new Mastodon({ api_base_url: url, access_token: "tok", ...options });
      await assert.rejects(m.timelineHome(), (e: unknown) => e instanceof MastodonNetworkError);
      assert.equal(requests.length, 21, "the first request and 20 redirects, as fetch allows");
    });
  });

  test(`${name}: a Location that is not a URL, not http(s), or carries credentials fails the call, as in fetch`, async () => {
    for (const location of ["http://[bad", "data:application/json,[{\"id\":\"evil\"}]", "http://user:secret@127.0.0.1:9/x"]) {
      await withRedirectingServer(() => ({ status: 302, headers: { location } }), async (url) => {
        const m = new Mastodon({ api_base_url: url, access_token: "tok", ...options });
        await assert.rejects(m.timelineHome(), (e: unknown) => e instanceof MastodonNetworkError && !e.message.includes("secret"), location);
      });
    }
  });

  test(`${name}: an SSE redirect to another origin goes without the token, and a redirect loop's errors do not show it`, async () => {
    let seen: IncomingMessage["headers"] | null = null;
    await withHttpServer((req, res) => {
      seen = req.headers;
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(`event: update\ndata: ${JSON.stringify({ id: "1", created_at: "2026-08-01T00:00:00.000Z", account: { id: "2" } })}\n\n`);
    }, async (elsewhereUrl) => {
      await withRedirectingServer((r) => (r.path.startsWith("/api/v1/streaming/user")
        ? { status: 302, headers: { location: `${elsewhereUrl}/api/v1/streaming/user` } }
        : r.path.startsWith("/api/v1/streaming/hashtag") ? { status: 302, headers: { location: `${r.path}?${r.query}` } } // a loop that keeps the query
        : { status: 404, body: { error: "Not found" } }), async (url) => {
        const m = new Mastodon({ api_base_url: url, access_token: "SECRET-TOKEN", ...options });
        const updates: Status[] = [];
        const user = m.streamUser(new CallbackStreamListener({ update_handler: (s) => updates.push(s) }), { catch_up: false });
        try {
          await waitFor(() => updates.length === 1, "the update from the other origin");
          assert.equal((seen as IncomingMessage["headers"] | null)?.authorization, undefined);
        } finally {
          user.close();
        }
        const errors: Error[] = [];
        const looping = m.streamHashtag("cats", new CallbackStreamListener({ error_handler: (e) => errors.push(e), abort_handler: (e) => errors.push(e) }), { catch_up: false, stream_auth: "query" });
        try {
          await waitFor(() => errors.length > 0, "the redirect loop to be reported");
          for (const error of errors) assert.ok(!`${error.message} ${String((error as { cause?: unknown }).cause)}`.includes("SECRET-TOKEN"), error.message);
        } finally {
          looping.close();
        }
      });
    });
  });

  test(`${name}: an SSE stream behind a redirect opens`, async () => {
    const streams = await startStreamServer();
    // The client's server sends its streaming requests on to the stream server.
    const front = await startScriptedServer((r) => r.path.startsWith("/api/v1/streaming")
      ? { status: 307, headers: { location: `${streams.url}${r.path}?${r.query}` } }
      : { status: 404, body: { error: "Not found" } });
    try {
      const m = new Mastodon({ api_base_url: front.url, access_token: "tok", ...options });
      assert.equal(typeof (await receiveOneUpdate(m, streams)).id, "string");
    } finally {
      await front.close();
      await streams.close();
    }
  });
}
