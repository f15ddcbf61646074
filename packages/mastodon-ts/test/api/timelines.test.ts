import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

test("list and link timelines; hashtag extra tags; timeline('link?url=...')", async () => {
  const server = await startScriptedServer(() => ({ body: [{ id: "1", created_at: "2026-08-01T13:00:00.000Z" }] }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const page = await m.timelineList({ id: "6" }, { limit: 3, only_media: true, local: false });
    assert.ok(page[0]?.created_at instanceof Date);
    await m.timelineLink("https://news.example/a?b=1&c=2", { max_id: "50" });
    await m.timelineHashtag("cats", { any: ["dogs", "birds"], none: ["fish"], local: true });
    await m.timeline({ timeline: "link?url=https%3A%2F%2Fnews.example%2Fa" });
    const [list, link, tag, viaName] = server.requests;
    assert.equal(list?.path, "/api/v1/timelines/list/6");
    assert.deepEqual([...(list?.query.entries() ?? [])], [["limit", "3"], ["only_media", "true"]]);
    assert.equal(link?.path, "/api/v1/timelines/link");
    assert.equal(link?.query.get("url"), "https://news.example/a?b=1&c=2");
    assert.equal(link?.query.get("max_id"), "50");
    assert.equal(tag?.path, "/api/v1/timelines/tag/cats");
    assert.deepEqual(tag?.query.getAll("any[]"), ["dogs", "birds"]);
    assert.deepEqual(tag?.query.getAll("none[]"), ["fish"]);
    assert.equal(tag?.query.get("local"), "true");
    assert.equal(viaName?.path, "/api/v1/timelines/link");
    assert.equal(viaName?.query.get("url"), "https://news.example/a");
  } finally {
    await server.close();
  }
});

test("timeline arguments and versions are checked before any request", async () => {
  const noFetch = () => Promise.reject(new Error("no request expected"));
  const m = new Mastodon({ api_base_url: "https://example.social", fetch: noFetch });
  await assert.rejects(m.timelineLink(""), MastodonIllegalArgumentError);
  await assert.rejects(m.timelineList(".."), MastodonIllegalArgumentError);
  const old = new Mastodon({ api_base_url: "https://example.social", fetch: noFetch, mastodon_version: "4.2.0", version_check_mode: "created" });
  await assert.rejects(old.timelineLink("https://news.example/"), MastodonVersionError);
});
