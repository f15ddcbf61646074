/** Timelines. https://docs.joinmastodon.org/methods/timelines/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { encodeSegment } from "../core/path.js";
import type { PaginatedList } from "../core/types.js";
import { pagingParams, unlessDefault, type PagingOptions } from "../internal/params.js";
import type { Status } from "../entities/index.js";

export interface TimelineOptions extends PagingOptions {
  only_media?: boolean;
  local?: boolean;
  remote?: boolean;
}

/**
 * Any timeline by name: "home", "local", "public", "tag/NAME" or "list/ID".
 * "local" is the public timeline with local=true, as in Mastodon.py.
 */
export async function timeline(this: MastodonClient, options: TimelineOptions & { timeline?: string } = {}): Promise<PaginatedList<Status>> {
  let name = options.timeline ?? "home";
  let local = options.local ?? false;
  if (name === "local") {
    name = "public";
    local = true;
  }
  // tag/NAME and list/ID keep their slash; the name or id itself is one encoded segment.
  const slash = name.indexOf("/");
  const endpoint = slash < 0 ? encodeSegment(name) : `${encodeSegment(name.slice(0, slash))}/${encodeSegment(name.slice(slash + 1))}`;
  return this.request({
    method: "GET",
    path: `/api/v1/timelines/${endpoint}`,
    params: {
      ...pagingParams(options),
      only_media: unlessDefault(options.only_media, false),
      local: unlessDefault(local, false),
      remote: unlessDefault(options.remote, false),
    },
    version: ["1.0.0", "3.1.4"],
  });
}

export async function timelineHome(this: MastodonClient, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  return timeline.call(this, { ...options, timeline: "home" });
}

export async function timelineLocal(this: MastodonClient, options: Omit<TimelineOptions, "local" | "remote"> = {}): Promise<PaginatedList<Status>> {
  return timeline.call(this, { ...options, timeline: "local" });
}

export async function timelinePublic(this: MastodonClient, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  return timeline.call(this, { ...options, timeline: "public" });
}

/** A hashtag's timeline; give the tag without "#". */
export async function timelineHashtag(this: MastodonClient, hashtag: string, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  if (typeof hashtag !== "string" || hashtag === "") throw new MastodonIllegalArgumentError("hashtag must be a non-empty string");
  if (hashtag.startsWith("#")) {
    throw new MastodonIllegalArgumentError("hashtag must not start with \"#\": give the tag's name alone");
  }
  return timeline.call(this, { ...options, timeline: `tag/${hashtag}` });
}
