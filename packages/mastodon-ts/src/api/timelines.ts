/** Timelines. https://docs.joinmastodon.org/methods/timelines/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { encodeSegment, path } from "../core/path.js";
import type { PaginatedList } from "../core/types.js";
import { pagingParams, unlessDefault, type PagingOptions } from "../internal/params.js";
import type { Status } from "../entities/index.js";

export interface TimelineOptions extends PagingOptions {
  only_media?: boolean;
  local?: boolean;
  remote?: boolean;
}

export interface TimelineHashtagOptions extends TimelineOptions {
  /** Not in Mastodon.py: statuses that also have any of these tags. */
  any?: string[] | null;
  /** Not in Mastodon.py: statuses that also have all of these tags. */
  all?: string[] | null;
  /** Not in Mastodon.py: statuses that have none of these tags. */
  none?: string[] | null;
}

type Version = readonly [created: string, changed?: string];

/** One page of a timeline at `endpoint`; the flags are sent only when true, as Mastodon.py does. */
function timelinePage(
  client: MastodonClient, endpoint: string, options: TimelineOptions, extra: Record<string, unknown> = {}, version: Version = ["1.0.0", "3.1.4"],
): Promise<PaginatedList<Status>> {
  return client.request({
    method: "GET",
    path: endpoint,
    params: {
      ...extra,
      ...pagingParams(options),
      only_media: unlessDefault(options.only_media, false),
      local: unlessDefault(options.local, false),
      remote: unlessDefault(options.remote, false),
    },
    version,
  });
}

/**
 * Any timeline by name: "home", "local", "public", "tag/NAME", "list/ID" or "link?url=URL".
 * "local" is the public timeline with local=true, as in Mastodon.py.
 */
export async function timeline(this: MastodonClient, options: TimelineOptions & { timeline?: string } = {}): Promise<PaginatedList<Status>> {
  let name = options.timeline ?? "home";
  let local = options.local ?? false;
  if (name === "local") {
    name = "public";
    local = true;
  }
  // "link?url=..." carries its query in the name; it becomes parameters.
  const question = name.indexOf("?");
  const extra = question < 0 ? {} : Object.fromEntries(new URLSearchParams(name.slice(question + 1)));
  if (question >= 0) name = name.slice(0, question);
  // tag/NAME and list/ID keep their slash; the name or id itself is one encoded segment.
  const slash = name.indexOf("/");
  const endpoint = slash < 0 ? encodeSegment(name) : `${encodeSegment(name.slice(0, slash))}/${encodeSegment(name.slice(slash + 1))}`;
  return timelinePage(this, `/api/v1/timelines/${endpoint}`, { ...options, local }, extra);
}

export async function timelineHome(this: MastodonClient, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  return timelinePage(this, "/api/v1/timelines/home", options);
}

export async function timelineLocal(this: MastodonClient, options: Omit<TimelineOptions, "local" | "remote"> = {}): Promise<PaginatedList<Status>> {
  return timelinePage(this, "/api/v1/timelines/public", { ...options, local: true });
}

export async function timelinePublic(this: MastodonClient, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  return timelinePage(this, "/api/v1/timelines/public", options);
}

/** A hashtag's timeline; give the tag without "#". */
export async function timelineHashtag(this: MastodonClient, hashtag: string, options: TimelineHashtagOptions = {}): Promise<PaginatedList<Status>> {
  if (typeof hashtag !== "string" || hashtag === "") throw new MastodonIllegalArgumentError("hashtag must be a non-empty string");
  if (hashtag.startsWith("#")) {
    throw new MastodonIllegalArgumentError("hashtag must not start with \"#\": give the tag's name alone");
  }
  const extra = { any: options.any ?? undefined, all: options.all ?? undefined, none: options.none ?? undefined };
  return timelinePage(this, `/api/v1/timelines/tag/${encodeSegment(hashtag)}`, options, extra);
}

/** The statuses of the accounts in one of the logged-in user's lists. */
export async function timelineList(this: MastodonClient, id: IdLike, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  return timelinePage(this, path`/api/v1/timelines/list/${id}`, options, {}, ["2.1.0", "3.1.4"]);
}

/** Statuses that share a trending link (Mastodon 4.3); `url` is the link's URL. */
export async function timelineLink(this: MastodonClient, url: string, options: TimelineOptions = {}): Promise<PaginatedList<Status>> {
  if (typeof url !== "string" || url === "") throw new MastodonIllegalArgumentError("url must be a non-empty string");
  // Mastodon.py gives this method no version; the endpoint came with 4.3.0.
  return timelinePage(this, "/api/v1/timelines/link", options, { url }, ["4.3.0", "4.3.0"]);
}
