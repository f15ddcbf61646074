// Grouped notifications, v2 and its v2_alpha predecessor (docs: methods/grouped_notifications.md).
// A page of notifications is cut as in v1, then folded by group_key.
import { renderAccount } from "../render/account.js";
import { groupKey } from "../render/notification.js";
import { renderStatus } from "../render/status.js";
import { isoTime } from "../render/time.js";
import type { Context } from "../server/context.js";
import { recordNotFound } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { NotificationRecord } from "../state/types.js";
import { compareIds } from "../state/ids.js";
import { notificationsOf, unreadCount } from "./notifications.js";

/** PartialAccountWithAvatar: what expand_accounts=partial_avatars sends for sample accounts. */
function partialAccount(c: Context, id: string) {
  const account = c.store.accounts.get(id);
  if (!account) return [];
  const full = renderAccount(c.core, account);
  return [{ id: full.id, acct: full.acct, locked: full.locked, bot: full.bot, url: full.url, avatar: full.avatar, avatar_static: full.avatar_static }];
}

function groups(c: Context, notifications: NotificationRecord[]) {
  const byKey = new Map<string, NotificationRecord[]>();
  for (const n of notifications) {
    const key = groupKey(n);
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  const accountIds = new Set<string>();
  const fullAccountIds = new Set<string>();
  const statusIds = new Set<string>();
  const notificationGroups = [...byKey].map(([key, members]) => {
    members.sort((a, b) => compareIds(b.id, a.id));
    const latest = members[0];
    const oldest = members[members.length - 1];
    if (!latest || !oldest) throw recordNotFound();
    const sample = [...new Set(members.map((m) => m.fromAccountId))].slice(0, 8);
    for (const id of sample) accountIds.add(id);
    fullAccountIds.add(latest.fromAccountId);
    if (latest.statusId) statusIds.add(latest.statusId);
    return {
      group_key: key,
      notifications_count: members.length,
      type: latest.type,
      // The grouped API sends this one id as a number.
      most_recent_notification_id: Number(latest.id),
      page_min_id: oldest.id,
      page_max_id: latest.id,
      latest_page_notification_at: isoTime(latest.createdAt),
      sample_account_ids: sample,
      ...(latest.statusId ? { status_id: latest.statusId } : {}),
    };
  });
  // With expand_accounts=partial_avatars only the latest actor of each group is sent in full.
  const partial = c.params.str("expand_accounts") === "partial_avatars";
  const full = partial ? [...accountIds].filter((id) => fullAccountIds.has(id)) : [...accountIds];
  return {
    accounts: full.flatMap((id) => {
      const account = c.store.accounts.get(id);
      return account ? [renderAccount(c.core, account)] : [];
    }),
    ...(partial ? { partial_accounts: [...accountIds].filter((id) => !fullAccountIds.has(id)).flatMap((id) => partialAccount(c, id)) } : {}),
    statuses: [...statusIds].flatMap((id) => {
      const status = c.store.statuses.get(id);
      return status ? [renderStatus(c.core, status, c.viewer, { context: "notifications" })] : [];
    }),
    notification_groups: notificationGroups,
  };
}

function membersOf(c: Context): NotificationRecord[] {
  const key = c.path("group_key");
  const members = notificationsOf(c).filter((n) => groupKey(n) === key);
  if (members.length === 0) throw recordNotFound();
  return members;
}

export function groupedNotificationRoutes(r: Router): void {
  const read = { access: "user", scopes: ["read:notifications"] } as const;
  const write = { access: "user", scopes: ["write:notifications"] } as const;
  for (const version of ["v2", "v2_alpha"]) {
    r.get(`/api/${version}/notifications/unread_count`, read, (c) => json({ count: unreadCount(c, notificationsOf(c)) }));

    r.get(`/api/${version}/notifications`, read, (c) => {
      const page = paginate(c, notificationsOf(c), {
        cursor: (n) => n.id,
        defaultLimit: 40,
        next: "always",
        keep: ["types", "exclude_types", "account_id", "expand_accounts", "grouped_types", "include_filtered"],
      });
      const body = groups(c, page.items);
      return json(body, 200, page.link ? { link: page.link } : {});
    });

    r.get(`/api/${version}/notifications/:group_key`, read, (c) => {
      const body = groups(c, membersOf(c));
      return json(body);
    });

    r.post(`/api/${version}/notifications/:group_key/dismiss`, write, (c) => {
      for (const n of membersOf(c)) c.store.notifications.delete(n.id);
      return json({});
    });

    if (version === "v2") {
      r.get(`/api/v2/notifications/:group_key/accounts`, write, (c) => {
        const ids = [...new Set(membersOf(c).map((n) => n.fromAccountId))];
        return json(ids.flatMap((id) => {
          const account = c.store.accounts.get(id);
          return account ? [renderAccount(c.core, account)] : [];
        }));
      });
    }
  }
}
