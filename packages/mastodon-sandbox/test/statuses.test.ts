// Statuses with Mastodon's semantics: HTML, mentions, visibility, threads, interactions,
// edits, deletion, idempotency, scheduling and polls (docs: methods/statuses.md).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { arr, call, obj, sleep, str, useSandbox, user } from "./helpers.ts";

describe("statuses", () => {
  const sandbox = useSandbox({ rateLimit: false });
  const post = async (who: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const s = sandbox();
    const result = await call(s.url, "POST", "/api/v1/statuses", { token: user(s, who).access_token, form, headers });
    assert.equal(result.status, 200, result.text);
    return obj(result.body);
  };

  test("posting renders mentions, hashtags and links, and notifies the mentioned", async () => {
    const s = sandbox();
    const status = await post("alice", { status: "Hi @bob, see #Sandbox https://example.com/x" });
    assert.match(str(status["content"]), /class="u-url mention">@<span>bob<\/span>/);
    assert.deepEqual(status["tags"], [{ name: "sandbox", url: `${s.url}/tags/sandbox` }]);
    assert.deepEqual(arr(status["mentions"]).map((m) => obj(m)["username"]), ["bob"]);
    assert.equal(status["visibility"], "public");
    assert.equal(status["favourited"], false);
    assert.deepEqual(status["application"], { name: "Mastodon Sandbox", website: null });
    assert.equal(status["card"], null);
    const notifications = await call(s.url, "GET", "/api/v1/notifications?types[]=mention", { token: user(s, "bob").access_token });
    assert.equal(obj(obj(arr(notifications.body)[0])["status"])["id"], status["id"]);
  });

  test("visibility: private for followers, direct for the mentioned, others get 404", async () => {
    const s = sandbox();
    const admin = user(s, "admin").access_token;
    const priv = await post("alice", { status: "followers only", visibility: "private" });
    const direct = await post("alice", { status: "@admin psst", visibility: "direct" });
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${str(priv["id"])}`, { token: admin })).status, 404);
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${str(priv["id"])}`)).status, 404);
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${str(direct["id"])}`, { token: admin })).status, 200);
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${str(direct["id"])}`, { token: user(s, "bob").access_token })).status, 404);
    await call(s.url, "POST", `/api/v1/accounts/${user(s, "alice").id}/follow`, { token: admin });
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${str(priv["id"])}`, { token: admin })).status, 200);
    const bad = await call(s.url, "POST", "/api/v1/statuses", { token: admin, form: { status: "x", visibility: "secret" } });
    assert.equal(bad.status, 422);
  });

  test("replies and context", async () => {
    const s = sandbox();
    const root = await post("alice", { status: "root" });
    const reply = await post("bob", { status: "@alice reply", in_reply_to_id: str(root["id"]) });
    const nested = await post("alice", { status: "@bob nested", in_reply_to_id: str(reply["id"]) });
    assert.equal(reply["in_reply_to_account_id"], user(s, "alice").id);
    const context = obj((await call(s.url, "GET", `/api/v1/statuses/${str(reply["id"])}/context`)).body);
    assert.deepEqual(arr(context["ancestors"]).map((x) => obj(x)["id"]), [root["id"]]);
    assert.deepEqual(arr(context["descendants"]).map((x) => obj(x)["id"]), [nested["id"]]);
    const missing = await call(s.url, "POST", "/api/v1/statuses", { token: user(s, "bob").access_token, form: { status: "x", in_reply_to_id: "1" } });
    assert.equal(missing.status, 404);
    assert.equal(obj((await call(s.url, "GET", `/api/v1/statuses/${str(root["id"])}`)).body)["replies_count"], 1);
  });

  test("reblog, favourite, bookmark, pin and their lists", async () => {
    const s = sandbox();
    const bob = user(s, "bob").access_token;
    const alice = user(s, "alice").access_token;
    const status = await post("alice", { status: "boost me" });
    const id = str(status["id"]);
    const reblog = obj((await call(s.url, "POST", `/api/v1/statuses/${id}/reblog`, { token: bob })).body);
    assert.equal(obj(reblog["reblog"])["id"], id);
    assert.equal(reblog["reblogged"], true);
    assert.equal(obj(reblog["reblog"])["reblogs_count"], 1);
    const fav = obj((await call(s.url, "POST", `/api/v1/statuses/${id}/favourite`, { token: bob })).body);
    assert.equal(fav["favourited"], true);
    assert.equal(fav["favourites_count"], 1);
    const rebloggedBy = await call(s.url, "GET", `/api/v1/statuses/${id}/reblogged_by`);
    assert.deepEqual(arr(rebloggedBy.body).map((a) => obj(a)["username"]), ["bob"]);
    const favouritedBy = await call(s.url, "GET", `/api/v1/statuses/${id}/favourited_by`);
    assert.deepEqual(arr(favouritedBy.body).map((a) => obj(a)["username"]), ["bob"]);
    assert.equal(obj((await call(s.url, "POST", `/api/v1/statuses/${id}/bookmark`, { token: bob })).body)["bookmarked"], true);
    assert.deepEqual(arr((await call(s.url, "GET", "/api/v1/bookmarks", { token: bob })).body).map((x) => obj(x)["id"]), [id]);
    assert.deepEqual(arr((await call(s.url, "GET", "/api/v1/favourites", { token: bob })).body).map((x) => obj(x)["id"]), [id]);
    const types = arr((await call(s.url, "GET", "/api/v1/notifications", { token: alice })).body).map((n) => obj(n)["type"]);
    assert.ok(types.includes("reblog") && types.includes("favourite"));
    const unreblogged = obj((await call(s.url, "POST", `/api/v1/statuses/${id}/unreblog`, { token: bob })).body);
    assert.equal(unreblogged["reblogged"], false);
    assert.equal(unreblogged["reblogs_count"], 0);
    assert.equal(obj((await call(s.url, "POST", `/api/v1/statuses/${id}/pin`, { token: alice })).body)["pinned"], true);
    const pinned = await call(s.url, "GET", `/api/v1/accounts/${user(s, "alice").id}/statuses?pinned=true`);
    assert.deepEqual(arr(pinned.body).map((x) => obj(x)["id"]), [id]);
    assert.equal((await call(s.url, "POST", `/api/v1/statuses/${id}/pin`, { token: bob })).status, 422);
  });

  test("edit keeps history and source; delete returns the text", async () => {
    const s = sandbox();
    const alice = user(s, "alice").access_token;
    const status = await post("alice", { status: "first version", spoiler_text: "cw" });
    const id = str(status["id"]);
    const edited = await call(s.url, "PUT", `/api/v1/statuses/${id}`, { token: alice, json: { status: "second version" } });
    assert.equal(edited.status, 200);
    assert.notEqual(obj(edited.body)["edited_at"], null);
    const history = arr((await call(s.url, "GET", `/api/v1/statuses/${id}/history`)).body);
    assert.deepEqual(history.map((h) => obj(h)["content"]), ["<p>first version</p>", "<p>second version</p>"]);
    const source = obj((await call(s.url, "GET", `/api/v1/statuses/${id}/source`, { token: alice })).body);
    assert.deepEqual(source, { id, text: "second version", spoiler_text: "cw" });
    assert.equal((await call(s.url, "PUT", `/api/v1/statuses/${id}`, { token: user(s, "bob").access_token, json: { status: "hijack" } })).status, 404);
    const deleted = obj((await call(s.url, "DELETE", `/api/v1/statuses/${id}`, { token: alice })).body);
    assert.equal(deleted["text"], "second version");
    assert.equal(deleted["content"], undefined);
    assert.equal((await call(s.url, "GET", `/api/v1/statuses/${id}`)).status, 404);
  });

  test("Idempotency-Key returns the same status", async () => {
    const first = await post("alice", { status: "only once" }, { "idempotency-key": "k1" });
    const second = await post("alice", { status: "only once" }, { "idempotency-key": "k1" });
    assert.equal(first["id"], second["id"]);
  });

  test("scheduled_at creates a ScheduledStatus that can be listed, moved and cancelled", async () => {
    const s = sandbox();
    const alice = user(s, "alice").access_token;
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await post("alice", { status: "later", scheduled_at: at });
    assert.equal(obj(scheduled["params"])["text"], "later");
    assert.ok(str(scheduled["scheduled_at"]).startsWith(at.slice(0, 16)));
    const list = arr((await call(s.url, "GET", "/api/v1/scheduled_statuses", { token: alice })).body);
    assert.equal(list.length, 1);
    const moved = await call(s.url, "PUT", `/api/v1/scheduled_statuses/${str(scheduled["id"])}`, { token: alice, form: { scheduled_at: new Date(Date.now() + 7_200_000).toISOString() } });
    assert.equal(moved.status, 200);
    assert.equal((await call(s.url, "DELETE", `/api/v1/scheduled_statuses/${str(scheduled["id"])}`, { token: alice })).status, 200);
    assert.equal(arr((await call(s.url, "GET", "/api/v1/scheduled_statuses", { token: alice })).body).length, 0);
    const tooSoon = await call(s.url, "POST", "/api/v1/statuses", { token: alice, form: { status: "x", scheduled_at: new Date(Date.now() + 60_000).toISOString() } });
    assert.equal(tooSoon.status, 422);
  });

  test("polls and voting", async () => {
    const s = sandbox();
    const status = await post("alice", { status: "vote!", "poll[options][]": ["yes", "no"], "poll[expires_in]": "600", "poll[multiple]": "true" });
    const poll = obj(status["poll"]);
    assert.equal(poll["multiple"], true);
    assert.equal(poll["voted"], true, "the author counts as having voted");
    const bob = user(s, "bob").access_token;
    const voted = obj((await call(s.url, "POST", `/api/v1/polls/${str(poll["id"])}/votes`, { token: bob, form: { "choices[]": ["0", "1"] } })).body);
    assert.deepEqual(voted["own_votes"], [0, 1]);
    assert.equal(voted["votes_count"], 2);
    assert.equal(voted["voters_count"], 1);
    const again = await call(s.url, "POST", `/api/v1/polls/${str(poll["id"])}/votes`, { token: bob, form: { "choices[]": "0" } });
    assert.equal(again.status, 422);
    const bad = await call(s.url, "POST", "/api/v1/statuses", { token: bob, form: { status: "x", "poll[options][]": ["only one"], "poll[expires_in]": "600" } });
    assert.equal(bad.status, 422);
  });

  test("reblogs of private statuses are not allowed", async () => {
    const s = sandbox();
    const status = await post("alice", { status: "mine", visibility: "private" });
    await call(s.url, "POST", `/api/v1/accounts/${user(s, "alice").id}/follow`, { token: user(s, "admin").access_token });
    const result = await call(s.url, "POST", `/api/v1/statuses/${str(status["id"])}/reblog`, { token: user(s, "admin").access_token });
    assert.equal(result.status, 403);
    assert.deepEqual(result.body, { error: "This action is not allowed" });
    await sleep(1);
  });
});
