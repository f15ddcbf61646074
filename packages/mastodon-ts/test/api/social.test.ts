import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { type RecordedRequest, type Reply } from "../support/scripted-server.ts";
import { withServer, wire } from "../support/wire.ts";

const ACCOUNT = { id: "117", username: "admin", acct: "admin", created_at: "2026-08-01T00:00:00.000Z" };
const RELATIONSHIP = { id: "117", following: true, endorsed: true };
const STATUS = { id: "9", created_at: "2026-08-01T13:50:18.598Z", account: ACCOUNT };
const CONVERSATION = { id: "15", unread: false, accounts: [ACCOUNT], last_status: STATUS };

test("endorsements: pin/unpin (old), endorse/unendorse (4.4), the user's and another account's featured accounts", async () => {
  await withServer((r) => ({ body: r.method === "POST" ? RELATIONSHIP : [ACCOUNT] }), async (m, requests) => {
    assert.equal((await m.accountPin(ACCOUNT)).id, "117");
    await m.accountUnpin("117");
    await m.accountEndorse("117");
    await m.accountUnendorse(ACCOUNT);
    const mine = await m.endorsements();
    assert.ok(mine[0]?.created_at instanceof Date);
    await m.endorsements({ limit: 2, max_id: "832844" });
    await m.accountEndorsements("117", { since_id: "5" });
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/accounts/117/pin",
      "POST /api/v1/accounts/117/unpin",
      "POST /api/v1/accounts/117/endorse",
      "POST /api/v1/accounts/117/unendorse",
      "GET /api/v1/endorsements",
      "GET /api/v1/endorsements?max_id=832844&limit=2",
      "GET /api/v1/accounts/117/endorsements?since_id=5",
    ]);
  });
});

test("bookmarks and conversations: paging, Dates as paging ids, read and delete", async () => {
  await withServer((r) => {
    if (r.path === "/api/v1/bookmarks") return { body: [STATUS] };
    if (r.path === "/api/v1/conversations") return { body: [CONVERSATION], headers: { link: "<http://x/api/v1/conversations?max_id=14>; rel=\"next\"" } };
    return { body: r.method === "DELETE" ? {} : CONVERSATION };
  }, async (m, requests) => {
    const marks = await m.bookmarks({ limit: 1 });
    assert.ok(marks[0]?.created_at instanceof Date);
    await m.bookmarks({ min_id: new Date(Date.UTC(2026, 7, 1)) });
    const page = await m.conversations();
    assert.equal(page[0]?.last_status?.id, "9");
    assert.equal(m.getPaginationInfo(page, "next")?.params.max_id, "14");
    assert.equal((await m.conversationsRead(page[0] ?? "15")).id, "15");
    assert.deepEqual(await m.conversationsDelete("15"), {});
    assert.deepEqual(requests.map(wire), [
      "GET /api/v1/bookmarks?limit=1",
      `GET /api/v1/bookmarks?min_id=${((BigInt(Date.UTC(2026, 7, 1) / 1000) << 16n) * 1000n).toString()}`,
      "GET /api/v1/conversations",
      "POST /api/v1/conversations/15/read",
      "DELETE /api/v1/conversations/15",
    ]);
  });
});

test("suggestions: v2 on servers since 3.4, v1 before; removing one", async () => {
  const reply = (r: RecordedRequest): Reply => ({ body: r.method === "DELETE" ? {} : r.path === "/api/v2/suggestions" ? [{ source: "staff", sources: ["featured"], account: ACCOUNT }] : [ACCOUNT] });
  await withServer(reply, async (m, requests) => {
    const suggested = await m.suggestions();
    assert.deepEqual(suggested[0] && "sources" in suggested[0] ? suggested[0].sources : null, ["featured"]);
    await m.suggestionsV2({ limit: 5 });
    await m.suggestionsV1();
    assert.deepEqual(await m.suggestionDelete(ACCOUNT), {});
    assert.deepEqual(requests.map(wire), [
      "GET /api/v2/suggestions", "GET /api/v2/suggestions?limit=5", "GET /api/v1/suggestions", "DELETE /api/v1/suggestions/117",
    ]);
  }, { mastodon_version: "4.6.0" });
  await withServer(reply, async (m, requests) => {
    const [first] = await m.suggestions();
    assert.equal(first && "id" in first ? first.id : null, "117");
    assert.deepEqual(requests.map(wire), ["GET /api/v1/suggestions"]);
  }, { mastodon_version: "3.3.0" });
});

test("the profile directory, and the seed's lists of blocked, muted and requesting accounts", async () => {
  await withServer((r) => ({ body: r.path.includes("domain_blocks") && r.method !== "GET" ? {} : r.method === "POST" ? RELATIONSHIP : [ACCOUNT] }), async (m, requests) => {
    await m.directory();
    await m.directory({ offset: 40, limit: 20, order: "new", local: true });
    await m.followRequests({ limit: 2 });
    await m.followRequestAuthorize(ACCOUNT);
    await m.followRequestReject("117");
    await m.blocks();
    await m.mutes({ since_id: "1" });
    await m.domainBlocks();
    await m.domainBlock("example.com");
    await m.domainUnblock("example.com");
    assert.deepEqual(requests.map(wire), [
      "GET /api/v1/directory",
      "GET /api/v1/directory?offset=40&limit=20&order=new&local=true",
      "GET /api/v1/follow_requests?limit=2",
      "POST /api/v1/follow_requests/117/authorize",
      "POST /api/v1/follow_requests/117/reject",
      "GET /api/v1/blocks",
      "GET /api/v1/mutes?since_id=1",
      "GET /api/v1/domain_blocks",
      "POST /api/v1/domain_blocks domain=example.com",
      "DELETE /api/v1/domain_blocks domain=example.com",
    ]);
  });
});

test("directory order and suggestion limits are checked before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  const refused = (call: Promise<unknown>, message: RegExp): Promise<void> =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(m.directory({ order: "popular" }), /order must be one of active, new/);
  await refused(m.suggestionsV2({ limit: 0 }), /limit/);
  await refused(m.suggestions({ limit: 2.5 }), /limit/);
  await refused(m.conversationsRead(""), /must not be empty/);
});
