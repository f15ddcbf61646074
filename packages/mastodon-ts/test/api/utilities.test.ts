import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Mastodon, MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonServiceUnavailableError,
} from "../../src/index.ts";
import { getStatusLength } from "../../src/api/utilities.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

test("getStatusLength counts as Mastodon does: links 23, remote mentions as @user, graphemes, plus the spoiler", () => {
  const cases: Array<[string, number]> = [
    ["", 0],
    ["   \n ", 0], // blank text counts as nothing
    ["hello", 5],
    ["see https://example.com/a/very/long/path/that/goes/on?and=more&x=1", 4 + 23],
    ["(https://example.com/x).", 1 + 23 + 2], // ")" and "." are not part of the link
    ["https://en.wikipedia.org/wiki/Foo_(bar)", 23], // balanced parentheses are
    ["gemini://gemini.example/page and more", 23 + 9],
    ["https://localhost/a-much-longer-path-here", 41], // no top-level domain: not a link
    ["example.com/no/scheme/here", 26], // links need a scheme to count as 23
    ["@alice@remote.example hi", 9], // counts as "@alice hi"
    ["@alice@remote.example.", 7],
    ["@alice hi", 9],
    ["bob@example.com", 15], // an address, not a mention
    ["https://social.example/@alice@remote.example", 23], // a mention inside a link is part of the link
    ["👍🏽", 1],
    ["👨‍👩‍👧 e\u0301", 3],
    ["😀😀", 2],
  ];
  for (const [text, length] of cases) assert.equal(getStatusLength(text), length, JSON.stringify(text));
  assert.equal(getStatusLength("hi @bob@remote.example", { spoiler_text: "cw!" }), 3 + 7);
  const m = new Mastodon({ api_base_url: "https://example.social" });
  assert.equal(m.getStatusLength("https://example.com/" + "x".repeat(600)), 23);
  assert.throws(() => getStatusLength(undefined as unknown as string), MastodonIllegalArgumentError);
});

test("setLanguage sends lang with every request; clearCaches forgets memoised lookups", async () => {
  const server = await startScriptedServer((req) => req.path.startsWith("/api/v1/streaming/health") ? { raw: "OK" } : { body: { configuration: { urls: {} }, urls: {} } });
  try {
    const m = new Mastodon({ api_base_url: server.url });
    m.setLanguage("de");
    assert.equal(m.lang, "de");
    // The streaming server's address is looked up once per client and memoised.
    await m.streamHealthy();
    await m.streamHealthy();
    const lookups = () => server.requests.filter((r) => r.path === "/api/v2/instance/").length;
    assert.equal(lookups(), 1);
    assert.equal(server.requests[0]!.query.get("lang"), "de");
    m.clearCaches();
    m.setLanguage(null);
    await m.streamHealthy();
    assert.equal(lookups(), 2);
    assert.equal(server.requests.filter((r) => r.path === "/api/v2/instance/").at(-1)!.query.get("lang"), null);
  } finally {
    await server.close();
  }
});

test("verifyMinimumVersion asks the server unless cached; an unknown version counts as 1.0.0", async () => {
  let fail = false;
  const server = await startScriptedServer(() => (fail ? { status: 500, body: { error: "boom" } } : { body: { version: "4.6.4" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    assert.equal(await m.verifyMinimumVersion("4.3.0"), true);
    assert.equal(server.requests[0]!.path.replace(/\/$/, ""), "/api/v1/instance");
    assert.equal(await m.verifyMinimumVersion("4.6.4", { cached: true }), true);
    assert.equal(await m.verifyMinimumVersion("4.7.0", { cached: true }), false);
    assert.equal(server.requests.length, 1);
    await assert.rejects(m.verifyMinimumVersion("latest"), MastodonIllegalArgumentError);
    fail = true;
    const fresh = new Mastodon({ api_base_url: server.url });
    assert.equal(await fresh.verifyMinimumVersion("2.0.0"), false);
    assert.equal(await fresh.verifyMinimumVersion("1.0.0", { cached: true }), true);
  } finally {
    await server.close();
  }
});

test("getApproxServerTime reads the Date header of HEAD /", async () => {
  const server = await startScriptedServer((req) => ({ status: req.path === "/" ? 200 : 404, headers: { date: "Sat, 01 Aug 2026 13:51:02 GMT" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const time = await m.getApproxServerTime();
    assert.ok(time instanceof Date);
    assert.equal(time.toISOString(), "2026-08-01T13:51:02.000Z");
    const [head] = server.requests;
    assert.equal(`${head!.method} ${head!.path}`, "HEAD /");
    assert.equal(head!.headers.authorization, "Bearer tok");
  } finally {
    await server.close();
  }
  const noDate = new Mastodon({ api_base_url: "https://example.social", fetch: async () => new Response(null, { status: 200 }) });
  await assert.rejects(noDate.getApproxServerTime(), (e: unknown) => e instanceof MastodonAPIError && /No server time/.test(e.message));
  const down = new Mastodon({ api_base_url: "https://example.social", fetch: async () => new Response(null, { status: 503 }) });
  await assert.rejects(down.getApproxServerTime(), MastodonServiceUnavailableError);
});

const ACCESS = {
  live_feeds: { local: "disabled", remote: "authenticated" },
  hashtag_feeds: { local: "public", remote: "public" },
  trending_link_feeds: { local: "authenticated", remote: "public" },
};

test("timelineIsAvailable follows the server's timelines_access settings", async () => {
  let reply: { status?: number; body: unknown } = { body: { version: "4.6.4", configuration: { timelines_access: ACCESS } } };
  const server = await startScriptedServer(() => reply);
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const check = (options: Parameters<typeof m.timelineIsAvailable>[0]) => m.timelineIsAvailable(options);
    assert.equal(await check({}), false); // local posts of the public feed are disabled
    assert.equal(await check({ remote: true }), false);
    assert.equal(await check({ remote: true, with_auth: true }), true);
    assert.equal(await check({ timeline: "local", with_auth: true }), false);
    assert.equal(await check({ timeline: "tag/cats" }), true);
    assert.equal(await check({ timeline: "link", local: true }), false);
    assert.equal(await check({ timeline: "link", local: true, with_auth: true }), true);
    assert.ok(server.requests.every((r) => r.method === "GET" && r.path.replace(/\/$/, "") === "/api/v2/instance"));
    const before = server.requests.length;
    assert.equal(await check({ timeline: "home" }), false);
    assert.equal(await check({ timeline: "list/12", with_auth: true }), true);
    assert.equal(server.requests.length, before);
    await assert.rejects(check({ timeline: "federated" }), MastodonIllegalArgumentError);

    reply = { body: { version: "4.3.0", configuration: {} } }; // before 4.5: no such limits
    assert.equal(await check({}), true);
    await assert.rejects(check({ fail_hard: true }), (e: unknown) => e instanceof MastodonError && /timeline access/.test(e.message));
    reply = { status: 404, body: { error: "Not found" } };
    assert.equal(await check({}), true);
    await assert.rejects(check({ fail_hard: true }), MastodonNotFoundError);
  } finally {
    await server.close();
  }
});
