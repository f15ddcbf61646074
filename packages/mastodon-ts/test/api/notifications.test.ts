import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

const ACCOUNT = { id: "117", username: "admin", acct: "admin", created_at: "2026-08-01T00:00:00.000Z" };
const NOTIFICATION = { id: "20", type: "mention", created_at: "2026-08-01T13:51:39.668Z", group_key: "ungrouped-20", account: ACCOUNT };
const POLICY = {
  for_not_following: "accept", for_not_followers: "accept", for_new_accounts: "accept", for_private_mentions: "filter",
  for_limited_accounts: "filter", summary: { pending_requests_count: 0, pending_notifications_count: 0 },
};
const REQUEST = { id: "117020579213763384", created_at: "2026-08-01T13:52:14.205Z", updated_at: "2026-08-01T13:52:14.657Z", notifications_count: "5", account: ACCOUNT };

test("notifications: list filters, one notification, mentions_only by server version, clear and dismiss", async () => {
  const server = await startScriptedServer((r) => ({ body: r.method === "POST" ? {} : r.path === "/api/v1/notifications" ? [NOTIFICATION] : NOTIFICATION }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const list = await m.notifications({ types: ["follow", "mention"], exclude_types: "follow_request", account_id: ACCOUNT, limit: 5 });
    assert.ok(list[0]?.created_at instanceof Date);
    await m.notifications({ max_id: new Date("2026-08-01T00:00:00Z"), include_filtered: true });
    const one = await m.notifications({ id: "20" });
    assert.equal(one.type, "mention");
    await m.notifications({ mentions_only: true });
    await m.notifications({ mentions_only: false });
    const old = new Mastodon({ api_base_url: server.url, access_token: "tok", mastodon_version: "3.4.0" });
    await old.notifications({ mentions_only: true });
    await m.notificationsClear();
    await m.notificationsDismiss(NOTIFICATION);
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/notifications?limit=5&account_id=117&exclude_types[]=follow_request&types[]=follow&types[]=mention",
      `GET /api/v1/notifications?max_id=${(BigInt(Date.parse("2026-08-01T00:00:00Z") / 1000) << 16n) * 1000n}&include_filtered=true`,
      "GET /api/v1/notifications/20",
      "GET /api/v1/notifications?types[]=mention",
      "GET /api/v1/notifications",
      "GET /api/v1/notifications?exclude_types[]=follow&exclude_types[]=favourite&exclude_types[]=reblog&exclude_types[]=poll&exclude_types[]=follow_request",
      "POST /api/v1/notifications/clear",
      "POST /api/v1/notifications/20/dismiss",
    ]);
    await assert.rejects(m.notifications({ mentions_only: true, types: ["follow"] }), /mentions_only cannot be combined/);
    assert.equal(server.requests.length, 8);
  } finally {
    await server.close();
  }
});

test("unread count and the notification policy: reading, changing only what is given, refusing unknown values", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/notifications/unread_count") return { body: { count: 3 } };
    return { body: r.method === "PATCH" ? { ...POLICY, ...Object.fromEntries(r.form) } : POLICY };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    assert.deepEqual(await m.notificationsUnreadCount(), { count: 3 });
    await m.notificationsUnreadCount({ limit: 50, types: "mention", account_id: "9" });
    assert.equal((await m.notificationsPolicy()).for_private_mentions, "filter");
    const updated = await m.updateNotificationsPolicy({ for_not_following: "filter", for_not_followers: "accept" });
    assert.equal(updated.for_not_following, "filter");
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/notifications/unread_count",
      "GET /api/v1/notifications/unread_count?limit=50&types[]=mention&account_id=9",
      "GET /api/v2/notifications/policy",
      "PATCH /api/v2/notifications/policy for_not_following=filter&for_not_followers=accept",
    ]);
    await assert.rejects(m.updateNotificationsPolicy({ for_new_accounts: "block" }),
      (e: unknown) => e instanceof MastodonIllegalArgumentError && /for_new_accounts must be one of accept, filter, drop/.test(e.message));
    await assert.rejects(m.notificationsUnreadCount({ limit: 0 }), /limit must be a positive integer/);
    assert.equal(server.requests.length, 4);
  } finally {
    await server.close();
  }
});

test("notification requests: paging, one request, accept and dismiss one or many, merged as a boolean", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/notifications/requests/merged") return { body: { merged: true } };
    if (r.path === "/api/v1/notifications/requests") {
      return { headers: { link: `<http://${r.headers.host}/api/v1/notifications/requests?max_id=100>; rel="next"` }, body: [REQUEST] };
    }
    return { body: r.method === "POST" ? {} : REQUEST };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const page = await m.notificationRequests({ limit: 1 });
    assert.equal(page[0]?.notifications_count, "5");
    assert.ok(page[0]?.updated_at instanceof Date);
    assert.equal(m.getPaginationInfo(page, "next")?.params.max_id, "100");
    const request = await m.notificationRequest(REQUEST.id);
    assert.deepEqual(await m.acceptNotificationRequest(request), {});
    await m.dismissNotificationRequest("5");
    await m.acceptMultipleNotificationRequests([request, "6"]);
    await m.dismissMultipleNotificationRequests("7");
    assert.equal(await m.notificationsMerged(), true);
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/notifications/requests?limit=1",
      `GET /api/v1/notifications/requests/${REQUEST.id}`,
      `POST /api/v1/notifications/requests/${REQUEST.id}/accept`,
      "POST /api/v1/notifications/requests/5/dismiss",
      `POST /api/v1/notifications/requests/accept id[]=${REQUEST.id}&id[]=6`,
      "POST /api/v1/notifications/requests/dismiss id[]=7",
      "GET /api/v1/notifications/requests/merged",
    ]);
  } finally {
    await server.close();
  }
});

const GROUP = {
  group_key: "favourite-117020579695730951-495997", notifications_count: 2, type: "favourite", most_recent_notification_id: 30,
  page_min_id: "29", page_max_id: "30", latest_page_notification_at: "2026-08-01T13:52:21.549Z", sample_account_ids: ["117"],
  status_id: "117020579695730951",
};

function groupedPage(host: string | undefined, prefix: string, maxId: string | null): { headers: Record<string, string>; body: unknown } {
  if (maxId !== null) return { headers: {}, body: { accounts: [], partial_accounts: [], statuses: [], notification_groups: [{ ...GROUP, group_key: "follow-1" }] } };
  return {
    headers: { link: `<http://${host}${prefix}/notifications?limit=10&max_id=29>; rel="next"` },
    body: { accounts: [ACCOUNT], partial_accounts: [], statuses: [], notification_groups: [GROUP] },
  };
}

test("grouped notifications: the results object pages by Link; groups by key or entity; counts as numbers", async () => {
  const server = await startScriptedServer((r) => {
    const prefix = r.path.startsWith("/api/v2_alpha") ? "/api/v2_alpha" : "/api/v2";
    if (r.path.endsWith("/unread_count")) return { body: { count: 4 } };
    if (r.path.endsWith("/accounts")) return { body: [ACCOUNT] };
    if (r.method === "POST") return { body: {} };
    if (r.path === `${prefix}/notifications`) return groupedPage(r.headers.host, prefix, r.query.get("max_id"));
    return { body: { accounts: [ACCOUNT], statuses: [], notification_groups: [GROUP] } };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const page = await m.groupedNotifications({ limit: 10 });
    assert.equal(page.notification_groups[0]?.group_key, GROUP.group_key);
    assert.ok(page.notification_groups[0]?.latest_page_notification_at instanceof Date);
    const all = await m.fetchRemaining(page);
    assert.deepEqual(all.notification_groups.map((g) => g.group_key), [GROUP.group_key, "follow-1"]);
    await m.groupedNotifications({ types: "favourite", grouped_types: ["favourite", "reblog"], expand_accounts: "full", include_filtered: false, account_id: ACCOUNT });
    const group = page.notification_groups[0];
    assert.ok(group);
    assert.equal((await m.groupedNotification(group)).notification_groups.length, 1);
    await m.groupedNotification("a/b", { supported_types: ["mention"] });
    assert.deepEqual(await m.groupedNotificationAccounts(group.group_key), [{ ...ACCOUNT, created_at: new Date(ACCOUNT.created_at) }]);
    assert.deepEqual(await m.dismissGroupedNotification(group), {});
    assert.equal(await m.unreadGroupedNotificationsCount({ grouped_types: ["follow"] }), 4);
    await m.groupedNotificationsAlpha({ limit: 10 });
    await m.groupedNotificationAlpha(group);
    await m.dismissGroupedNotificationAlpha("follow-1");
    assert.equal(await m.unreadGroupedNotificationsCountAlpha(), 4);
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v2/notifications?limit=10&expand_accounts=partial_avatars",
      "GET /api/v2/notifications?limit=10&max_id=29",
      "GET /api/v2/notifications?types[]=favourite&account_id=117&expand_accounts=full&grouped_types[]=favourite&grouped_types[]=reblog&include_filtered=false",
      `GET /api/v2/notifications/${GROUP.group_key}`,
      "GET /api/v2/notifications/a%2Fb?supported_types[]=mention",
      `GET /api/v2/notifications/${GROUP.group_key}/accounts`,
      `POST /api/v2/notifications/${GROUP.group_key}/dismiss`,
      "GET /api/v2/notifications/unread_count?grouped_types[]=follow",
      "GET /api/v2_alpha/notifications?limit=10&expand_accounts=partial_avatars",
      `GET /api/v2_alpha/notifications/${GROUP.group_key}`,
      "POST /api/v2_alpha/notifications/follow-1/dismiss",
      "GET /api/v2_alpha/notifications/unread_count",
    ]);
    await assert.rejects(m.groupedNotifications({ expand_accounts: "some" }), /expand_accounts must be one of full, partial_avatars/);
    await assert.rejects(m.groupedNotification(""), (e: unknown) => e instanceof MastodonIllegalArgumentError && /group_key/.test(e.message));
    assert.equal(server.requests.length, 12);
  } finally {
    await server.close();
  }
});

