// Accounts and the social graph, timelines and notifications (docs: methods/accounts.md,
// timelines.md, notifications.md, follow_requests.md, lists.md, search.md).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { arr, call, obj, str, useSandbox, user } from "./helpers.ts";

describe("accounts and relationships", () => {
  const sandbox = useSandbox({ rateLimit: false });

  test("lookup, search, get, relationships", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const bob = obj((await call(s.url, "GET", "/api/v1/accounts/lookup?acct=bob")).body);
    assert.equal(bob["id"], user(s, "bob").id);
    assert.equal(bob["locked"], true);
    assert.equal((await call(s.url, "GET", "/api/v1/accounts/lookup?acct=nobody")).status, 404);
    const found = arr((await call(s.url, "GET", "/api/v1/accounts/search?q=ali", { token })).body);
    assert.deepEqual(found.map((a) => obj(a)["username"]), ["alice"]);
    const relationships = arr((await call(s.url, "GET", `/api/v1/accounts/relationships?id[]=${user(s, "bob").id}`, { token })).body);
    assert.equal(obj(relationships[0])["following"], false);
  });

  test("following a locked account makes a follow request; authorize turns it into a follow", async () => {
    const s = sandbox();
    const alice = user(s, "alice");
    const bob = user(s, "bob");
    const requested = obj((await call(s.url, "POST", `/api/v1/accounts/${bob.id}/follow`, { token: alice.access_token })).body);
    assert.equal(requested["requested"], true);
    assert.equal(requested["following"], false);
    const requests = arr((await call(s.url, "GET", "/api/v1/follow_requests", { token: bob.access_token })).body);
    assert.deepEqual(requests.map((a) => obj(a)["username"]), ["alice"]);
    const notifications = arr((await call(s.url, "GET", "/api/v1/notifications?types[]=follow_request", { token: bob.access_token })).body);
    assert.equal(notifications.length, 1);
    const authorized = obj((await call(s.url, "POST", `/api/v1/follow_requests/${alice.id}/authorize`, { token: bob.access_token })).body);
    assert.equal(authorized["followed_by"], true);
    const followers = arr((await call(s.url, "GET", `/api/v1/accounts/${bob.id}/followers`)).body);
    assert.deepEqual(followers.map((a) => obj(a)["username"]), ["alice"]);
    const verified = obj((await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: alice.access_token })).body);
    assert.equal(verified["following_count"], 1);
    const unfollowed = obj((await call(s.url, "POST", `/api/v1/accounts/${bob.id}/unfollow`, { token: alice.access_token })).body);
    assert.equal(unfollowed["following"], false);
  });

  test("unlocked follow notifies with type follow; block, mute, note", async () => {
    const s = sandbox();
    const admin = user(s, "admin");
    const alice = user(s, "alice");
    const followed = obj((await call(s.url, "POST", `/api/v1/accounts/${alice.id}/follow`, { token: admin.access_token, form: { reblogs: "false", notify: "true" } })).body);
    assert.equal(followed["following"], true);
    assert.equal(followed["showing_reblogs"], false);
    assert.equal(followed["notifying"], true);
    const follows = arr((await call(s.url, "GET", "/api/v1/notifications?types[]=follow", { token: alice.access_token })).body);
    assert.equal(obj(obj(follows[0])["account"])["username"], "admin");
    const blocked = obj((await call(s.url, "POST", `/api/v1/accounts/${admin.id}/block`, { token: alice.access_token })).body);
    assert.equal(blocked["blocking"], true);
    assert.equal(blocked["followed_by"], false, "blocking removes the follow");
    assert.deepEqual(arr((await call(s.url, "GET", "/api/v1/blocks", { token: alice.access_token })).body).map((a) => obj(a)["username"]), ["admin"]);
    await call(s.url, "POST", `/api/v1/accounts/${admin.id}/unblock`, { token: alice.access_token });
    const muted = obj((await call(s.url, "POST", `/api/v1/accounts/${admin.id}/mute`, { token: alice.access_token, form: { notifications: "false", duration: "3600" } })).body);
    assert.equal(muted["muting"], true);
    assert.equal(muted["muting_notifications"], false);
    assert.notEqual(muted["muting_expires_at"], null);
    const noted = obj((await call(s.url, "POST", `/api/v1/accounts/${admin.id}/note`, { token: alice.access_token, form: { comment: "the boss" } })).body);
    assert.equal(noted["note"], "the boss");
  });

  test("update_credentials with fields, source and an avatar upload", async () => {
    const s = sandbox();
    const token = user(s, "admin").access_token;
    const form = new FormData();
    form.append("display_name", "The Admin");
    form.append("note", "Runs #things");
    form.append("locked", "true");
    form.append("fields_attributes[0][name]", "site");
    form.append("fields_attributes[0][value]", "https://example.org");
    form.append("source[privacy]", "unlisted");
    const { TINY_PNG } = await import("./helpers.ts");
    form.append("avatar", new Blob([TINY_PNG], { type: "image/png" }), "me.png");
    const updated = await call(s.url, "PATCH", "/api/v1/accounts/update_credentials", { token, multipart: form });
    assert.equal(updated.status, 200, updated.text);
    const body = obj(updated.body);
    assert.equal(body["display_name"], "The Admin");
    assert.equal(body["locked"], true);
    assert.equal(obj(body["source"])["privacy"], "unlisted");
    assert.match(str(obj(arr(body["fields"])[0])["value"]), /href="https:\/\/example.org"/);
    const avatar = await fetch(str(body["avatar"]));
    assert.equal(avatar.status, 200);
    assert.deepEqual(new Uint8Array(await avatar.arrayBuffer()), TINY_PNG);
    const tooMany = await call(s.url, "PATCH", "/api/v1/accounts/update_credentials", {
      token,
      form: Object.fromEntries([0, 1, 2, 3, 4].flatMap((i) => [[`fields_attributes[${i}][name]`, `n${i}`], [`fields_attributes[${i}][value]`, "v"]])),
    });
    assert.equal(tooMany.status, 422);
    assert.ok(obj(tooMany.body)["details"]);
  });
});

describe("timelines and notifications", () => {
  const sandbox = useSandbox({ rateLimit: false });

  test("home shows followed accounts; public shows public only; tag and list timelines", async () => {
    const s = sandbox();
    const admin = user(s, "admin");
    const alice = user(s, "alice");
    await call(s.url, "POST", `/api/v1/accounts/${alice.id}/follow`, { token: admin.access_token });
    const pub = obj((await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "hello #timeline" } })).body);
    const unlisted = obj((await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "quiet", visibility: "unlisted" } })).body);
    const home = arr((await call(s.url, "GET", "/api/v1/timelines/home", { token: admin.access_token })).body).map((x) => obj(x)["id"]);
    assert.deepEqual(home, [unlisted["id"], pub["id"]]);
    const bobHome = arr((await call(s.url, "GET", "/api/v1/timelines/home", { token: user(s, "bob").access_token })).body);
    assert.equal(bobHome.length, 0);
    const publicTimeline = arr((await call(s.url, "GET", "/api/v1/timelines/public")).body).map((x) => obj(x)["id"]);
    assert.deepEqual(publicTimeline, [pub["id"]]);
    assert.equal(arr((await call(s.url, "GET", "/api/v1/timelines/public?remote=true")).body).length, 0);
    const tagged = arr((await call(s.url, "GET", "/api/v1/timelines/tag/Timeline")).body).map((x) => obj(x)["id"]);
    assert.deepEqual(tagged, [pub["id"]]);

    const list = obj((await call(s.url, "POST", "/api/v1/lists", { token: admin.access_token, form: { title: "friends" } })).body);
    assert.deepEqual(Object.keys(list).sort(), ["exclusive", "id", "replies_policy", "title"]);
    const added = await call(s.url, "POST", `/api/v1/lists/${str(list["id"])}/accounts`, { token: admin.access_token, form: { "account_ids[]": alice.id } });
    assert.equal(added.status, 200);
    const notFollowed = await call(s.url, "POST", `/api/v1/lists/${str(list["id"])}/accounts`, { token: admin.access_token, form: { "account_ids[]": user(s, "bob").id } });
    assert.equal(notFollowed.status, 422);
    const listTimeline = arr((await call(s.url, "GET", `/api/v1/timelines/list/${str(list["id"])}`, { token: admin.access_token })).body);
    assert.equal(listTimeline.length, 2);
    const members = arr((await call(s.url, "GET", `/api/v1/lists/${str(list["id"])}/accounts`, { token: admin.access_token })).body);
    assert.deepEqual(members.map((a) => obj(a)["username"]), ["alice"]);
    const renamed = obj((await call(s.url, "PUT", `/api/v1/lists/${str(list["id"])}`, { token: admin.access_token, form: { title: "pals", replies_policy: "none" } })).body);
    assert.equal(renamed["replies_policy"], "none");
    assert.equal((await call(s.url, "GET", `/api/v1/lists/${str(list["id"])}`, { token: alice.access_token })).status, 404);
  });

  test("notification filters, get one, dismiss, clear", async () => {
    const s = sandbox();
    const bob = user(s, "bob");
    const alice = user(s, "alice");
    const status = obj((await call(s.url, "POST", "/api/v1/statuses", { token: alice.access_token, form: { status: "@bob ping" } })).body);
    await call(s.url, "POST", `/api/v1/statuses/${str(status["id"])}/favourite`, { token: user(s, "admin").access_token });
    const all = arr((await call(s.url, "GET", "/api/v1/notifications", { token: bob.access_token })).body);
    const mention = obj(all.find((n) => obj(n)["type"] === "mention"));
    assert.equal(obj((await call(s.url, "GET", `/api/v1/notifications/${str(mention["id"])}`, { token: bob.access_token })).body)["id"], mention["id"]);
    const excluded = arr((await call(s.url, "GET", "/api/v1/notifications?exclude_types[]=mention", { token: bob.access_token })).body);
    assert.ok(excluded.every((n) => obj(n)["type"] !== "mention"));
    assert.equal((await call(s.url, "POST", `/api/v1/notifications/${str(mention["id"])}/dismiss`, { token: bob.access_token })).status, 200);
    assert.equal((await call(s.url, "GET", `/api/v1/notifications/${str(mention["id"])}`, { token: bob.access_token })).status, 404);
    const favs = arr((await call(s.url, "GET", "/api/v1/notifications?types[]=favourite", { token: alice.access_token })).body);
    assert.match(str(obj(favs[0])["group_key"]), /^favourite-\d+-\d+$/);
    const grouped = obj((await call(s.url, "GET", "/api/v2/notifications", { token: alice.access_token })).body);
    assert.ok(Array.isArray(grouped["notification_groups"]));
    await call(s.url, "POST", "/api/v1/notifications/clear", { token: alice.access_token });
    assert.equal(arr((await call(s.url, "GET", "/api/v1/notifications", { token: alice.access_token })).body).length, 0);
  });

  test("search v2 finds accounts, statuses and hashtags", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: "searchable walrus #walruses" } });
    const result = obj((await call(s.url, "GET", "/api/v2/search?q=walrus", { token })).body);
    assert.equal(arr(result["statuses"]).length, 1);
    assert.deepEqual(arr(result["hashtags"]).map((t) => obj(t)["name"]), ["walrus", "walruses"]);
    const accounts = obj((await call(s.url, "GET", "/api/v2/search?q=bob&type=accounts", { token })).body);
    assert.deepEqual(arr(accounts["accounts"]).map((a) => obj(a)["username"]), ["bob"]);
    assert.equal(arr(accounts["statuses"]).length, 0);
    assert.equal((await call(s.url, "GET", "/api/v2/search?q=bob&offset=1")).status, 401);
  });

  test("domain blocks, markers, filters, reports, preferences, tags", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    assert.deepEqual((await call(s.url, "POST", "/api/v1/domain_blocks", { token, form: { domain: "spam.example" } })).body, {});
    assert.deepEqual((await call(s.url, "GET", "/api/v1/domain_blocks", { token })).body, ["spam.example"]);
    await call(s.url, "DELETE", "/api/v1/domain_blocks", { token, form: { domain: "spam.example" } });
    assert.deepEqual((await call(s.url, "GET", "/api/v1/domain_blocks", { token })).body, []);

    const marker = obj((await call(s.url, "POST", "/api/v1/markers", { token, form: { "home[last_read_id]": "123" } })).body);
    assert.equal(obj(marker["home"])["last_read_id"], "123");
    assert.equal(obj(marker["home"])["version"], 1);
    const markers = obj((await call(s.url, "GET", "/api/v1/markers?timeline[]=home&timeline[]=notifications", { token })).body);
    assert.deepEqual(Object.keys(markers), ["home"]);

    const filter = obj((await call(s.url, "POST", "/api/v2/filters", {
      token,
      form: { title: "no spoilers", "context[]": ["home", "public"], filter_action: "warn", "keywords_attributes[][keyword]": "spoiler", "keywords_attributes[][whole_word]": "true" },
    })).body);
    assert.equal(arr(filter["keywords"]).length, 1);
    await call(s.url, "POST", "/api/v1/statuses", { token: user(s, "bob").access_token, form: { status: "big spoiler here" } });
    const timeline = arr((await call(s.url, "GET", "/api/v1/timelines/public", { token })).body);
    const filtered = arr(obj(timeline[0])["filtered"]);
    assert.equal(obj(obj(filtered[0])["filter"])["title"], "no spoilers");
    assert.deepEqual(obj(filtered[0])["keyword_matches"], ["spoiler"]);

    const report = obj((await call(s.url, "POST", "/api/v1/reports", { token, form: { account_id: user(s, "bob").id, comment: "spam", category: "spam" } })).body);
    assert.equal(report["category"], "spam");
    assert.equal(obj(report["target_account"])["username"], "bob");
    const adminNotifications = arr((await call(s.url, "GET", "/api/v1/notifications?types[]=admin.report", { token: user(s, "admin").access_token })).body);
    assert.equal(adminNotifications.length, 1);

    assert.equal(obj((await call(s.url, "GET", "/api/v1/preferences", { token })).body)["posting:default:visibility"], "public");
    const tag = obj((await call(s.url, "POST", "/api/v1/tags/rust/follow", { token })).body);
    assert.equal(tag["following"], true);
    assert.deepEqual(arr((await call(s.url, "GET", "/api/v1/followed_tags", { token })).body).map((t) => obj(t)["name"]), ["rust"]);
  });
});
