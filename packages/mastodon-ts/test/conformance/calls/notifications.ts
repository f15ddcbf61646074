/** Notifications: plain and grouped, their policy and filtered requests. */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

const POLICY_KEYS = ["for_not_following", "for_not_followers", "for_new_accounts", "for_private_mentions", "for_limited_accounts"];

function groupedOptions(r: RecordedCall): Record<string, unknown> {
  return {
    ...r.paging(), types: r.list("types"), exclude_types: r.list("exclude_types"), account_id: r.str("account_id"),
    expand_accounts: r.str("expand_accounts"), grouped_types: r.list("grouped_types"), include_filtered: r.bool("include_filtered"),
  };
}

export const NOTIFICATION_CALLS: readonly CallEntry[] = [
  call("GET /api/v1/notifications", "notifications", "Notification[]", (m, r) => m.notifications({
    account_id: r.str("account_id"), ...r.paging(), exclude_types: r.list("exclude_types"), types: r.list("types"),
  })),
  call("GET /api/v1/notifications/unread_count", "notificationsUnreadCount", "UnreadNotificationsCount", (m) => m.notificationsUnreadCount()),
  call("GET /api/v1/notifications/requests", "notificationRequests", "NotificationRequest[]", (m, r) => m.notificationRequests(r.paging())),
  call("GET /api/v1/notifications/requests/merged", "notificationsMerged", "boolean", (m) => m.notificationsMerged()),
  call("POST /api/v1/notifications/requests/accept", "acceptMultipleNotificationRequests", "any",
    (m, r) => m.acceptMultipleNotificationRequests(r.list("id"))),
  call("POST /api/v1/notifications/requests/dismiss", "dismissMultipleNotificationRequests", "any",
    (m, r) => m.dismissMultipleNotificationRequests(r.list("id"))),
  call("GET /api/v1/notifications/requests/:id", "notificationRequest", "NotificationRequest", (m, r) => m.notificationRequest(r.ref())),
  call("POST /api/v1/notifications/requests/:id/accept", "acceptNotificationRequest", "any", (m, r) => m.acceptNotificationRequest(r.ref())),
  call("POST /api/v1/notifications/requests/:id/dismiss", "dismissNotificationRequest", "any", (m, r) => m.dismissNotificationRequest(r.ref())),
  call("GET /api/v1/notifications/:id", "notifications", "Notification", (m, r) => m.notifications({ id: r.ref() })),
  call("POST /api/v1/notifications/clear", "notificationsClear", "any", (m) => m.notificationsClear()),
  call("POST /api/v1/notifications/dismiss", "notificationsDismiss", "any", (m, r) => m.notificationsDismiss(r.entityOr(r.str("id") ?? ""))),
  call("POST /api/v1/notifications/:id/dismiss", "notificationsDismiss", "any", (m, r) => m.notificationsDismiss(r.ref())),
  call("GET /api/v2/notifications/policy", "notificationsPolicy", "NotificationPolicy", (m) => m.notificationsPolicy()),
  call("PATCH /api/v2/notifications/policy", "updateNotificationsPolicy", "NotificationPolicy",
    (m, r) => m.updateNotificationsPolicy(Object.fromEntries(POLICY_KEYS.map((key) => [key, r.str(key)])))),
  call("GET /api/v2/notifications", "groupedNotifications", "GroupedNotificationsResults", (m, r) => m.groupedNotifications(groupedOptions(r))),
  call("GET /api/v2/notifications/unread_count", "unreadGroupedNotificationsCount", "number", (m, r) => m.unreadGroupedNotificationsCount({
    limit: r.num("limit"), types: r.list("types"), exclude_types: r.list("exclude_types"), account_id: r.str("account_id"),
    grouped_types: r.list("grouped_types"),
  })),
  call("GET /api/v2/notifications/:group", "groupedNotification", "GroupedNotificationsResults", (m, r) => m.groupedNotification(r.param("group"))),
  call("GET /api/v2/notifications/:group/accounts", "groupedNotificationAccounts", "Account[]",
    (m, r) => m.groupedNotificationAccounts(r.param("group"))),
  call("POST /api/v2/notifications/:group/dismiss", "dismissGroupedNotification", "any", (m, r) => m.dismissGroupedNotification(r.param("group"))),
];
