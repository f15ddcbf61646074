import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

const LIST = { id: "3", title: "ham burglars", replies_policy: "list", exclusive: false };
const ACCOUNT = { id: "117", username: "admin", acct: "admin", created_at: "2026-08-01T00:00:00.000Z" };

test("lists: create, update, read, members, delete, with the form fields Mastodon.py sends", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path.endsWith("/accounts")) return { body: r.method === "GET" ? [ACCOUNT] : {} };
    if (r.method === "DELETE") return { body: {} };
    return { body: r.path === "/api/v1/lists" && r.method === "GET" ? [LIST] : LIST };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const created = await m.listCreate("ham burglars");
    assert.deepEqual(created, LIST);
    await m.listCreate("exclusive", { replies_policy: "none", exclusive: true });
    await m.listUpdate(created, "fry kids");
    assert.deepEqual(await m.lists(), [LIST]);
    assert.equal((await m.list("3")).title, "ham burglars");
    assert.deepEqual(await m.listAccountsAdd(created, ACCOUNT), {});
    await m.listAccountsAdd("3", ["117", "118"]);
    const members = await m.listAccounts(created);
    assert.ok(members[0]?.created_at instanceof Date);
    await m.listAccounts("3", { limit: 0, max_id: "200" });
    await m.listAccountsDelete(created, ["117"]);
    await m.listDelete(created);
    assert.deepEqual(server.requests.map(wire), [
      "POST /api/v1/lists title=ham burglars&replies_policy=list&exclusive=false",
      "POST /api/v1/lists title=exclusive&replies_policy=none&exclusive=true",
      "PUT /api/v1/lists/3 title=fry kids&replies_policy=list&exclusive=false",
      "GET /api/v1/lists",
      "GET /api/v1/lists/3",
      "POST /api/v1/lists/3/accounts account_ids[]=117",
      "POST /api/v1/lists/3/accounts account_ids[]=117&account_ids[]=118",
      "GET /api/v1/lists/3/accounts",
      "GET /api/v1/lists/3/accounts?max_id=200&limit=0",
      "DELETE /api/v1/lists/3/accounts account_ids[]=117",
      "DELETE /api/v1/lists/3",
    ]);
  } finally {
    await server.close();
  }
});

test("list arguments that cannot work are refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  const refused = (call: Promise<unknown>, message: RegExp): Promise<void> =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(m.listCreate("x", { replies_policy: "everyone" }), /replies_policy must be one of followed, list, none/);
  await refused(m.listUpdate("3", "x", { replies_policy: "all" }), /replies_policy/);
  await refused(m.listCreate(""), /title/);
  await refused(m.listAccountsAdd("3", []), /account_ids/);
  await refused(m.listAccountsDelete("3", [""]), /account_ids/);
  await refused(m.list(".."), /not a valid id/);
});
