/**
 * Scheduled statuses (made by `statusPost` with `scheduled_at`).
 * https://docs.joinmastodon.org/methods/scheduled_statuses/
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { ScheduledStatus } from "../entities/index.js";

/** The logged-in user's statuses that are waiting to be published. */
export async function scheduledStatuses(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<ScheduledStatus>> {
  return this.request({ method: "GET", path: "/api/v1/scheduled_statuses", params: pagingParams(options), version: ["2.7.0", "2.7.0"] });
}

export async function scheduledStatus(this: MastodonClient, id: IdLike): Promise<ScheduledStatus> {
  return this.request({ method: "GET", path: path`/api/v1/scheduled_statuses/${id}`, version: ["2.7.0", "2.7.0"] });
}

/** Moves a scheduled status to another time (at least 5 minutes ahead, the server says). */
export async function scheduledStatusUpdate(this: MastodonClient, id: IdLike, scheduled_at: Date): Promise<ScheduledStatus> {
  if (!(scheduled_at instanceof Date) || Number.isNaN(scheduled_at.getTime())) {
    throw new MastodonIllegalArgumentError("scheduled_at must be a valid Date");
  }
  return this.request({ method: "PUT", path: path`/api/v1/scheduled_statuses/${id}`, params: { scheduled_at }, version: ["2.7.0", "2.7.0"] });
}

/** Cancels a scheduled status. */
export async function scheduledStatusDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/scheduled_statuses/${id}`, version: ["2.7.0", "2.7.0"] });
}
