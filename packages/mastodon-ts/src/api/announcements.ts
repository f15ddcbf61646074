/** Announcements by the server's staff, and reactions to them. https://docs.joinmastodon.org/methods/announcements/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { encodeSegment, path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList } from "../core/types.js";
import type { Announcement } from "../entities/index.js";

/** The announcements that are active now. */
export async function announcements(this: MastodonClient): Promise<NonPaginatedList<Announcement>> {
  return this.request({ method: "GET", path: "/api/v1/announcements", version: ["3.1.0", "3.1.0"] });
}

/** Marks an announcement as read. */
export async function announcementDismiss(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/announcements/${id}/dismiss`, version: ["3.1.0", "3.1.0"] });
}

function reactionPath(id: IdLike, reaction: string): string {
  if (typeof reaction !== "string" || reaction === "") {
    throw new MastodonIllegalArgumentError("reaction must be a Unicode emoji or the shortcode of a custom emoji");
  }
  return `${path`/api/v1/announcements/${id}/reactions`}/${encodeSegment(reaction)}`;
}

/** Adds the user's reaction to an announcement: a Unicode emoji, or a custom emoji's shortcode (without colons). */
export async function announcementReactionCreate(this: MastodonClient, id: IdLike, reaction: string): Promise<EmptyResult> {
  return this.request({ method: "PUT", path: reactionPath(id, reaction), version: ["3.1.0", "3.1.0"] });
}

/** Removes the user's reaction from an announcement. */
export async function announcementReactionDelete(this: MastodonClient, id: IdLike, reaction: string): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: reactionPath(id, reaction), version: ["3.1.0", "3.1.0"] });
}
