/** Notifications, their unread count and the filtering policy. https://docs.joinmastodon.org/methods/notifications/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, optionalIdOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { listOf, unreadCountParams, type OneOrMany, type UnreadCountOptions } from "../internal/notification-params.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../internal/params.js";
import type { Notification, NotificationPolicy, UnreadNotificationsCount } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

export type { OneOrMany, UnreadCountOptions } from "../internal/notification-params.js";

export interface NotificationsOptions extends PagingOptions {
  account_id?: IdLike | null;
  exclude_types?: OneOrMany | null;
  types?: OneOrMany | null;
  /** Mastodon.py's shortcut for types: ["mention"]; cannot be combined with types or exclude_types. */
  mentions_only?: boolean | null;
  /** Mastodon 4.3: include notifications filtered by the notification policy (not in Mastodon.py). */
  include_filtered?: boolean | null;
  /** Mastodon 4.6: types the client supports, so others come with a `fallback` (not in Mastodon.py). */
  supported_types?: OneOrMany | null;
}

/** What servers before 3.5 (which lack `types`) are asked to leave out for mentions_only. */
const NOT_MENTIONS = ["follow", "favourite", "reblog", "poll", "follow_request"];

/** The notification list, or, with `id`, one notification. */
export function notifications(this: MastodonClient, options: NotificationsOptions & { id: IdLike }): Promise<Notification>;
export function notifications(this: MastodonClient, options?: NotificationsOptions & { id?: null }): Promise<PaginatedList<Notification>>;
export async function notifications(this: MastodonClient, options: NotificationsOptions & { id?: IdLike | null } = {}): Promise<Notification | PaginatedList<Notification>> {
  if (options.id !== undefined && options.id !== null) {
    return this.request({
      method: "GET", path: path`/api/v1/notifications/${options.id}`,
      params: { supported_types: listOf(options.supported_types) }, version: ["1.0.0", "3.5.0"],
    });
  }
  let types = listOf(options.types);
  let excludeTypes = listOf(options.exclude_types);
  if (options.mentions_only !== undefined && options.mentions_only !== null) {
    if (types || excludeTypes) {
      throw new MastodonIllegalArgumentError("mentions_only cannot be combined with types or exclude_types");
    }
    if (options.mentions_only) {
      if (await serverAtLeast(this, "3.5.0")) types = ["mention"];
      else excludeTypes = NOT_MENTIONS;
    }
  }
  return this.request({
    method: "GET",
    path: "/api/v1/notifications",
    params: {
      ...pagingParams(options),
      account_id: optionalIdOf(options.account_id, "account_id"),
      exclude_types: excludeTypes,
      types,
      include_filtered: options.include_filtered ?? undefined,
      supported_types: listOf(options.supported_types),
    },
    version: ["1.0.0", "3.5.0"],
  });
}

/** Deletes every notification of the logged-in user. */
export async function notificationsClear(this: MastodonClient): Promise<EmptyResult> {
  return this.request({ method: "POST", path: "/api/v1/notifications/clear", version: ["1.0.0", "1.0.0"] });
}

/** Deletes one notification. Servers before 2.9.2 take the id as a parameter instead of in the path. */
export async function notificationsDismiss(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  if (await serverAtLeast(this, "2.9.2")) {
    return this.request({ method: "POST", path: path`/api/v1/notifications/${id}/dismiss`, version: ["1.3.0", "2.9.2"] });
  }
  return this.request({ method: "POST", path: "/api/v1/notifications/dismiss", params: { id: idOf(id) }, version: ["1.3.0", "2.9.2"] });
}

/**
 * The (capped) number of unread notifications, those newer than the notifications read marker.
 * Mastodon.py sends no options; the server's own filters (limit, types, ...) are accepted as well.
 */
export async function notificationsUnreadCount(this: MastodonClient, options: UnreadCountOptions = {}): Promise<UnreadNotificationsCount> {
  return this.request({ method: "GET", path: "/api/v1/notifications/unread_count", params: unreadCountParams(options), version: ["4.3.0", "4.3.0"] });
}

/** How notifications from various kinds of accounts are handled (accepted, filtered, dropped). */
export async function notificationsPolicy(this: MastodonClient): Promise<NotificationPolicy> {
  return this.request({ method: "GET", path: "/api/v2/notifications/policy", version: ["4.3.0", "4.3.0"] });
}

type PolicyValue = "accept" | "filter" | "drop" | (string & {});

export interface UpdateNotificationsPolicyOptions {
  /** From accounts the user does not follow. */
  for_not_following?: PolicyValue | null;
  /** From accounts that do not follow the user. */
  for_not_followers?: PolicyValue | null;
  /** From accounts created in the past 30 days. */
  for_new_accounts?: PolicyValue | null;
  /** Private mentions the user did not start. */
  for_private_mentions?: PolicyValue | null;
  /** From accounts limited by a moderator. */
  for_limited_accounts?: PolicyValue | null;
}

const POLICY_KEYS = ["for_not_following", "for_not_followers", "for_new_accounts", "for_private_mentions", "for_limited_accounts"] as const;

/** Changes the notification policy; each option is "accept", "filter" or "drop", and only given ones change. */
export async function updateNotificationsPolicy(this: MastodonClient, options: UpdateNotificationsPolicyOptions = {}): Promise<NotificationPolicy> {
  const params: Record<string, string | undefined> = {};
  for (const key of POLICY_KEYS) {
    checkOneOf(key, options[key], ["accept", "filter", "drop"]);
    params[key] = options[key] ?? undefined;
  }
  return this.request({ method: "PATCH", path: "/api/v2/notifications/policy", params, version: ["4.3.0", "4.3.0"] });
}
