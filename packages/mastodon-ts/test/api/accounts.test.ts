import { test } from "node:test";
import assert from "node:assert/strict";
import { MastodonAPIError } from "../../src/index.ts";
import type { Reply } from "../support/scripted-server.ts";
import { withServer, wire, refuseAll, refused } from "../support/wire.ts";

const ACCOUNT = { id: "117", username: "ann", acct: "ann", created_at: "2026-08-01T00:00:00.000Z", last_status_at: "2026-07-31", fields: [] };
const RELATIONSHIP = { id: "117", following: false, note: "" };

test("reading accounts: several by id, me, lookup, lists, familiar followers, featured tags, identity proofs", async () => {
  const answers: Record<string, unknown> = {
    "/api/v1/accounts": [ACCOUNT, { ...ACCOUNT, id: "118" }],
    "/api/v1/accounts/verify_credentials": { ...ACCOUNT, source: { privacy: "public" } },
    "/api/v1/accounts/lookup": ACCOUNT,
    "/api/v1/accounts/117/lists": [{ id: "4", title: "ham burglars", replies_policy: "list", exclusive: false }],
    "/api/v1/accounts/familiar_followers": [{ id: "117", accounts: [] }],
    "/api/v1/accounts/117/featured_tags": [{ id: "2", name: "coolfree", statuses_count: "0", last_status_at: "2026-07-30", url: "u" }],
    "/api/v1/accounts/117/identity_proofs": [],
  };
  await withServer((r) => ({ body: answers[r.path] ?? {} }), async (m, requests) => {
    const many = await m.accounts(["117", { id: "118" }]);
    assert.deepEqual(many.map((a) => a.id), ["117", "118"]);
    assert.ok(many[0]?.created_at instanceof Date);
    const me = await m.me();
    assert.equal(me.source.privacy, "public");
    assert.equal((await m.accountLookup("ann@localhost:3000")).username, "ann");
    const lists = await m.accountLists(ACCOUNT);
    assert.equal(lists[0]?.title, "ham burglars");
    await m.accountFamiliarFollowers("117");
    await m.accountFamiliarFollowers(["117", ACCOUNT]);
    const tags = await m.accountFeaturedTags("117");
    assert.ok(tags[0]?.last_status_at instanceof Date);
    assert.deepEqual(await m.accountIdentityProofs("117"), []);
    await m.accounts("117");
    assert.deepEqual(requests.map(wire), [
      "GET /api/v1/accounts?id[]=117&id[]=118",
      "GET /api/v1/accounts/verify_credentials",
      "GET /api/v1/accounts/lookup?acct=ann@localhost:3000",
      "GET /api/v1/accounts/117/lists",
      // Mastodon.py always sends a list here, even for one account.
      "GET /api/v1/accounts/familiar_followers?id[]=117",
      "GET /api/v1/accounts/familiar_followers?id[]=117&id[]=117",
      "GET /api/v1/accounts/117/featured_tags",
      "GET /api/v1/accounts/117/identity_proofs",
      "GET /api/v1/accounts?id[]=117",
    ]);
  });
});

test("acting on accounts: remove from followers, private note, and mute sends notifications as Mastodon.py does", async () => {
  await withServer(() => ({ body: RELATIONSHIP }), async (m, requests) => {
    assert.equal((await m.accountRemoveFromFollowers(ACCOUNT)).id, "117");
    await m.accountNoteSet("117", "top ebayer gerne wieder");
    await m.accountNoteSet("117", "");
    await m.accountMute("117");
    await m.accountMute("117", { notifications: false, duration: 3 });
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/accounts/117/remove_from_followers",
      "POST /api/v1/accounts/117/note comment=top ebayer gerne wieder",
      "POST /api/v1/accounts/117/note comment=",
      "POST /api/v1/accounts/117/mute notifications=true",
      "POST /api/v1/accounts/117/mute notifications=false&duration=3",
    ]);
  });
});

test("more than four profile fields go to the server, which decides (its limit is configurable)", async () => {
  const reply: Reply = { status: 422, body: { error: "Validation failed: Fields is too long" } };
  await withServer(() => reply, async (m, requests) => {
    const fields: Array<[string, string]> = [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"], ["i", "j"]];
    await assert.rejects(m.accountUpdateCredentials({ fields }), (e: unknown) => e instanceof MastodonAPIError && e.status === 422);
    assert.equal(requests[0]?.form.get("fields_attributes[4][value]"), "j");
  });
});

test("obviously wrong account arguments are refused before any request", async () => {
  await refused(() => refuseAll.accountLookup(""), /acct/);
  await refused(() => refuseAll.accounts([""]), /ids/);
  await refused(() => refuseAll.accounts([]), /ids must name at least one account/);
  await refused(() => refuseAll.accountFamiliarFollowers([]), /id must name at least one account/);
  await refused(() => refuseAll.accountFamiliarFollowers({} as { id: string }), /id/);
  await refused(() => refuseAll.accountNoteSet("1", undefined as unknown as string), /comment/);
});
