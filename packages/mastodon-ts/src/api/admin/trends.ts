/** Admin: trends, including those not yet reviewed. https://docs.joinmastodon.org/methods/admin/trends/ */
import type { MastodonClient } from "../../core/client.js";
import type { IdLike } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { NonPaginatedList } from "../../core/types.js";
import { entityIdOf } from "../../internal/admin-params.js";
import type { AdminTrendingLink, Status, Tag } from "../../entities/index.js";

/** Trending hashtags, reviewed or not. */
export async function adminTrendingTags(this: MastodonClient, options: { limit?: number | null } = {}): Promise<NonPaginatedList<Tag>> {
  return this.request({ method: "GET", path: "/api/v1/admin/trends/tags", params: { limit: options.limit ?? undefined }, version: ["3.5.0", "3.5.0"] });
}

/** Trending statuses, reviewed or not. */
export async function adminTrendingStatuses(this: MastodonClient): Promise<NonPaginatedList<Status>> {
  return this.request({ method: "GET", path: "/api/v1/admin/trends/statuses", version: ["3.5.0", "3.5.0"] });
}

/** Trending links, reviewed or not. */
export async function adminTrendingLinks(this: MastodonClient): Promise<NonPaginatedList<AdminTrendingLink>> {
  return this.request({ method: "GET", path: "/api/v1/admin/trends/links", version: ["3.5.0", "3.5.0"] });
}

/** Allows a link to trend. */
export async function adminApproveTrendingLink(this: MastodonClient, id: IdLike | AdminTrendingLink): Promise<AdminTrendingLink> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/links/${entityIdOf(id)}/approve`, version: ["4.2.0", "4.2.0"] });
}

/** Keeps a link from trending. */
export async function adminRejectTrendingLink(this: MastodonClient, id: IdLike | AdminTrendingLink): Promise<AdminTrendingLink> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/links/${entityIdOf(id)}/reject`, version: ["4.2.0", "4.2.0"] });
}

/** Allows a status to trend. */
export async function adminApproveTrendingStatus(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/statuses/${id}/approve`, version: ["4.2.0", "4.2.0"] });
}

/** Keeps a status from trending. */
export async function adminRejectTrendingStatus(this: MastodonClient, id: IdLike): Promise<Status> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/statuses/${id}/reject`, version: ["4.2.0", "4.2.0"] });
}

/** Allows a hashtag to trend. */
export async function adminApproveTrendingTag(this: MastodonClient, id: IdLike | Tag): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/tags/${entityIdOf(id)}/approve`, version: ["4.2.0", "4.2.0"] });
}

/** Keeps a hashtag from trending. */
export async function adminRejectTrendingTag(this: MastodonClient, id: IdLike | Tag): Promise<Tag> {
  return this.request({ method: "POST", path: path`/api/v1/admin/trends/tags/${entityIdOf(id)}/reject`, version: ["4.2.0", "4.2.0"] });
}
