import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

const TAG = { id: "3", name: "heeho", url: "http://localhost:3000/tags/heeho", history: [{ day: "1785542400", accounts: "0", uses: "0" }], following: true };
const FEATURED = { id: "2", name: "coolfree", url: "u", statuses_count: "0", last_status_at: null };

test("hashtags: read, follow, feature by name (with or without #) or Tag; followed and featured tags", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/featured_tags" && r.method === "POST") return { body: FEATURED };
    if (r.path.startsWith("/api/v1/featured_tags/") && r.method === "DELETE") return { body: {} };
    if (r.path === "/api/v1/featured_tags") return { body: [FEATURED] };
    if (r.path === "/api/v1/followed_tags" || r.path === "/api/v1/featured_tags/suggestions") return { body: [TAG] };
    return { body: TAG };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const tag = await m.tag("#heeho");
    assert.ok(tag.history?.[0]?.day instanceof Date);
    await m.tagFollow(tag);
    await m.tagUnfollow("heeho");
    await m.tagFeature("ringtones");
    await m.tagUnfeature({ name: "#ringtones" });
    await m.tag("über");
    const followed = await m.followedTags({ limit: 1, max_id: "2" });
    assert.equal(followed[0]?.name, "heeho");
    assert.deepEqual(await m.featuredTags(), [FEATURED]);
    await m.featuredTagSuggestions();
    const featured = await m.featuredTagCreate("#coolfree");
    assert.deepEqual(await m.featuredTagDelete(featured), {});
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/tags/heeho",
      "POST /api/v1/tags/heeho/follow",
      "POST /api/v1/tags/heeho/unfollow",
      "POST /api/v1/tags/ringtones/feature",
      "POST /api/v1/tags/ringtones/unfeature",
      "GET /api/v1/tags/%C3%BCber",
      "GET /api/v1/followed_tags?max_id=2&limit=1",
      "GET /api/v1/featured_tags",
      "GET /api/v1/featured_tags/suggestions",
      // Mastodon.py sends a featured tag's name as given; the server drops the "#".
      "POST /api/v1/featured_tags name=#coolfree",
      "DELETE /api/v1/featured_tags/2",
    ]);
  } finally {
    await server.close();
  }
});

test("a hashtag that is empty, or only '#', is refused before any request; a '/' cannot leave its segment", async () => {
  const seen: string[] = [];
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: (input) => {
      seen.push(String(input));
      return Promise.resolve(new Response(JSON.stringify(TAG), { headers: { "content-type": "application/json" } }));
    },
  });
  const refused = (call: Promise<unknown>, message: RegExp): Promise<void> =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(m.tag(""), /hashtag/);
  await refused(m.tagFollow("##"), /hashtag/);
  await refused(m.tagFeature({ name: "" }), /name/);
  await refused(m.featuredTagCreate("#"), /name/);
  assert.equal(seen.length, 0);
  await m.tag("a/b");
  assert.deepEqual(seen, ["https://example.social/api/v1/tags/a%2Fb"]);
});
