/** Media uploads. https://docs.joinmastodon.org/methods/media/ */
import { withFiles } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonAPIError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { focusParam, loadThumbnail } from "../internal/media-params.js";
import { loadMedia, type MediaInput } from "../core/media.js";
import { path } from "../core/path.js";
import type { EmptyResult } from "../core/types.js";
import type { MediaAttachment } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

export interface MediaPostOptions {
  /** Needed when it cannot be read from the Blob, the file's bytes or its name. */
  mime_type?: string | null;
  /** Alt text. */
  description?: string | null;
  /** Focal point, each coordinate from -1 to 1. */
  focus?: [number, number] | null;
  file_name?: string | null;
  thumbnail?: MediaInput | null;
  thumbnail_mime_type?: string | null;
  /** Wait until the server has processed the file (and `url` is set) before resolving. */
  synchronous?: boolean;
}

/** Polling interval while waiting for a synchronous upload: short at first, then a second. */
const POLL_DELAYS_MS = [250, 500, 1000];

/**
 * Uploads a file (a path in Node, bytes, or a Blob). Uses /api/v2/media from Mastodon 3.1.3 on,
 * which processes large files in the background; `synchronous: true` waits for the result.
 */
export async function mediaPost(this: MastodonClient, media_file: MediaInput, options: MediaPostOptions = {}): Promise<MediaAttachment> {
  const focus = focusParam(options.focus);
  const file = await loadMedia(media_file, options.mime_type ?? undefined, options.file_name ?? undefined, "media_file");
  const thumbnail = options.thumbnail ? await loadThumbnail(this, options.thumbnail, options.thumbnail_mime_type) : undefined;
  const v2 = await serverAtLeast(this, "3.1.3");
  let attachment = await this.request<MediaAttachment>({
    method: "POST",
    path: v2 ? "/api/v2/media" : "/api/v1/media",
    ...withFiles({ description: options.description, focus }, { file, thumbnail }),
    version: ["1.0.0", "3.2.0"],
  });
  if (!options.synchronous || !v2) return attachment;
  for (let attempt = 0; attachment.url === null || attachment.url === undefined; attempt++) {
    await new Promise<void>((resolve) => this.clock.setTimeout(() => resolve(), POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)] ?? 1000));
    try {
      attachment = await media.call(this, attachment);
    } catch (cause) {
      if (cause instanceof MastodonAPIError) {
        throw new MastodonAPIError({ ...cause, error: `Attachment could not be processed: ${cause.error ?? cause.reason}` });
      }
      throw cause;
    }
  }
  return attachment;
}

/** An attachment of the logged-in user, to see whether an upload has been processed (its `url` is set). */
export async function media(this: MastodonClient, id: IdLike): Promise<MediaAttachment> {
  return this.request({ method: "GET", path: path`/api/v1/media/${id}`, version: ["3.1.4", "3.1.4"] });
}

export interface MediaUpdateOptions {
  /** Alt text. */
  description?: string | null;
  /** Focal point, each coordinate from -1 to 1. */
  focus?: [number, number] | null;
  /** A custom preview image (Mastodon 3.2.0+), as a path, bytes or a Blob. */
  thumbnail?: MediaInput | null;
  thumbnail_mime_type?: string | null;
}

/** Changes an attachment's description, focus or thumbnail before it is posted. */
export async function mediaUpdate(this: MastodonClient, id: IdLike, options: MediaUpdateOptions = {}): Promise<MediaAttachment> {
  const focus = focusParam(options.focus);
  const thumbnail = options.thumbnail ? await loadThumbnail(this, options.thumbnail, options.thumbnail_mime_type) : undefined;
  return this.request({
    method: "PUT",
    path: path`/api/v1/media/${id}`,
    // Multipart only when there is a file to send, as Mastodon.py does.
    ...withFiles({ description: options.description, focus }, { thumbnail }),
    version: ["2.3.0", "3.2.0"],
  });
}

/** Deletes an attachment that is not attached to a status (Mastodon 4.4). Not in Mastodon.py. */
export async function mediaDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/media/${id}`, version: ["4.4.0", "4.4.0"] });
}
