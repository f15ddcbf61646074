/** Lists of relationships: follow requests, mutes, blocks, domain blocks, favourites, bookmarks. */
import type { MastodonClient } from "../core/client.js";
import { path } from "../core/path.js";
import type { EmptyResult, PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { IdLike } from "../core/ids.js";
import type { Account, Relationship, Status } from "../entities/index.js";

export async function favourites(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Status>> {
  return this.request({ method: "GET", path: "/api/v1/favourites", params: pagingParams(options), version: ["1.0.0", "2.6.0"] });
}

/** The statuses the logged-in user has bookmarked. */
export async function bookmarks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Status>> {
  return this.request({ method: "GET", path: "/api/v1/bookmarks", params: pagingParams(options), version: ["3.1.0", "3.1.0"] });
}

export async function followRequests(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/follow_requests", params: pagingParams(options), version: ["1.0.0", "2.6.0"] });
}

export async function followRequestAuthorize(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/follow_requests/${id}/authorize`, version: ["1.0.0", "3.0.0"] });
}

export async function followRequestReject(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/follow_requests/${id}/reject`, version: ["1.0.0", "3.0.0"] });
}

export async function mutes(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/mutes", params: pagingParams(options), version: ["1.1.0", "2.6.0"] });
}

export async function blocks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/blocks", params: pagingParams(options), version: ["1.0.0", "2.6.0"] });
}

/** The domains the logged-in user has blocked (strings). */
export async function domainBlocks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<string>> {
  return this.request({ method: "GET", path: "/api/v1/domain_blocks", params: pagingParams(options), version: ["1.4.0", "2.6.0"] });
}

/** Hides everything from a domain. */
export async function domainBlock(this: MastodonClient, domain: string): Promise<EmptyResult> {
  return this.request({ method: "POST", path: "/api/v1/domain_blocks", params: { domain }, version: ["1.4.0", "1.4.0"] });
}

export async function domainUnblock(this: MastodonClient, domain: string): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: "/api/v1/domain_blocks", params: { domain }, version: ["1.4.0", "1.4.0"] });
}
