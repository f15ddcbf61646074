/**
 * Grouped notifications (Mastodon 4.3+): notifications of one kind about one subject come as one
 * group, and the accounts and posts they refer to are listed once at the top level.
 * https://docs.joinmastodon.org/methods/grouped_notifications/
 */
import type { MastodonClient } from "../core/client.js";
import { path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList } from "../core/types.js";
import {
  countOf, groupedNotificationsParams, groupKeyOf, listOf, unreadCountParams,
  type GroupKey, type GroupedNotificationsOptions, type OneOrMany, type UnreadGroupedCountOptions,
} from "../internal/notification-params.js";
import type { Account, GroupedNotificationsResults } from "../entities/index.js";

export type { GroupKey, GroupedNotificationsOptions, UnreadGroupedCountOptions } from "../internal/notification-params.js";

/**
 * One page of grouped notifications. The result is an object, not an array; it carries the
 * server's Link pagination, so fetchNext / fetchPrevious / fetchRemaining / getPaginationInfo work on it.
 */
export async function groupedNotifications(this: MastodonClient, options: GroupedNotificationsOptions = {}): Promise<GroupedNotificationsResults> {
  return this.request({ method: "GET", path: "/api/v2/notifications", params: groupedNotificationsParams(options), version: ["4.3.0", "4.3.0"] });
}

/** One notification group, by its key (or the group itself). */
export async function groupedNotification(this: MastodonClient, group_key: GroupKey, options: { supported_types?: OneOrMany | null } = {}): Promise<GroupedNotificationsResults> {
  return this.request({
    method: "GET", path: path`/api/v2/notifications/${groupKeyOf(group_key)}`,
    params: { supported_types: listOf(options.supported_types) }, version: ["4.3.0", "4.3.0"],
  });
}

/** Dismisses every notification of a group. */
export async function dismissGroupedNotification(this: MastodonClient, group_key: GroupKey): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v2/notifications/${groupKeyOf(group_key)}/dismiss`, version: ["4.3.0", "4.3.0"] });
}

/** All accounts behind the notifications of a group. */
export async function groupedNotificationAccounts(this: MastodonClient, group_key: GroupKey): Promise<NonPaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v2/notifications/${groupKeyOf(group_key)}/accounts`, version: ["4.3.0", "4.3.0"] });
}

/** The (capped) number of unread notification groups, as a number. */
export async function unreadGroupedNotificationsCount(this: MastodonClient, options: UnreadGroupedCountOptions = {}): Promise<number> {
  return countOf(await this.request({ method: "GET", path: "/api/v2/notifications/unread_count", params: unreadCountParams(options), version: ["4.3.0", "4.3.0"] }));
}
