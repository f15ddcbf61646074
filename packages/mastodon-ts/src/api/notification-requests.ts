/**
 * Notification requests: notifications held back by the user's notification policy, one request
 * per sending account. https://docs.joinmastodon.org/methods/notifications/#get-requests
 */
import type { MastodonClient } from "../core/client.js";
import { idsOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { NotificationRequest } from "../entities/index.js";

export async function notificationRequests(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<NotificationRequest>> {
  return this.request({ method: "GET", path: "/api/v1/notifications/requests", params: pagingParams(options), version: ["4.3.0", "4.3.0"] });
}

export async function notificationRequest(this: MastodonClient, id: IdLike): Promise<NotificationRequest> {
  return this.request({ method: "GET", path: path`/api/v1/notifications/requests/${id}`, version: ["4.3.0", "4.3.0"] });
}

/** Accepts a request: its notifications join the normal list, and later ones from that account are let through. */
export async function acceptNotificationRequest(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/notifications/requests/${id}/accept`, version: ["4.3.0", "4.3.0"] });
}

/** Dismisses a request: it is hidden and no longer counted as pending. */
export async function dismissNotificationRequest(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/notifications/requests/${id}/dismiss`, version: ["4.3.0", "4.3.0"] });
}

/** Accepts several requests at once (a single id is accepted too). */
export async function acceptMultipleNotificationRequests(this: MastodonClient, ids: IdLike | readonly IdLike[]): Promise<EmptyResult> {
  return this.request({ method: "POST", path: "/api/v1/notifications/requests/accept", params: { id: idsOf(ids, "ids") }, version: ["4.3.0", "4.3.0"] });
}

/** Dismisses several requests at once (a single id is accepted too). */
export async function dismissMultipleNotificationRequests(this: MastodonClient, ids: IdLike | readonly IdLike[]): Promise<EmptyResult> {
  return this.request({ method: "POST", path: "/api/v1/notifications/requests/dismiss", params: { id: idsOf(ids, "ids") }, version: ["4.3.0", "4.3.0"] });
}

/**
 * Whether the notifications of accepted requests have been merged back into the notification
 * list yet (merging runs in the background; reload the notifications once this is true).
 */
export async function notificationsMerged(this: MastodonClient): Promise<boolean> {
  const answer = await this.request<{ merged?: unknown }>({ method: "GET", path: "/api/v1/notifications/requests/merged", version: ["4.3.0", "4.3.0"] });
  return answer.merged === true;
}
