import { test } from "node:test";
import assert from "node:assert/strict";
import { MastodonIllegalArgumentError, type Status } from "../../src/index.ts";
import { type RecordedRequest, type Reply } from "../support/scripted-server.ts";
import { withServer } from "../support/wire.ts";

const ME = { id: "100", acct: "me", username: "me" };
const ALICE = { id: "200", acct: "alice", username: "alice" };
const BOB = { id: "300", acct: "bob@remote.example", username: "bob" };

/** A status as the server sends it, enough for status_reply. */
function statusJson(id: string, account: typeof ME, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, created_at: "2026-08-01T13:45:00.000Z", account, mentions: [], visibility: "public", spoiler_text: "", content: "<p>x</p>", ...extra };
}

/** Answers verify_credentials with ME, GET /statuses/:id with a stored status, and echoes posts as statuses. */
function server(stored: Record<string, unknown> = {}): (request: RecordedRequest) => Reply {
  return (request) => {
    if (request.path === "/api/v1/accounts/verify_credentials") return { body: ME };
    const get = /^\/api\/v1\/statuses\/(\d+)$/.exec(request.path);
    if (request.method === "GET" && get?.[1] && stored[get[1]]) return { body: stored[get[1]] };
    if (request.path.startsWith("/api/v1/statuses")) return { body: statusJson("999", ME, { content: request.form.get("status") }) };
    return { body: {} };
  };
}

test("statusReply mentions the author and the others mentioned, not me, and keeps visibility and CW", async () => {
  const original = statusJson("50", ALICE, { mentions: [ME, BOB, ALICE], visibility: "unlisted", spoiler_text: "food" });
  await withServer(server(), async (m, requests) => {
    const reply = await m.statusReply(original as unknown as Status, "same!");
    assert.equal(reply.id, "999");
    const post = requests.find((r) => r.method === "POST");
    assert.equal(post?.path, "/api/v1/statuses");
    assert.equal(post?.form.get("status"), "@alice @bob@remote.example same!");
    assert.equal(post?.form.get("in_reply_to_id"), "50");
    assert.equal(post?.form.get("visibility"), "unlisted");
    assert.equal(post?.form.get("spoiler_text"), "food");
    // The Idempotency-Key of status_post is kept.
    assert.match(String(post?.headers["idempotency-key"]), /^[0-9a-f-]{36}$/);
  });
});

test("statusReply: untag, overrides, a self-reply, and verify_credentials asked only once", async () => {
  const mine = statusJson("51", ME, { mentions: [ALICE], visibility: "private", spoiler_text: "" });
  await withServer(server(), async (m, requests) => {
    await m.statusReply(mine as unknown as Status, "one", { untag: true });
    await m.statusReply(mine as unknown as Status, "two", { visibility: "direct", spoiler_text: "cw", sensitive: true });
    const posts = requests.filter((r) => r.method === "POST");
    assert.equal(posts[0]?.form.get("status"), "@me one");
    assert.equal(posts[0]?.form.get("visibility"), "private");
    assert.equal(posts[0]?.form.get("spoiler_text"), "");
    assert.equal(posts[0]?.form.has("untag"), false);
    assert.equal(posts[1]?.form.get("status"), "@me @alice two");
    assert.equal(posts[1]?.form.get("visibility"), "direct");
    assert.equal(posts[1]?.form.get("spoiler_text"), "cw");
    assert.equal(posts[1]?.form.get("sensitive"), "true");
    assert.equal(requests.filter((r) => r.path === "/api/v1/accounts/verify_credentials").length, 1);
  });
});

test("statusReply given an id fetches the status first; bad options fail before any request", async () => {
  await withServer(server({ 52: statusJson("52", BOB) }), async (m, requests) => {
    await m.statusReply("52", "hi");
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [
      "GET /api/v1/accounts/verify_credentials", "GET /api/v1/statuses/52", "POST /api/v1/statuses",
    ]);
    assert.equal(requests[2]?.form.get("status"), "@bob@remote.example hi");
    await assert.rejects(m.statusPost("x", { quote_approval_policy: "friends" }), MastodonIllegalArgumentError);
    await assert.rejects(m.statusPost("x", { quote_id: "1" }), /quote_id.*fedibird/);
    assert.equal(requests.length, 3);
  });
});

test("statuses() sends id[] (also for one id), and the status actions hit their paths", async () => {
  await withServer((request) => ({ body: request.path === "/api/v1/statuses" ? [statusJson("1", ME)] : statusJson("1", ME) }), async (m, requests) => {
    const found = await m.statuses(["1", { id: "2" }]);
    assert.equal(found[0]?.id, "1");
    await m.statuses("3");
    assert.deepEqual(requests[0]?.query.getAll("id[]"), ["1", "2"]);
    assert.deepEqual(requests[1]?.query.getAll("id[]"), ["3"]);
    await assert.rejects(m.statuses([]), /ids/);

    const status = { id: "7" };
    await m.statusPin(status);
    await m.statusUnpin(status);
    await m.statusBookmark("7");
    await m.statusUnbookmark("7");
    await m.statusTranslate("7", { lang: "de" });
    await m.statusTranslate("7");
    const actions = requests.slice(2);
    assert.deepEqual(actions.map((r) => `${r.method} ${r.path}`), [
      "POST /api/v1/statuses/7/pin", "POST /api/v1/statuses/7/unpin", "POST /api/v1/statuses/7/bookmark",
      "POST /api/v1/statuses/7/unbookmark", "POST /api/v1/statuses/7/translate", "POST /api/v1/statuses/7/translate",
    ]);
    assert.equal(actions[4]?.form.get("lang"), "de");
    assert.equal(actions[5]?.body.length, 0);
  });
});

test("reblogged_by and favourited_by accept paging options and keep the Link pagination", async () => {
  const link = '<https://example.social/api/v1/statuses/7/reblogged_by?max_id=5>; rel="next"';
  await withServer(() => ({ body: [ALICE], headers: { link } }), async (m, requests) => {
    const page = await m.statusRebloggedBy("7", { limit: 2, max_id: "9" });
    await m.statusFavouritedBy("7");
    assert.equal(requests[0]?.path, "/api/v1/statuses/7/reblogged_by");
    assert.equal(requests[0]?.query.get("limit"), "2");
    assert.equal(requests[0]?.query.get("max_id"), "9");
    assert.equal(requests[1]?.path, "/api/v1/statuses/7/favourited_by");
    assert.equal(m.getPaginationInfo(page, "next")?.params.max_id, "5");
  });
});
