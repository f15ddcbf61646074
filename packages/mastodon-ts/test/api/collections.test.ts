import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest, type Reply } from "../support/scripted-server.ts";

const COLLECTION = {
  id: "116131056935959117", account_id: "113668893442515793", uri: "https://example.com/ap/1/collections/116131056935959117",
  url: "https://example.com/collections/116131056935959117", name: "Nice accounts", description: "These accounts are very nice",
  language: "en", local: true, sensitive: false, discoverable: true, tag: { name: "accounts", url: "https://example.com/tags/accounts" },
  item_count: 1, items: [{ id: "116151066915353115", account_id: "112658193342215767", state: "accepted", created_at: "2026-02-25T11:35:01.394Z" }],
  created_at: "2026-02-25T11:35:01.394Z", updated_at: "2026-02-25T11:35:01.394Z",
};
const ITEM = COLLECTION.items[0];

function reply(r: RecordedRequest): Reply {
  if (r.method === "DELETE" || r.path.endsWith("/revoke")) return { body: {} };
  if (r.path.endsWith("/items")) return { body: { collection_item: ITEM } };
  if (/collections$/.test(r.path)) {
    return r.method === "GET"
      ? { body: { collections: [COLLECTION] }, headers: { link: `<http://127.0.0.1${r.path}?offset=40>; rel="next"` } }
      : { body: { collection: COLLECTION } };
  }
  return { body: r.method === "GET" ? { accounts: [], collection: COLLECTION } : { collection: COLLECTION } };
}

/** The JSON body of a request, or null when there is none. */
function json(r: RecordedRequest | undefined): unknown {
  return r && r.body.length > 0 ? JSON.parse(r.body.toString("utf8")) : null;
}

test("collections (4.6): create and update as JSON, read, list per account, add / remove / revoke items, delete", async () => {
  const server = await startScriptedServer(reply);
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const created = await m.collectionCreate("Nice accounts", {
      description: "These accounts are very nice", language: "en", tag_name: "#accounts", sensitive: false, discoverable: true,
      account_ids: ["112658193342215767", { id: "117628196343117789" }],
    });
    assert.ok(created.collection.created_at instanceof Date);
    const one = await m.collection(created.collection);
    assert.deepEqual(one.accounts, []);
    await m.collectionUpdate("116131056935959117", { name: "Nicer accounts", discoverable: false });
    const mine = await m.accountCollections("113668893442515793", { limit: 40 });
    assert.equal(mine.collections[0]?.name, "Nice accounts");
    assert.equal(m.getPaginationInfo(mine, "next")?.params.offset, "40");
    await m.accountInCollections("112658193342215767", { offset: 0 });
    const added = await m.collectionItemAdd(created.collection, "112658193342215767");
    assert.equal(added.collection_item.state, "accepted");
    assert.deepEqual(await m.collectionItemRemove("116131056935959117", added.collection_item), {});
    assert.deepEqual(await m.collectionItemRevoke("116131056935959117", "116151066915353115"), {});
    assert.deepEqual(await m.collectionDelete(created.collection), {});

    const requests = server.requests;
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}${r.query.size > 0 ? `?${r.query.toString()}` : ""}`), [
      "POST /api/v1/collections",
      "GET /api/v1/collections/116131056935959117",
      "PATCH /api/v1/collections/116131056935959117",
      "GET /api/v1/accounts/113668893442515793/collections?limit=40",
      "GET /api/v1/accounts/112658193342215767/in_collections?offset=0",
      "POST /api/v1/collections/116131056935959117/items",
      "DELETE /api/v1/collections/116131056935959117/items/116151066915353115",
      "POST /api/v1/collections/116131056935959117/items/116151066915353115/revoke",
      "DELETE /api/v1/collections/116131056935959117",
    ]);
    assert.equal(requests[0]?.headers["content-type"], "application/json");
    assert.deepEqual(json(requests[0]), {
      name: "Nice accounts", description: "These accounts are very nice", language: "en", tag_name: "#accounts",
      sensitive: false, discoverable: true, account_ids: ["112658193342215767", "117628196343117789"],
    });
    assert.deepEqual(json(requests[2]), { name: "Nicer accounts", discoverable: false });
    assert.deepEqual(json(requests[5]), { account_id: "112658193342215767" });
    assert.equal(json(requests[6]), null);
  } finally {
    await server.close();
  }
});

test("collection arguments that cannot work are refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  const refused = (call: Promise<unknown>, message: RegExp): Promise<void> =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(m.collectionCreate(" "), /name/);
  await refused(m.collectionUpdate("1", { name: "" }), /name/);
  await refused(m.accountCollections("1", { limit: -1 }), /limit/);
  await refused(m.accountInCollections("1", { offset: 1.5 }), /offset/);
  await refused(m.collectionItemAdd("1", ""), /account_id/);
});

test("per-account Collection lists: the accounts/ path first, the documented path on a 404, remembered", async () => {
  const server = await startScriptedServer((req) => req.path.startsWith("/api/v1/accounts/")
    ? { status: 404, body: { error: "Record not found" } }
    : { body: { collections: [] } });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    await m.accountCollections("42", { limit: 5 });
    await m.accountInCollections("42");
    assert.deepEqual(server.requests.map((r) => r.path), [
      "/api/v1/accounts/42/collections", "/api/v1/42/collections", "/api/v1/42/in_collections",
    ]);
    assert.equal(server.requests[1]?.query.get("limit"), "5");
  } finally {
    await server.close();
  }
});
