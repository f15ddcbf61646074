/**
 * The preview of grouped notifications under /api/v2_alpha (Mastodon 4.3.0 betas; deprecated, and
 * answered only by servers of that time). Same shapes as grouped-notifications.ts, which current
 * servers should be asked through instead. Not in Mastodon.py.
 * https://docs.joinmastodon.org/methods/notifications_alpha/
 */
import type { MastodonClient } from "../core/client.js";
import { path } from "../core/path.js";
import type { EmptyResult } from "../core/types.js";
import {
  countOf, groupedNotificationsParams, groupKeyOf, unreadCountParams,
  type GroupKey, type GroupedNotificationsOptions, type UnreadGroupedCountOptions,
} from "../internal/notification-params.js";
import type { GroupedNotificationsResults } from "../entities/index.js";

/** One page of grouped notifications from /api/v2_alpha/notifications (paginated by Link, like groupedNotifications). */
export async function groupedNotificationsAlpha(this: MastodonClient, options: GroupedNotificationsOptions = {}): Promise<GroupedNotificationsResults> {
  return this.request({ method: "GET", path: "/api/v2_alpha/notifications", params: groupedNotificationsParams(options), version: ["4.3.0"] });
}

/** One notification group from /api/v2_alpha/notifications/:group_key. */
export async function groupedNotificationAlpha(this: MastodonClient, group_key: GroupKey): Promise<GroupedNotificationsResults> {
  return this.request({ method: "GET", path: path`/api/v2_alpha/notifications/${groupKeyOf(group_key)}`, version: ["4.3.0"] });
}

/** Dismisses a notification group through /api/v2_alpha. */
export async function dismissGroupedNotificationAlpha(this: MastodonClient, group_key: GroupKey): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v2_alpha/notifications/${groupKeyOf(group_key)}/dismiss`, version: ["4.3.0"] });
}

/** The number of unread notification groups, from /api/v2_alpha/notifications/unread_count. */
export async function unreadGroupedNotificationsCountAlpha(this: MastodonClient, options: UnreadGroupedCountOptions = {}): Promise<number> {
  return countOf(await this.request({ method: "GET", path: "/api/v2_alpha/notifications/unread_count", params: unreadCountParams(options), version: ["4.3.0"] }));
}
