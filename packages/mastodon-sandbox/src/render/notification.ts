// Notification (docs: entities/Notification.md). Groupable types get Mastodon's group_key
// "<type>[-<status id>]-<hour bucket>"; the others are "ungrouped-<id>".
import type { Core } from "../core.js";
import type { AccountRecord, NotificationRecord } from "../state/types.js";
import { renderAccount } from "./account.js";
import { renderReport } from "./misc.js";
import { renderStatus } from "./status.js";
import { isoTime } from "./time.js";

const GROUPABLE = new Set(["favourite", "reblog", "follow", "admin.sign_up"]);

export function groupKey(notification: NotificationRecord): string {
  if (!GROUPABLE.has(notification.type)) return `ungrouped-${notification.id}`;
  const hour = Math.floor(notification.createdAt / 3_600_000);
  return [notification.type, notification.statusId, String(hour)].filter((part) => part !== null).join("-");
}

export function renderNotification(core: Core, notification: NotificationRecord, viewer: AccountRecord | null) {
  const store = core.store;
  const from = store.accounts.get(notification.fromAccountId);
  const status = notification.statusId ? store.statuses.get(notification.statusId) : undefined;
  const report = notification.reportId ? store.reports.get(notification.reportId) : undefined;
  return {
    id: notification.id,
    type: notification.type,
    created_at: isoTime(notification.createdAt),
    group_key: groupKey(notification),
    account: from ? renderAccount(core, from) : null,
    ...(status ? { status: renderStatus(core, status, viewer, { context: "notifications" }) } : {}),
    ...(report ? { report: renderReport(core, report) } : {}),
  };
}
