import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

const TAG = { name: "cats", url: "https://example.social/tags/cats", history: [{ day: "1785542400", uses: "3", accounts: "2" }] };

test("trends: tags (old alias before 3.5), statuses and links, with limit, offset and lang", async () => {
  const server = await startScriptedServer((r) => ({ body: r.path.endsWith("/statuses") || r.path.endsWith("/links") ? [] : [TAG] }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const [tag] = await m.trendingTags({ limit: 5, offset: 10, lang: "de" });
    assert.ok(tag?.history?.[0]?.day instanceof Date);
    await m.trends({ limit: 3 });
    await m.trendingStatuses({ offset: 0 });
    await m.trendingLinks();
    await new Mastodon({ api_base_url: server.url, mastodon_version: "3.4.1" }).trendingTags({ limit: 2 });
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/trends/tags?limit=5&offset=10&lang=de",
      "GET /api/v1/trends/tags?limit=3",
      "GET /api/v1/trends/statuses?offset=0",
      "GET /api/v1/trends/links",
      "GET /api/v1/trends?limit=2",
    ]);
    await assert.rejects(m.trendingLinks({ limit: 0 }), (e: unknown) => e instanceof MastodonIllegalArgumentError && /limit/.test(e.message));
    await assert.rejects(m.trendingStatuses({ offset: -1 }), /offset/);
    assert.equal(server.requests.length, 5);
  } finally {
    await server.close();
  }
});
