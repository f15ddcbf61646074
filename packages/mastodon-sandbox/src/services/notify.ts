// Creating notifications (Mastodon's NotifyService) and pushing them to the recipient's
// `user` and `user:notification` streams.
import type { Core } from "../core.js";
import { renderNotification } from "../render/notification.js";
import { threadRoot } from "../render/status.js";
import type { NotificationRecord, NotificationType } from "../state/types.js";

export interface NotifyInput {
  recipientId: string;
  type: NotificationType;
  fromId: string;
  statusId?: string | null;
  reportId?: string | null;
}

export function notify(core: Core, input: NotifyInput): NotificationRecord | undefined {
  const store = core.store;
  const recipient = store.accounts.get(input.recipientId);
  if (!recipient) return undefined;
  const selfAllowed = input.type === "poll";
  if (input.recipientId === input.fromId && !selfAllowed) return undefined;
  // Notifications from blocked or muted accounts, or about a muted conversation, are dropped.
  if (store.blocks.has(input.recipientId, input.fromId) || store.mute(input.recipientId, input.fromId)) return undefined;
  const status = input.statusId ? store.statuses.get(input.statusId) : undefined;
  if (status && store.statusMutes.has(input.recipientId, threadRoot(core, status).id)) return undefined;
  const notification: NotificationRecord = {
    id: store.sequences.next("notifications"),
    accountId: input.recipientId,
    type: input.type,
    fromAccountId: input.fromId,
    statusId: input.statusId ?? null,
    reportId: input.reportId ?? null,
    createdAt: core.now(),
  };
  store.notifications.set(notification.id, notification);
  const payload = JSON.stringify(renderNotification(core, notification, recipient));
  core.hub.publish(`timeline:${recipient.id}:notifications`, "notification", payload);
  return notification;
}

export function removeNotificationsAbout(core: Core, statusId: string): void {
  for (const [id, n] of core.store.notifications) if (n.statusId === statusId) core.store.notifications.delete(id);
}
