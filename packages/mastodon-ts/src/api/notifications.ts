/** Notifications. https://docs.joinmastodon.org/methods/notifications/ */
import type { MastodonClient } from "../core/client.js";
import { idOf, optionalIdOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { Notification } from "../entities/index.js";

export interface NotificationsOptions extends PagingOptions {
  account_id?: IdLike | null;
  exclude_types?: string[] | null;
  types?: string[] | null;
  /** Mastodon.py's shortcut for types: ["mention"]. */
  mentions_only?: boolean | null;
}

/** The notification list, or, with `id`, one notification. */
export function notifications(this: MastodonClient, options: NotificationsOptions & { id: IdLike }): Promise<Notification>;
export function notifications(this: MastodonClient, options?: NotificationsOptions & { id?: null }): Promise<PaginatedList<Notification>>;
export async function notifications(this: MastodonClient, options: NotificationsOptions & { id?: IdLike | null } = {}): Promise<Notification | PaginatedList<Notification>> {
  if (options.id !== undefined && options.id !== null) {
    return this.request({ method: "GET", path: path`/api/v1/notifications/${options.id}`, version: ["1.0.0", "3.5.0"] });
  }
  const types = options.mentions_only ? ["mention"] : options.types;
  return this.request({
    method: "GET",
    path: "/api/v1/notifications",
    params: {
      ...pagingParams(options),
      account_id: optionalIdOf(options.account_id, "account_id"),
      exclude_types: options.exclude_types ?? undefined,
      types: types ?? undefined,
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
  if (await this.serverAtLeast("2.9.2")) {
    return this.request({ method: "POST", path: path`/api/v1/notifications/${id}/dismiss`, version: ["1.3.0", "2.9.2"] });
  }
  return this.request({ method: "POST", path: "/api/v1/notifications/dismiss", params: { id: idOf(id) }, version: ["1.3.0", "2.9.2"] });
}
