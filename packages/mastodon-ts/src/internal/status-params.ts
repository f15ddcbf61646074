/** Checking and converting the options of posting and editing statuses. */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { optionalIdOf, type IdLike, optionalIdsOf } from "../core/ids.js";
import { checkOneOf } from "./params.js";

const VISIBILITIES = ["public", "unlisted", "private", "direct"];
/** The quote policies Mastodon 4.5 accepts (Mastodon.py checks against the same list). */
export const QUOTE_POLICIES = ["public", "followers", "nobody"];
/** Mastodon's default limit of attachments per status (configuration.statuses.max_media_attachments). */
const MAX_MEDIA = 4;

/** A poll to attach to a status, as `makePoll` builds it. */
export interface PollOptions {
  /** The answers; Mastodon needs at least two. */
  options: string[];
  /** Seconds the poll stays open. */
  expires_in: number;
  multiple?: boolean;
  hide_totals?: boolean;
}

export interface StatusPostOptions {
  in_reply_to_id?: IdLike | null;
  media_ids?: IdLike | IdLike[] | null;
  sensitive?: boolean | null;
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
  /** Fedibird-style quote (feature_set "fedibird" only). */
  quote_id?: IdLike | null;
  strict_content_type?: boolean;
  /** Mastodon 4.5: the status this one quotes. */
  quoted_status_id?: IdLike | null;
  /** Mastodon 4.5: who may quote this status: public, followers or nobody. */
  quote_approval_policy?: "public" | "followers" | "nobody" | (string & {}) | null;
}

/** Throws unless `poll` has a list of answers and a duration in seconds. */
export function checkPoll(poll: PollOptions): void {
  if (!Array.isArray(poll.options) || poll.options.length < 2 || poll.options.some((option) => typeof option !== "string")) {
    throw new MastodonIllegalArgumentError("poll options must be a list of at least two strings");
  }
  if (typeof poll.expires_in !== "number" || !Number.isFinite(poll.expires_in) || poll.expires_in <= 0) {
    throw new MastodonIllegalArgumentError("poll expires_in must be a positive number of seconds");
  }
}

/** Checks and converts the options shared by posting and editing. */
export function statusParams(client: MastodonClient, status: string | null, options: StatusPostOptions): Record<string, unknown> {
  if (client.feature_set === "mainline") checkOneOf("visibility", options.visibility?.toLowerCase(), VISIBILITIES);
  checkOneOf("quote_approval_policy", options.quote_approval_policy, QUOTE_POLICIES);
  const mediaIds = optionalIdsOf(options.media_ids, "media_ids");
  if (mediaIds && mediaIds.length > MAX_MEDIA) {
    throw new MastodonIllegalArgumentError(`media_ids: at most ${MAX_MEDIA} media attachments per status, got ${mediaIds.length}`);
  }
  if (mediaIds && mediaIds.length > 0 && options.poll) {
    throw new MastodonIllegalArgumentError("media_ids and poll cannot be used together");
  }
  if (options.poll) checkPoll(options.poll);
  if (options.content_type && client.feature_set !== "pleroma") {
    throw new MastodonIllegalArgumentError("content_type is only supported with feature_set \"pleroma\"");
  }
  if (options.quote_id !== undefined && options.quote_id !== null && client.feature_set !== "fedibird") {
    throw new MastodonIllegalArgumentError("quote_id is only supported with feature_set \"fedibird\"; Mastodon 4.5 quotes use quoted_status_id");
  }
  if (options.scheduled_at !== undefined && options.scheduled_at !== null && !(options.scheduled_at instanceof Date && !Number.isNaN(options.scheduled_at.getTime()))) {
    throw new MastodonIllegalArgumentError("scheduled_at must be a valid Date");
  }
  return {
    status: status ?? undefined,
    in_reply_to_id: optionalIdOf(options.in_reply_to_id, "in_reply_to_id"),
    media_ids: mediaIds,
    // Mastodon.py leaves sensitive out unless it is true.
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
