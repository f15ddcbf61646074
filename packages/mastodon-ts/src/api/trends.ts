/** Trending tags, posts and links. https://docs.joinmastodon.org/methods/trends/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { NonPaginatedList } from "../core/types.js";
import type { PreviewCard, Status, Tag } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

export interface TrendsOptions {
  /** How many at most (servers allow up to 20 tags or links, 40 posts). */
  limit?: number | null;
  /** Skip this many. */
  offset?: number | null;
  /** Ask for the trends of this language instead of the client's `lang`. */
  lang?: string | null;
}

function trendParams(options: TrendsOptions): Record<string, unknown> {
  for (const key of ["limit", "offset"] as const) {
    const value = options[key];
    if (value !== undefined && value !== null && !(Number.isInteger(value) && value >= (key === "limit" ? 1 : 0))) {
      throw new MastodonIllegalArgumentError(`${key} must be a ${key === "limit" ? "positive" : "non-negative"} whole number, got ${String(value)}`);
    }
  }
  return { limit: options.limit ?? undefined, offset: options.offset ?? undefined, lang: options.lang ?? undefined };
}

/** Mastodon.py's older name for trendingTags. */
export async function trends(this: MastodonClient, options: { limit?: number | null } = {}): Promise<NonPaginatedList<Tag>> {
  return trendingTags.call(this, { limit: options.limit ?? null });
}

/** Trending hashtags: from /api/v1/trends/tags on Mastodon 3.5+, from its older alias /api/v1/trends before. */
export async function trendingTags(this: MastodonClient, options: TrendsOptions = {}): Promise<NonPaginatedList<Tag>> {
  const params = trendParams(options);
  const path = (await serverAtLeast(this, "3.5.0")) ? "/api/v1/trends/tags" : "/api/v1/trends";
  return this.request({ method: "GET", path, params, version: ["3.5.0", "3.5.0"] });
}

/** Posts that are being interacted with more than others. */
export async function trendingStatuses(this: MastodonClient, options: TrendsOptions = {}): Promise<NonPaginatedList<Status>> {
  return this.request({ method: "GET", path: "/api/v1/trends/statuses", params: trendParams(options), version: ["3.5.0", "3.5.0"] });
}

/** Links that are being shared more than others, as preview cards with their history. */
export async function trendingLinks(this: MastodonClient, options: TrendsOptions = {}): Promise<NonPaginatedList<PreviewCard>> {
  return this.request({ method: "GET", path: "/api/v1/trends/links", params: trendParams(options), version: ["3.5.0", "3.5.0"] });
}
