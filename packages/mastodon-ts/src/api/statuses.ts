/** Statuses: reading, posting, and acting on them. https://docs.joinmastodon.org/methods/statuses/ */
import { toJson } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, idsOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { NonPaginatedList, PaginatedList } from "../core/types.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../internal/params.js";
import { replyMentions } from "../internal/status-reply.js";
import { statusParams, type StatusPostOptions } from "../internal/status-params.js";
import { accountVerifyCredentials } from "./accounts.js";
import type { Account, Context, DeletedStatus, PreviewCard, ScheduledStatus, Status, Translation } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";
import { cached } from "../core/cache.js";

export type { PollOptions, StatusPostOptions } from "../internal/status-params.js";

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Posts a status, or schedules it when `scheduled_at` is given. */
export async function statusPost(this: MastodonClient, status: string, options: StatusPostOptions = {}): Promise<Status | ScheduledStatus> {
  const params = statusParams(this, status, options);
  return this.request({
    method: "POST", path: "/api/v1/statuses", version: ["1.0.0", "4.5.0"],
    // Polls are nested objects, which Mastodon.py sends (and Mastodon reads most simply) as JSON.
    ...(options.poll ? { body: toJson(params) } : { params }),
    headers: { "Idempotency-Key": options.idempotency_key ?? newIdempotencyKey() },
  });
}

/** Posts a public status with default options. */
export async function toot(this: MastodonClient, status: string): Promise<Status> {
  return statusPost.call(this, status) as Promise<Status>;
}

export interface StatusReplyOptions extends Omit<StatusPostOptions, "in_reply_to_id"> {
  /** Mention only the author of the status replied to, not everyone it mentions. */
  untag?: boolean;
}

/**
 * Replies to a status as Mastodon.py does: mentions its author and (unless `untag`) everyone it
 * mentions except yourself, and keeps its visibility and content warning unless overridden.
 * `to_status` is best the status itself; given an id, the status is fetched first.
 */
export async function statusReply(this: MastodonClient, to_status: Status | IdLike, status: string, options: StatusReplyOptions = {}): Promise<Status> {
  const me = await cached(this, "me", () => accountVerifyCredentials.call(this));
  const original = typeof to_status === "object" && "account" in to_status ? to_status : await statusGet(this, to_status);
  const { untag, ...postOptions } = options;
  const text = replyMentions(original, me.id, untag ?? false) + status;
  return statusPost.call(this, text, {
    ...postOptions,
    visibility: options.visibility ?? original.visibility,
    spoiler_text: options.spoiler_text ?? original.spoiler_text,
    in_reply_to_id: original.id,
  }) as Promise<Status>;
}

export async function status(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}`, version: ["1.0.0", "2.0.0"] });
}

function statusGet(client: MastodonClient, id: IdLike): Promise<Status> {
  return status.call(client, id);
}

/** Several statuses by id, in one request (Mastodon 4.3); ids that are not found are left out. */
export async function statuses(this: MastodonClient, ids: IdLike | IdLike[]): Promise<NonPaginatedList<Status>> {
  const list = idsOf(ids, "ids");
  if (list.length === 0) throw new MastodonIllegalArgumentError("ids must name at least one status");
  return this.request({ method: "GET", path: "/api/v1/statuses", params: { id: list }, version: ["4.3.0", "4.3.0"] });
}

export async function statusContext(this: MastodonClient, id: IdLike): Promise<Context> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/context`, version: ["1.0.0", "1.0.0"] });
}

/** Who boosted a status. The server pages this list; paging options are an addition to Mastodon.py's. */
export async function statusRebloggedBy(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/reblogged_by`, params: pagingParams(options), version: ["1.0.0", "2.1.0"] });
}

/** Who favourited a status. The server pages this list; paging options are an addition to Mastodon.py's. */
export async function statusFavouritedBy(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/favourited_by`, params: pagingParams(options), version: ["1.0.0", "2.1.0"] });
}

/**
 * The status's preview card, or null. The /card endpoint was removed in Mastodon 4.0;
 * on newer servers the card is read from the status itself, as Mastodon.py does.
 */
export async function statusCard(this: MastodonClient, id: IdLike): Promise<PreviewCard | null> {
  if (await serverAtLeast(this, "3.0.0")) {
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

/**
 * Deletes a status; resolves to it with its source `text` instead of `content`, for
 * delete-and-redraft. `delete_media` (Mastodon 4.4) removes its attachments at once.
 */
export async function statusDelete(this: MastodonClient, id: IdLike, options: { delete_media?: boolean | null } = {}): Promise<DeletedStatus> {
  return this.request({ method: "DELETE", path: path`/api/v1/statuses/${idOf(id)}`, params: { delete_media: options.delete_media ?? undefined }, version: ["1.0.0", "1.0.0"] });
}

/** Pins a status of the logged-in user to their profile. */
export async function statusPin(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/pin`, version: ["2.1.0", "2.1.0"] });
}

export async function statusUnpin(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/unpin`, version: ["2.1.0", "2.1.0"] });
}

export async function statusBookmark(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/bookmark`, version: ["3.1.0", "3.1.0"] });
}

export async function statusUnbookmark(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/unbookmark`, version: ["3.1.0", "3.1.0"] });
}

/** Machine-translates a status into `lang` (an ISO 639 code; default: the user's locale), if the server can. */
export async function statusTranslate(this: MastodonClient, id: IdLike, options: { lang?: string | null } = {}): Promise<Translation> {
  return this.request({ method: "POST", path: path`/api/v1/statuses/${id}/translate`, params: { lang: options.lang }, version: ["4.0.0", "4.0.0"] });
}
