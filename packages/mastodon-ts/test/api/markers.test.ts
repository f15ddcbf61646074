import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const MARKER = { last_read_id: "117020574841135347", version: 1, updated_at: "2026-08-01T13:51:07.594Z" };

test("markers: set sends JSON keyed by timeline, get asks for home by default; preferences are read", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/preferences") return { body: { "posting:default:visibility": "unlisted", "reading:expand:spoilers": false } };
    if (r.method === "POST") {
      const sent = JSON.parse(r.body.toString("utf8")) as Record<string, { last_read_id: string }>;
      return { body: Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, { ...MARKER, ...value }])) };
    }
    return { body: Object.fromEntries(r.query.getAll("timeline[]").map((name) => [name, MARKER])) };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const set = await m.markersSet("home", { id: "117020574841135347" });
    assert.ok(set.home?.updated_at instanceof Date);
    await m.markersSet(["home", "notifications"], ["1", "2"]);
    const got = await m.markersGet();
    assert.equal(got.home?.last_read_id, MARKER.last_read_id);
    assert.deepEqual(Object.keys(await m.markersGet({ timeline: ["home", "notifications"] })), ["home", "notifications"]);
    await m.markersGet({ timeline: "notifications" });
    assert.equal((await m.preferences())["posting:default:visibility"], "unlisted");
    const [first, second, ...gets] = server.requests;
    assert.equal(first?.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(first?.body.toString("utf8") ?? ""), { home: { last_read_id: "117020574841135347" } });
    assert.deepEqual(JSON.parse(second?.body.toString("utf8") ?? ""), { home: { last_read_id: "1" }, notifications: { last_read_id: "2" } });
    assert.deepEqual(gets.map((r) => `${r.path}?${decodeURIComponent(r.query.toString())}`), [
      "/api/v1/markers?timeline[]=home",
      "/api/v1/markers?timeline[]=home&timeline[]=notifications",
      "/api/v1/markers?timeline[]=notifications",
      "/api/v1/preferences?",
    ]);
    await assert.rejects(m.markersSet(["home", "notifications"], "1"), (e: unknown) => e instanceof MastodonIllegalArgumentError && /same length/.test(e.message));
    await assert.rejects(m.markersSet("public", "1"), /timelines must be one of home, notifications/);
    await assert.rejects(m.markersGet({ timeline: "local" }), /timeline must be one of/);
    assert.equal(server.requests.length, 6);
  } finally {
    await server.close();
  }
});
