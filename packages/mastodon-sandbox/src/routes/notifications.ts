// Notifications v1 and the notification policy/requests (docs: methods/notifications.md).
import { renderNotification } from "../render/notification.js";
import type { Context } from "../server/context.js";
import { recordNotFound } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { NotificationRecord } from "../state/types.js";
import { compareIds } from "../state/ids.js";
import { pageResponse } from "./helpers.js";

const read = { access: "user", scopes: ["read:notifications"] } as const;
const write = { access: "user", scopes: ["write:notifications"] } as const;

/** The viewer's notifications after types[] / exclude_types[] / account_id (docs: #get). */
export function notificationsOf(c: Context): NotificationRecord[] {
  const viewer = c.user();
  const types = c.params.list("types");
  const exclude = c.params.list("exclude_types");
  const from = c.params.str("account_id");
  return [...c.store.notifications.values()].filter(
    (n) =>
      n.accountId === viewer.id &&
      (types.length === 0 || types.includes(n.type)) &&
      !exclude.includes(n.type) &&
      (from === undefined || n.fromAccountId === from),
  );
}

function ownNotification(c: Context): NotificationRecord {
  const notification = c.store.notifications.get(c.path("id"));
  if (!notification || notification.accountId !== c.user().id) throw recordNotFound();
  return notification;
}

export function unreadCount(c: Context, all: NotificationRecord[]): number {
  const marker = c.store.markersOf(c.user().id).get("notifications");
  return all.filter((n) => !marker || compareIds(n.id, marker.lastReadId) > 0).length;
}

const POLICY_KEYS = ["for_not_following", "for_not_followers", "for_new_accounts", "for_private_mentions", "for_limited_accounts", "for_bots"];

export function notificationRoutes(r: Router): void {
  r.get("/api/v1/notifications", read, (c) => {
    const page = paginate(c, notificationsOf(c), {
      cursor: (n) => n.id,
      defaultLimit: 40,
      next: "always",
      keep: ["types", "exclude_types", "account_id"],
    });
    return pageResponse(page, page.items.map((n) => renderNotification(c.core, n, c.viewer)));
  });

  r.get("/api/v1/notifications/unread_count", read, (c) => json({ count: Math.min(unreadCount(c, notificationsOf(c)), c.params.int("limit") ?? 100) }));

  r.get("/api/v1/notifications/requests", read, () => json([]));
  r.get("/api/v1/notifications/requests/merged", read, () => json({ merged: true }));
  r.post("/api/v1/notifications/requests/accept", write, () => json({}));
  r.post("/api/v1/notifications/requests/dismiss", write, () => json({}));
  r.get("/api/v1/notifications/requests/:id", read, () => {
    throw recordNotFound();
  });
  r.post("/api/v1/notifications/requests/:id/accept", write, () => {
    throw recordNotFound();
  });
  r.post("/api/v1/notifications/requests/:id/dismiss", write, () => {
    throw recordNotFound();
  });

  r.post("/api/v1/notifications/clear", write, (c) => {
    for (const n of notificationsOf(c)) c.store.notifications.delete(n.id);
    return json({});
  });

  // The pre-3.1 form took the id as a parameter (docs: methods/notifications.md#dismiss-deprecated).
  r.post("/api/v1/notifications/dismiss", write, (c) => {
    const notification = c.store.notifications.get(c.params.str("id") ?? "");
    if (notification && notification.accountId === c.user().id) c.store.notifications.delete(notification.id);
    return json({});
  });

  r.get("/api/v1/notifications/:id", read, (c) => json(renderNotification(c.core, ownNotification(c), c.viewer)));

  r.post("/api/v1/notifications/:id/dismiss", write, (c) => {
    c.store.notifications.delete(ownNotification(c).id);
    return json({});
  });

  const policies = new Map<string, Record<string, string>>();
  const policyOf = (c: Context) => {
    const id = c.user().id;
    let policy = policies.get(id);
    if (!policy) {
      policy = Object.fromEntries(POLICY_KEYS.map((k) => [k, "accept"]));
      policies.set(id, policy);
    }
    return policy;
  };
  const renderPolicy = (policy: Record<string, string>) => ({ ...policy, summary: { pending_requests_count: 0, pending_notifications_count: 0 } });

  r.get("/api/v2/notifications/policy", read, (c) => json(renderPolicy(policyOf(c))));
  r.patch("/api/v2/notifications/policy", write, (c) => {
    const policy = policyOf(c);
    for (const key of POLICY_KEYS) {
      const value = c.params.str(key);
      if (value === "accept" || value === "filter" || value === "drop") policy[key] = value;
    }
    return json(renderPolicy(policy));
  });
}
