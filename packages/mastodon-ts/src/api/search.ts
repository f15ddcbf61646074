/** Search. https://docs.joinmastodon.org/methods/search/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonVersionError } from "../core/errors.js";
import { optionalIdOf, pageIdOf, type IdLike, type PageIdLike } from "../core/ids.js";
import { checkOneOf, unlessDefault } from "../internal/params.js";
import type { Search, SearchV2 } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

export interface SearchOptions {
  /** Look up unknown accounts and posts on other servers (WebFinger). Default true. */
  resolve?: boolean | null;
  result_type?: "accounts" | "hashtags" | "statuses" | (string & {}) | null;
  account_id?: IdLike | null;
  offset?: number | null;
  min_id?: PageIdLike | null;
  max_id?: PageIdLike | null;
  /** Leave out hashtags the staff has not reviewed. Default true. */
  exclude_unreviewed?: boolean | null;
  limit?: number | null;
}

/** Mastodon.py refuses the search options of Mastodon 2.8 on older servers rather than have them ignored. */
async function ensureAdvancedParamsAcceptable(client: MastodonClient, options: SearchOptions): Promise<void> {
  const advanced = [options.account_id, options.offset, options.min_id, options.max_id].some((value) => value !== undefined && value !== null);
  if (advanced && !(await serverAtLeast(client, "2.8.0"))) {
    throw new MastodonVersionError("Advanced search parameters (account_id, offset, min_id, max_id) require Mastodon 2.8.0+");
  }
}

/** Searches accounts, statuses and hashtags: /api/v2/search from Mastodon 2.4.1 on, /api/v1/search before. */
export async function search(this: MastodonClient, q: string, options: SearchOptions = {}): Promise<SearchV2 | Search> {
  if (await serverAtLeast(this, "2.4.1")) return searchV2.call(this, q, options);
  await ensureAdvancedParamsAcceptable(this, options);
  return searchV1.call(this, q, { resolve: options.resolve ?? true });
}

export async function searchV1(this: MastodonClient, q: string, options: { resolve?: boolean | null } = {}): Promise<Search> {
  return this.request({ method: "GET", path: "/api/v1/search", params: { q, resolve: unlessDefault(options.resolve, false) }, version: ["1.1.0", "2.1.0"] });
}

export async function searchV2(this: MastodonClient, q: string, options: SearchOptions = {}): Promise<SearchV2> {
  checkOneOf("result_type", options.result_type, ["accounts", "hashtags", "statuses"]);
  await ensureAdvancedParamsAcceptable(this, options);
  // As Mastodon.py: resolve and exclude_unreviewed are sent only when true (false is the server's
  // default), and exclude_unreviewed only to servers that know it (3.0.0+).
  const excludeUnreviewed = (options.exclude_unreviewed ?? true) && (await serverAtLeast(this, "3.0.0"));
  return this.request({
    method: "GET",
    path: "/api/v2/search",
    params: {
      q,
      resolve: (options.resolve ?? true) ? true : undefined,
      type: options.result_type ?? undefined,
      account_id: optionalIdOf(options.account_id, "account_id"),
      offset: options.offset ?? undefined,
      min_id: pageIdOf(options.min_id, "min_id"),
      max_id: pageIdOf(options.max_id, "max_id"),
      exclude_unreviewed: excludeUnreviewed ? true : undefined,
      limit: options.limit ?? undefined,
    },
    version: ["2.4.1", "2.8.0"],
  });
}
