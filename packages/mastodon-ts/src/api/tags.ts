/**
 * Hashtags: reading, following and featuring them, and the featured tags of the profile.
 * https://docs.joinmastodon.org/methods/tags/, /featured_tags/, /followed_tags/
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { FeaturedTag, Tag } from "../entities/index.js";

/** A hashtag given by name ("#cats" or "cats") or as a Tag entity. */
export type HashtagLike = string | Pick<Tag, "name">;

/** The bare name of a hashtag: a Tag's name, or the string without its leading "#"s. */
function hashtagName(hashtag: HashtagLike, argument: string): string {
  const raw = typeof hashtag === "string" ? hashtag : hashtag?.name;
  const name = typeof raw === "string" ? raw.replace(/^#+/, "") : "";
  if (name === "") throw new MastodonIllegalArgumentError(`${argument} must be a hashtag name or a Tag, got ${JSON.stringify(hashtag)}`);
  return name;
}

/** One hashtag, with whether the logged-in user follows or features it. */
export async function tag(this: MastodonClient, hashtag: HashtagLike): Promise<Tag> {
  return this.request({ method: "GET", path: path`/api/v1/tags/${hashtagName(hashtag, "hashtag")}`, version: ["4.0.0", "4.0.0"] });
}

/** Follows a hashtag: its public posts appear in the home timeline. */
export async function tagFollow(this: MastodonClient, hashtag: HashtagLike): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/tags/${hashtagName(hashtag, "hashtag")}/follow`, version: ["4.0.0", "4.0.0"] });
}

export async function tagUnfollow(this: MastodonClient, hashtag: HashtagLike): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/tags/${hashtagName(hashtag, "hashtag")}/unfollow`, version: ["4.0.0", "4.0.0"] });
}

/** Features a hashtag on the logged-in user's profile (Mastodon 4.4+). */
export async function tagFeature(this: MastodonClient, name: HashtagLike): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/tags/${hashtagName(name, "name")}/feature`, version: ["4.4.0", "4.4.0"] });
}

/** Stops featuring a hashtag on the logged-in user's profile (Mastodon 4.4+). */
export async function tagUnfeature(this: MastodonClient, name: HashtagLike): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/tags/${hashtagName(name, "name")}/unfeature`, version: ["4.4.0", "4.4.0"] });
}

/** The hashtags the logged-in user follows. */
export async function followedTags(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Tag>> {
  return this.request({ method: "GET", path: "/api/v1/followed_tags", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

/** The hashtags featured on the logged-in user's profile. */
export async function featuredTags(this: MastodonClient): Promise<NonPaginatedList<FeaturedTag>> {
  return this.request({ method: "GET", path: "/api/v1/featured_tags", version: ["3.0.0", "3.0.0"] });
}

/** The logged-in user's most used hashtags, as candidates for featuring. */
export async function featuredTagSuggestions(this: MastodonClient): Promise<NonPaginatedList<Tag>> {
  return this.request({ method: "GET", path: "/api/v1/featured_tags/suggestions", version: ["3.0.0", "3.0.0"] });
}

/** Features a hashtag on the logged-in user's profile. The name is sent as given ("#" allowed). */
export async function featuredTagCreate(this: MastodonClient, name: string): Promise<FeaturedTag> {
  if (typeof name !== "string" || name.replace(/^#+/, "") === "") throw new MastodonIllegalArgumentError("name must be a hashtag name");
  return this.request({ method: "POST", path: "/api/v1/featured_tags", params: { name }, version: ["3.0.0", "3.0.0"] });
}

/** Removes a featured hashtag, by the FeaturedTag's id. */
export async function featuredTagDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/featured_tags/${id}`, version: ["3.0.0", "3.0.0"] });
}
