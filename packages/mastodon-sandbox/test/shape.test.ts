// Shape conformance: for every entity the sandbox serves, its JSON must have the same keys and
// JSON types as what a real Mastodon 4.6 server sent (../shared/cassettes). Prints one line
// per entity. Skips, saying why, when the shared folder is absent.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startSandbox, type Sandbox } from "../src/index.ts";
import { cassettesAvailable, cassetteDir, recordedJson } from "./cassettes.ts";
import { arr, call, obj, str, TINY_PNG, user } from "./helpers.ts";
import { compareShape } from "./shape.ts";

const skip = cassettesAvailable() ? false : `recorded cassettes not found at ${cassetteDir}`;
if (skip) console.log(`# shape test skipped: ${skip}`);

const first = (value: unknown) => arr(value)[0];
const firstWhere = (predicate: (item: Record<string, unknown>) => boolean) => (value: unknown) => arr(value).map(obj).find(predicate);

/** What the sandbox produced in the scenario, keyed by entity. */
type Produced = Record<string, unknown>;

async function scenario(s: Sandbox): Promise<Produced> {
  const alice = user(s, "alice");
  const bob = user(s, "bob");
  const admin = user(s, "admin");
  const get = async (path: string, token?: string) => (await call(s.url, "GET", path, { token })).body;
  const post = async (path: string, token: string, form: Record<string, string | string[]> = {}) => (await call(s.url, "POST", path, { token, form })).body;

  const app = await call(s.url, "POST", "/api/v1/apps", { form: { client_name: "shape", redirect_uris: "urn:ietf:wg:oauth:2.0:oob", scopes: "read write follow push" } });
  const appBody = obj(app.body);
  const token = await call(s.url, "POST", "/oauth/token", { form: { grant_type: "client_credentials", client_id: str(appBody["client_id"]), client_secret: str(appBody["client_secret"]), scope: "read write follow push" } });

  await post(`/api/v1/accounts/${bob.id}/follow`, admin.access_token);
  await post(`/api/v1/follow_requests/${admin.id}/authorize`, bob.access_token);
  await post(`/api/v1/accounts/${alice.id}/follow`, admin.access_token);
  const status = obj(await post("/api/v1/statuses", alice.access_token, { status: "@admin hello #shape https://example.com" }));
  const reply = obj(await post("/api/v1/statuses", admin.access_token, { status: "@alice reply", in_reply_to_id: str(status["id"]) }));
  // A self-boost, like the recorded one (the inner status then carries "pinned").
  const reblog = await post(`/api/v1/statuses/${str(status["id"])}/reblog`, alice.access_token);
  await post(`/api/v1/statuses/${str(status["id"])}/favourite`, admin.access_token);
  const withPoll = obj(await post("/api/v1/statuses", alice.access_token, { status: "poll", "poll[options][]": ["a", "b"], "poll[expires_in]": "600", "poll[multiple]": "true" }));
  const pollVote = await post(`/api/v1/polls/${str(obj(withPoll["poll"])["id"])}/votes`, admin.access_token, { "choices[]": "1" });
  await call(s.url, "PUT", `/api/v1/statuses/${str(status["id"])}`, { token: alice.access_token, form: { status: "@admin hello again #shape" } });

  const form = new FormData();
  form.append("file", new Blob([TINY_PNG], { type: "image/png" }), "tiny.png");
  const media = (await call(s.url, "POST", "/api/v1/media", { token: alice.access_token, multipart: form })).body;
  const list = await post("/api/v1/lists", admin.access_token, { title: "shape list" });
  const filter = await post("/api/v2/filters", alice.access_token, { title: "f", "context[]": "home", "keywords_attributes[][keyword]": "kw" });
  const filterV1 = await post("/api/v1/filters", alice.access_token, { phrase: "animes", "context[]": "home" });
  const marker = await post("/api/v1/markers", alice.access_token, { "home[last_read_id]": str(status["id"]) });
  const scheduled = await post("/api/v1/statuses", alice.access_token, { status: "later", scheduled_at: new Date(Date.now() + 3_600_000).toISOString() });
  const report = await post("/api/v1/reports", alice.access_token, { account_id: bob.id, comment: "c", category: "other" });
  await post("/api/v1/statuses", bob.access_token, { status: "@alice dm", visibility: "direct" });
  const featured = await post("/api/v1/featured_tags", alice.access_token, { name: "shape" });
  const push = await post("/api/v1/push/subscription", alice.access_token, { "subscription[endpoint]": "https://example.com", "subscription[keys][p256dh]": "BCk-QqERU0q", "subscription[keys][auth]": "x", ...Object.fromEntries(["mention", "status", "reblog", "follow", "follow_request", "favourite", "poll"].map((k) => [`data[alerts][${k}]`, "true"])) });
  const deleted = (await call(s.url, "DELETE", `/api/v1/statuses/${str(reply["id"])}`, { token: admin.access_token })).body;

  return {
    Account: await get(`/api/v1/accounts/${alice.id}`),
    CredentialAccount: await get("/api/v1/accounts/verify_credentials", alice.access_token),
    Status: await get(`/api/v1/statuses/${str(withPoll["id"])}`, alice.access_token),
    "Status (reblog)": reblog,
    "Status (deleted, with text)": deleted,
    Relationship: first(await get(`/api/v1/accounts/relationships?id[]=${bob.id}`, admin.access_token)),
    Notification: firstWhere((n) => n["type"] === "mention")(await get("/api/v1/notifications", admin.access_token)),
    MediaAttachment: media,
    Instance: await get("/api/v2/instance"),
    V1_Instance: await get("/api/v1/instance"),
    Poll: pollVote,
    List: list,
    Tag: await post("/api/v1/tags/shape/follow", alice.access_token),
    Context: await get(`/api/v1/statuses/${str(status["id"])}/context`),
    Search: await get("/api/v2/search?q=alice", alice.access_token),
    Application: appBody,
    "Application (verify_credentials)": await get("/api/v1/apps/verify_credentials", alice.access_token),
    Token: token.body,
    Marker: marker,
    FilterV2: filter,
    V1_Filter: filterV1,
    ScheduledStatus: scheduled,
    StatusEdit: first(await get(`/api/v1/statuses/${str(status["id"])}/history`)),
    StatusSource: await get(`/api/v1/statuses/${str(status["id"])}/source`, alice.access_token),
    Report: report,
    Conversation: first(await get("/api/v1/conversations", alice.access_token)),
    Preferences: await get("/api/v1/preferences", alice.access_token),
    FeaturedTag: featured,
    OAuthServerInfo: await get("/.well-known/oauth-authorization-server"),
    NotificationPolicy: await get("/api/v2/notifications/policy", alice.access_token),
    GroupedNotificationsResults: await get("/api/v2/notifications?types[]=favourite&expand_accounts=partial_avatars", alice.access_token),
    FamiliarFollowers: first(await get(`/api/v1/accounts/familiar_followers?id[]=${bob.id}`, alice.access_token)),
    WebPushSubscription: push,
    CustomEmoji: first(await get("/api/v1/custom_emojis")),
  };
}

/** Where the real server's JSON for each entity comes from. */
const RECORDED: Record<string, () => unknown> = {
  Account: () => recordedJson("cassettes/test_account.yaml", "GET", /\/api\/v1\/accounts\/\d+$/),
  CredentialAccount: () => recordedJson("cassettes/test_verify_credentials.yaml", "GET", /verify_credentials$/),
  Status: () => recordedJson("cassettes/test_polls.yaml", "POST", /\/api\/v1\/statuses$/),
  "Status (reblog)": () => recordedJson("cassettes/test_id_hook_within_reblog.yaml", "POST", /\/reblog$/),
  "Status (deleted, with text)": () => recordedJson("cassettes/test_admin_moderation.yaml", "DELETE", /\/api\/v1\/statuses\/\d+$/),
  Relationship: () => recordedJson("cassettes/test_account_relationships.yaml", "GET", /relationships/, first),
  Notification: () => recordedJson("cassettes/test_notifications.yaml", "GET", /\/api\/v1\/notifications$/, firstWhere((n) => n["type"] === "mention")),
  MediaAttachment: () => recordedJson("cassettes/test_media_post_file.yaml", "POST", /\/api\/v2\/media$/),
  Instance: () => recordedJson("cassettes/test_instance.yaml", "GET", /\/api\/v2\/instance\/?$/),
  V1_Instance: () => recordedJson("cassettes/test_instance_v1.yaml", "GET", /\/api\/v1\/instance\/?$/),
  Poll: () => recordedJson("cassettes/test_polls.yaml", "POST", /\/votes$/),
  List: () => recordedJson("cassettes/test_list_create.yaml", "POST", /\/api\/v1\/lists$/),
  Tag: () => recordedJson("cassettes/test_followed_hashtags.yaml", "POST", /\/follow$/),
  Context: () => recordedJson("cassettes/test_status_context.yaml", "GET", /\/context$/),
  Search: () => recordedJson("cassettes/test_search.yaml", "GET", /\/api\/v2\/search/),
  Application: () => recordedJson("cassettes/test_app_account_create.yaml", "POST", /\/api\/v1\/apps$/),
  "Application (verify_credentials)": () => recordedJson("cassettes/test_app_verify_credentials.yaml", "GET", /verify_credentials$/),
  Token: () => recordedJson("cassettes/test_app_account_create.yaml", "POST", /\/oauth\/token$/),
  Marker: () => recordedJson("cassettes/test_markers.yaml", "POST", /\/markers$/),
  FilterV2: () => recordedJson("cassettes/test_v2_filters_statuses.yaml", "POST", /\/api\/v2\/filters$/),
  V1_Filter: () => recordedJson("cassettes_entity_tests/test_entity_filter.yaml", "GET", /\/api\/v1\/filters$/, first),
  ScheduledStatus: () => recordedJson("cassettes/test_scheduled_status.yaml", "POST", /\/api\/v1\/statuses$/),
  StatusEdit: () => recordedJson("cassettes/test_status_edit.yaml", "GET", /\/history$/, first),
  StatusSource: () => recordedJson("cassettes/test_status_edit.yaml", "GET", /\/source$/),
  Report: () => recordedJson("cassettes/test_report.yaml", "POST", /\/api\/v1\/reports/),
  Conversation: () => recordedJson("cassettes/test_conversations.yaml", "GET", /\/conversations/, first),
  Preferences: () => recordedJson("cassettes/test_preferences.yaml", "GET", /preferences$/),
  FeaturedTag: () => recordedJson("cassettes/test_featured_tags.yaml", "POST", /\/featured_tags$/),
  OAuthServerInfo: () => recordedJson("cassettes/test_auth_request_url.yaml", "GET", /oauth-authorization-server$/),
  NotificationPolicy: () => recordedJson("cassettes/test_notifications_policy.yaml", "GET", /policy$/),
  GroupedNotificationsResults: () => recordedJson("cassettes/test_grouped_notifications.yaml", "GET", /\/api\/v2\/notifications\?/),
  FamiliarFollowers: () => recordedJson("cassettes/test_account_familiar_followers.yaml", "GET", /familiar_followers/, first),
  WebPushSubscription: () => recordedJson("cassettes/test_push_set.yaml", "POST", /push\/subscription$/),
  CustomEmoji: () => recordedJson("cassettes_entity_tests/test_entity_customemoji.yaml", "GET", /\/api\/v1\/statuses\/\d+$/, (status) => first(obj(status)["emojis"])),
};

/**
 * Known, explained differences. The only recorded CustomEmoji sits inside a status, where
 * Mastodon leaves out `category`; GET /api/v1/custom_emojis includes it (docs: entities/CustomEmoji.md).
 */
const ALLOWED_EXTRA: Record<string, string[]> = { CustomEmoji: ["$.category"] };

describe("entity shapes match a real Mastodon 4.6", { skip }, () => {
  let sandbox: Sandbox | undefined;
  let produced: Produced = {};
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false });
    produced = await scenario(sandbox);
  });
  after(async () => {
    await sandbox?.close();
  });

  for (const [entity, recorded] of Object.entries(RECORDED)) {
    test(entity, () => {
      const real = recorded();
      const mine = produced[entity];
      assert.ok(mine !== undefined, `the scenario produced no ${entity}`);
      const report = compareShape(real, mine);
      report.extra = report.extra.filter((key) => !(ALLOWED_EXTRA[entity] ?? []).includes(key));
      const ok = report.missing.length === 0 && report.extra.length === 0 && report.typeMismatches.length === 0;
      const details = ok ? "" : ` missing=[${report.missing.join(", ")}] extra=[${report.extra.join(", ")}] types=[${report.typeMismatches.join(", ")}]`;
      console.log(`# shape ${entity.padEnd(34)} ${ok ? "OK" : "MISMATCH"} (${report.compared} values compared)${details}`);
      assert.deepEqual(report.typeMismatches, [], `${entity} JSON types`);
      assert.deepEqual(report.missing, [], `${entity} keys the real server sends`);
      assert.deepEqual(report.extra, [], `${entity} keys the real server does not send`);
    });
  }
});
