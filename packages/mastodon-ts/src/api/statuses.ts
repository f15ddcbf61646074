/** Statuses: reading, posting, and acting on them. https://docs.joinmastodon.org/methods/statuses/ */
import type { MastodonClient } from "../core/client.js";
import { idOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { NonPaginatedList } from "../core/types.js";
import { checkOneOf } from "../internal/params.js";
import { statusParams, type StatusPostOptions } from "../internal/status-params.js";
import type { Account, Context, PreviewCard, ScheduledStatus, Status } from "../entities/index.js";

export type { PollOptions, StatusPostOptions } from "../internal/status-params.js";

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Posts a status, or schedules it when `scheduled_at` is given. */
export async function statusPost(this: MastodonClient, status: string, options: StatusPostOptions = {}): Promise<Status | ScheduledStatus> {
  const params = statusParams(this, status, options);
  return this.request({
    method: "POST", path: "/api/v1/statuses", params, version: ["1.0.0", "4.5.0"],
    // Polls are nested objects, which Mastodon.py sends (and Mastodon reads most simply) as JSON.
    encoding: options.poll ? "json" : "form",
    headers: { "Idempotency-Key": options.idempotency_key ?? newIdempotencyKey() },
  });
}

/** Posts a public status with default options. */
export async function toot(this: MastodonClient, status: string): Promise<Status> {
  return statusPost.call(this, status) as Promise<Status>;
}

export async function status(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}`, version: ["1.0.0", "2.0.0"] });
}

export async function statusContext(this: MastodonClient, id: IdLike): Promise<Context> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/context`, version: ["1.0.0", "1.0.0"] });
}

export async function statusRebloggedBy(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/reblogged_by`, version: ["1.0.0", "2.1.0"] });
}

export async function statusFavouritedBy(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/favourited_by`, version: ["1.0.0", "2.1.0"] });
}

/**
 * The status's preview card, or null. The /card endpoint was removed in Mastodon 4.0;
 * on newer servers the card is read from the status itself, as Mastodon.py does.
 */
export async function statusCard(this: MastodonClient, id: IdLike): Promise<PreviewCard | null> {
  if (await this.serverAtLeast("3.0.0")) {
    const found = await status.call(this, id);
    return found.card ?? null;
  }
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/card`, version: ["1.0.0", "3.0.0"] });
}

/** Reblogs (boosts) a status; `visibility` may be public, unlisted or private. */
export async function statusReblog(this: MastodonClient, id: IdLike, options: { visibility?: string | null } = {}): Promise<Status> {
  checkOneOf("visibility", options.visibility, ["public", "unlisted", "private"]);
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/reblog`, params: { visibility: options.visibility }, version: ["1.0.0", "2.0.0"] });
}

export async function statusUnreblog(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/unreblog`, version: ["1.0.0", "2.0.0"] });
}

export async function statusFavourite(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/favourite`, version: ["1.0.0", "2.0.0"] });
}

export async function statusUnfavourite(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/unfavourite`, version: ["1.0.0", "2.0.0"] });
}

/** Stops notifications about a conversation. */
export async function statusMute(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/mute`, version: ["1.4.0", "2.0.0"] });
}

export async function statusUnmute(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/unmute`, version: ["1.4.0", "2.0.0"] });
}

/** Deletes a status; resolves to it with its source `text`, for delete-and-redraft. */
export async function statusDelete(this: MastodonClient, id: IdLike, options: { delete_media?: boolean | null } = {}): Promise<Status> {
  return this.request({ method: "DELETE", path: path`/api/v1/statuses/${idOf(id)}`, params: { delete_media: options.delete_media ?? undefined }, version: ["1.0.0", "1.0.0"] });
}
