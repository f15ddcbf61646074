/**
 * Endorsements: accounts featured on a profile. Mastodon 4.4 renamed pin/unpin to endorse/unendorse.
 * https://docs.joinmastodon.org/methods/endorsements/ and methods/accounts/#endorse
 */
import type { MastodonClient } from "../core/client.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { PaginatedList } from "../core/types.js";
import { pagingParams, type PagingOptions } from "../internal/params.js";
import type { Account, Relationship } from "../entities/index.js";

/** Features an account on the logged-in user's profile (the pre-4.4 endpoint; see accountEndorse). */
export async function accountPin(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/pin`, version: ["2.5.0", "2.5.0"] });
}

/** Stops featuring an account (the pre-4.4 endpoint; see accountUnendorse). */
export async function accountUnpin(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/unpin`, version: ["2.5.0", "2.5.0"] });
}

/** Features an account on the logged-in user's profile. */
export async function accountEndorse(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/endorse`, version: ["4.4.0", "4.4.0"] });
}

/** Stops featuring an account on the logged-in user's profile. */
export async function accountUnendorse(this: MastodonClient, id: IdLike): Promise<Relationship> {
  return this.request({ method: "POST", path: path`/api/v1/accounts/${id}/unendorse`, version: ["4.4.0", "4.4.0"] });
}

/**
 * The accounts the logged-in user features on their profile. Mastodon.py takes no arguments;
 * the paging options are the server's (max_id, since_id, limit) and may be left out.
 */
export async function endorsements(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/endorsements", params: pagingParams(options), version: ["2.5.0", "2.5.0"] });
}

/** The accounts that another account features on its profile (Mastodon 4.4+). */
export async function accountEndorsements(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/accounts/${id}/endorsements`, params: pagingParams(options), version: ["4.4.0", "4.4.0"] });
}
