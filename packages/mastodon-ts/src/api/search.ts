/** Search. https://docs.joinmastodon.org/methods/search/ */
import type { MastodonClient } from "../core/client.js";
import { optionalIdOf, type IdLike } from "../core/ids.js";
import { checkOneOf, unlessDefault } from "../internal/params.js";
import type { Search, SearchV2 } from "../entities/index.js";

export interface SearchOptions {
  resolve?: boolean;
  result_type?: "accounts" | "hashtags" | "statuses" | (string & {}) | null;
  account_id?: IdLike | null;
  offset?: number | null;
  min_id?: IdLike | null;
  max_id?: IdLike | null;
  exclude_unreviewed?: boolean;
  limit?: number | null;
}

/** Searches accounts, statuses and hashtags: /api/v2/search from Mastodon 2.4.1 on, /api/v1/search before. */
export async function search(this: MastodonClient, q: string, options: SearchOptions = {}): Promise<SearchV2 | Search> {
  if (await this.serverAtLeast("2.4.1")) return searchV2.call(this, q, options);
  return searchV1.call(this, q, { resolve: options.resolve ?? false });
}

export async function searchV1(this: MastodonClient, q: string, options: { resolve?: boolean } = {}): Promise<Search> {
  return this.request({ method: "GET", path: "/api/v1/search", params: { q, resolve: unlessDefault(options.resolve, false) }, version: ["1.1.0", "2.1.0"] });
}

export async function searchV2(this: MastodonClient, q: string, options: SearchOptions = {}): Promise<SearchV2> {
  checkOneOf("result_type", options.result_type, ["accounts", "hashtags", "statuses"]);
  return this.request({
    method: "GET",
    path: "/api/v2/search",
    params: {
      q,
      resolve: options.resolve ?? true,
      type: options.result_type,
      account_id: optionalIdOf(options.account_id, "account_id"),
      offset: options.offset ?? undefined,
      min_id: optionalIdOf(options.min_id, "min_id"),
      max_id: optionalIdOf(options.max_id, "max_id"),
      exclude_unreviewed: options.exclude_unreviewed ?? true,
      limit: options.limit ?? undefined,
    },
    version: ["2.4.1", "2.8.0"],
  });
}
