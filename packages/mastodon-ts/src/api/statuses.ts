/** Statuses: reading, posting, and acting on them. https://docs.joinmastodon.org/methods/statuses/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, idsOf, optionalIdOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { NonPaginatedList } from "../core/types.js";
import { checkOneOf } from "../internal/params.js";
import type { Account, Context, PreviewCard, ScheduledStatus, Status } from "../entities/index.js";

const VISIBILITIES = ["public", "unlisted", "private", "direct"];
/** Mastodon's default limit of attachments per status (configuration.statuses.max_media_attachments). */
const MAX_MEDIA = 4;

export interface PollOptions {
  options: string[];
  expires_in: number;
  multiple?: boolean;
  hide_totals?: boolean;
}

export interface StatusPostOptions {
  in_reply_to_id?: IdLike | null;
  media_ids?: IdLike | IdLike[] | null;
  sensitive?: boolean;
  visibility?: "public" | "unlisted" | "private" | "direct" | (string & {}) | null;
  spoiler_text?: string | null;
  language?: string | null;
  /** Sent as the Idempotency-Key header; one is generated when not given, so retries never post twice. */
  idempotency_key?: string | null;
  /** Pleroma / Akkoma: the source format (text/plain, text/markdown, ...). */
  content_type?: string | null;
  /** Schedule instead of posting now: resolves to a ScheduledStatus. */
  scheduled_at?: Date | null;
  /** A poll made with `makePoll`, or its options. */
  poll?: PollOptions | null;
  /** Fedibird-style quote. */
  quote_id?: IdLike | null;
  strict_content_type?: boolean;
  /** Mastodon 4.5: the status this one quotes. */
  quoted_status_id?: IdLike | null;
  /** Mastodon 4.5: who may quote this status. */
  quote_approval_policy?: "public" | "followers" | "nobody" | (string & {}) | null;
}

/** Checks and converts the options shared by posting and editing. */
export function statusParams(client: MastodonClient, status: string | null, options: StatusPostOptions): Record<string, unknown> {
  if (client.feature_set === "mainline") checkOneOf("visibility", options.visibility?.toLowerCase(), VISIBILITIES);
  const mediaIds = options.media_ids === undefined || options.media_ids === null ? undefined : idsOf(options.media_ids, "media_ids");
  if (mediaIds && mediaIds.length > MAX_MEDIA) {
    throw new MastodonIllegalArgumentError(`media_ids: at most ${MAX_MEDIA} media attachments per status, got ${mediaIds.length}`);
  }
  if (mediaIds && mediaIds.length > 0 && options.poll) {
    throw new MastodonIllegalArgumentError("media_ids and poll cannot be used together");
  }
  if (options.content_type && client.feature_set !== "pleroma") {
    throw new MastodonIllegalArgumentError("content_type is only supported with feature_set \"pleroma\"");
  }
  if (options.scheduled_at !== undefined && options.scheduled_at !== null && !(options.scheduled_at instanceof Date && !Number.isNaN(options.scheduled_at.getTime()))) {
    throw new MastodonIllegalArgumentError("scheduled_at must be a valid Date");
  }
  return {
    status: status ?? undefined,
    in_reply_to_id: optionalIdOf(options.in_reply_to_id, "in_reply_to_id"),
    media_ids: mediaIds,
    sensitive: options.sensitive ? true : undefined,
    visibility: options.visibility?.toLowerCase(),
    spoiler_text: options.spoiler_text,
    language: options.language,
    content_type: options.content_type,
    scheduled_at: options.scheduled_at,
    poll: options.poll ?? undefined,
    quote_id: optionalIdOf(options.quote_id, "quote_id"),
    quoted_status_id: optionalIdOf(options.quoted_status_id, "quoted_status_id"),
    quote_approval_policy: options.quote_approval_policy,
  };
}

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
