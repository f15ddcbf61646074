/** Editing statuses, and their edit history. https://docs.joinmastodon.org/methods/statuses/#edit */
import { toJson } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, type IdLike } from "../core/ids.js";
import type { MediaInput } from "../core/media.js";
import { path } from "../core/path.js";
import type { NonPaginatedList } from "../core/types.js";
import { dataUri, focusParam, loadThumbnail } from "../internal/media-params.js";
import { statusParams, type PollOptions } from "../internal/status-params.js";
import type { Status, StatusEdit, StatusSource } from "../entities/index.js";

/** New metadata for one attachment of an edited status, as `generateMediaEditAttributes` builds it. */
export interface MediaEditAttributes {
  id: string;
  description?: string;
  /** "x,y" */
  focus?: string;
  /** A data: URI: the thumbnail travels inside the JSON body. */
  thumbnail?: string;
}

export interface GenerateMediaEditAttributesOptions {
  description?: string | null;
  focus?: [number, number] | null;
  /** A custom preview image (Mastodon 3.2.0+), as a path, bytes or a Blob. */
  thumbnail?: MediaInput | null;
  thumb_mimetype?: string | null;
}

/**
 * Builds one entry of `statusUpdate`'s `media_attributes`, to change an attachment's
 * description, focus or thumbnail while editing a status (no request is sent, except a version
 * lookup for a thumbnail when the server's version is needed and unknown).
 */
export async function generateMediaEditAttributes(
  this: MastodonClient, id: IdLike, options: GenerateMediaEditAttributesOptions = {},
): Promise<MediaEditAttributes> {
  const attributes: MediaEditAttributes = { id: idOf(id) };
  if (options.description !== undefined && options.description !== null) attributes.description = options.description;
  const focus = focusParam(options.focus);
  if (focus !== undefined) attributes.focus = focus;
  if (options.thumbnail !== undefined && options.thumbnail !== null) {
    attributes.thumbnail = await dataUri(await loadThumbnail(this, options.thumbnail, options.thumb_mimetype));
  }
  return attributes;
}

export interface StatusUpdateOptions {
  spoiler_text?: string | null;
  /** Only `true` is sent, as Mastodon.py does. */
  sensitive?: boolean | null;
  media_ids?: IdLike | IdLike[] | null;
  /** A new poll (made with `makePoll`); changing the answers resets the votes. */
  poll?: PollOptions | null;
  /** New descriptions, focus points or thumbnails for attachments (from `generateMediaEditAttributes`). */
  media_attributes?: MediaEditAttributes[] | null;
  /** Mastodon 4.5: who may quote this status. */
  quote_approval_policy?: "public" | "followers" | "nobody" | (string & {}) | null;
  /** Not in Mastodon.py: the status's language (Mastodon 4.0). */
  language?: string | null;
}

/** Edits a status: its text, content warning, sensitivity, attachments or poll. */
export async function statusUpdate(this: MastodonClient, id: IdLike, status: string, options: StatusUpdateOptions = {}): Promise<Status> {
  const mediaAttributes = options.media_attributes ?? undefined;
  if (mediaAttributes !== undefined && (!Array.isArray(mediaAttributes) || mediaAttributes.some((item) => typeof item?.id !== "string"))) {
    throw new MastodonIllegalArgumentError("media_attributes must be a list made with generateMediaEditAttributes");
  }
  const params = {
    ...statusParams(this, status, {
      spoiler_text: options.spoiler_text, sensitive: options.sensitive, media_ids: options.media_ids, poll: options.poll,
      quote_approval_policy: options.quote_approval_policy, language: options.language,
    }),
    media_attributes: mediaAttributes,
  };
  return this.request({
    method: "PUT",
    path: path`/api/v1/statuses/${id}`,
    // Nested values (a poll, attachment attributes) go as JSON, as Mastodon.py sends them.
    ...(options.poll || mediaAttributes ? { body: toJson(params) } : { params }),
    version: ["3.5.0", "4.1.0"],
  });
}

/** All versions of a status, oldest (the original) first: a status edited once has two. */
export async function statusHistory(this: MastodonClient, id: IdLike): Promise<NonPaginatedList<StatusEdit>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/history`, version: ["3.5.0", "3.5.0"] });
}

/** The plain-text source of a status (`text`, `spoiler_text`), for editing it. */
export async function statusSource(this: MastodonClient, id: IdLike): Promise<StatusSource> {
  // Mastodon.py gives this method no version; the endpoint came with 3.5.0.
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/source`, version: ["3.5.0", "3.5.0"] });
}
