import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

test("search sends what Mastodon.py sends: resolve and exclude_unreviewed only when true, by server version", async () => {
  const server = await startScriptedServer(() => ({ body: { accounts: [], statuses: [], hashtags: [] } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    await m.search("mastodonpy_test");
    await m.search("mastodonpy_test", { result_type: "statuses", resolve: false, exclude_unreviewed: false, limit: 5 });
    await m.searchV2("q", { min_id: new Date("2026-08-01T00:00:00Z"), account_id: { id: "7" }, offset: 2 });
    await new Mastodon({ api_base_url: server.url, mastodon_version: "2.9.0" }).search("q");
    await new Mastodon({ api_base_url: server.url, mastodon_version: "2.3.0" }).search("q");
    await m.searchV1("q", { resolve: true });
    const snowflake = ((BigInt(Date.parse("2026-08-01T00:00:00Z") / 1000) << 16n) * 1000n).toString();
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v2/search?q=mastodonpy_test&resolve=true&exclude_unreviewed=true",
      "GET /api/v2/search?q=mastodonpy_test&type=statuses&limit=5",
      `GET /api/v2/search?q=q&resolve=true&account_id=7&offset=2&min_id=${snowflake}&exclude_unreviewed=true`,
      "GET /api/v2/search?q=q&resolve=true",
      "GET /api/v1/search?q=q&resolve=true",
      "GET /api/v1/search?q=q&resolve=true",
    ]);
    await assert.rejects(new Mastodon({ api_base_url: server.url, mastodon_version: "2.7.0" }).search("q", { offset: 20 }), MastodonVersionError);
    await assert.rejects(m.search("q", { result_type: "people" }), MastodonIllegalArgumentError);
    assert.equal(server.requests.length, 6);
  } finally {
    await server.close();
  }
});
