/**
 * Collections: curated, shareable sets of accounts to recommend (Mastodon 4.6).
 * https://docs.joinmastodon.org/methods/collections/ and client/collections/
 */
import { toJson } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError, MastodonNotFoundError } from "../core/errors.js";
import { idOf, type IdLike, optionalIdsOf } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult } from "../core/types.js";
import type { Collections, CollectionWithAccounts, WrappedCollection, WrappedCollectionItem } from "../entities/index.js";

export interface CollectionUpdateOptions {
  /** At most 40 characters, taken as is. */
  name?: string | null;
  /** At most 100 characters, taken as is. */
  description?: string | null;
  /** ISO 639 language code. */
  language?: string | null;
  /** One hashtag that describes the Collection ("#cats" or "cats"). */
  tag_name?: string | null;
  sensitive?: boolean | null;
  /** Show it on the profile, in search and in recommendations. */
  discoverable?: boolean | null;
}

export interface CollectionCreateOptions extends Omit<CollectionUpdateOptions, "name"> {
  /** Accounts to feature at once (they must allow it: see their `feature_approval`). */
  account_ids?: IdLike | IdLike[] | null;
}

export interface CollectionsPageOptions {
  /** Server default 40, at most 80. */
  limit?: number | null;
  /** How many Collections to skip. */
  offset?: number | null;
}

function fields(options: CollectionUpdateOptions): Record<string, string | boolean | undefined> {
  return {
    description: options.description ?? undefined,
    language: options.language ?? undefined,
    tag_name: options.tag_name ?? undefined,
    sensitive: options.sensitive ?? undefined,
    discoverable: options.discoverable ?? undefined,
  };
}

function pageParams(options: CollectionsPageOptions): { limit?: number; offset?: number } {
  for (const [key, value] of Object.entries({ limit: options.limit, offset: options.offset })) {
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0)) {
      throw new MastodonIllegalArgumentError(`${key} must be a non-negative integer, got ${String(value)}`);
    }
  }
  return { limit: options.limit ?? undefined, offset: options.offset ?? undefined };
}

/** Creates a Collection owned by the logged-in user. Sent as JSON, as the documentation shows. */
export async function collectionCreate(this: MastodonClient, name: string, options: CollectionCreateOptions = {}): Promise<WrappedCollection> {
  if (typeof name !== "string" || name.trim() === "") throw new MastodonIllegalArgumentError("name must be a non-empty string");
  const accountIds = optionalIdsOf(options.account_ids, "account_ids");
  return this.request({
    method: "POST", path: "/api/v1/collections",
    body: toJson({ name, ...fields(options), account_ids: accountIds }), version: ["4.6.0", "4.6.0"],
  });
}

/** One Collection, with the accounts in it (only accepted ones, unless it is the user's own). */
export async function collection(this: MastodonClient, id: IdLike): Promise<CollectionWithAccounts> {
  return this.request({ method: "GET", path: path`/api/v1/collections/${id}`, version: ["4.6.0", "4.6.0"] });
}

/** Changes a Collection's name and settings (not its accounts: see collectionItemAdd / Remove). */
export async function collectionUpdate(this: MastodonClient, id: IdLike, options: CollectionUpdateOptions = {}): Promise<WrappedCollection> {
  if (options.name !== undefined && options.name !== null && options.name.trim() === "") {
    throw new MastodonIllegalArgumentError("name must not be empty");
  }
  return this.request({
    method: "PATCH", path: path`/api/v1/collections/${id}`,
    body: toJson({ name: options.name ?? undefined, ...fields(options) }), version: ["4.6.0", "4.6.0"],
  });
}

export async function collectionDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/collections/${id}`, version: ["4.6.0", "4.6.0"] });
}

interface ListRoute {
  method: "GET";
  path: string;
}

/**
 * GET one of the per-account Collection lists. The documentation writes these paths as
 * /api/v1/:account_id/collections, while every other per-account list lives under
 * /api/v1/accounts/:id/. Until the two agree, the accounts/ form is tried first and the
 * documented one on a 404; the form that answered is remembered for this client.
 */
async function perAccountList(client: MastodonClient, options: CollectionsPageOptions, underAccounts: ListRoute, documented: ListRoute): Promise<Collections> {
  const send = (route: ListRoute): Promise<Collections> => client.request({ ...route, params: pageParams(options), version: ["4.6.0", "4.6.0"] });
  const known = client.cache.get("collections-path-form");
  if (known) return send((await known) === "documented" ? documented : underAccounts);
  try {
    const found = await send(underAccounts);
    client.cache.set("collections-path-form", Promise.resolve("accounts"));
    return found;
  } catch (error) {
    if (!(error instanceof MastodonNotFoundError)) throw error;
    const found = await send(documented);
    client.cache.set("collections-path-form", Promise.resolve("documented"));
    return found;
  }
}

/** The Collections an account made (only discoverable ones, unless it is the logged-in user). */
export async function accountCollections(this: MastodonClient, account_id: IdLike, options: CollectionsPageOptions = {}): Promise<Collections> {
  return perAccountList(this, options,
    { method: "GET", path: path`/api/v1/accounts/${account_id}/collections` },
    { method: "GET", path: path`/api/v1/${account_id}/collections` });
}

/** The Collections an account is featured in. */
export async function accountInCollections(this: MastodonClient, account_id: IdLike, options: CollectionsPageOptions = {}): Promise<Collections> {
  return perAccountList(this, options,
    { method: "GET", path: path`/api/v1/accounts/${account_id}/in_collections` },
    { method: "GET", path: path`/api/v1/${account_id}/in_collections` });
}

/** Adds an account to one of the logged-in user's Collections. */
export async function collectionItemAdd(this: MastodonClient, collection_id: IdLike, account_id: IdLike): Promise<WrappedCollectionItem> {
  return this.request({
    method: "POST", path: path`/api/v1/collections/${collection_id}/items`,
    body: toJson({ account_id: idOf(account_id, "account_id") }), version: ["4.6.0", "4.6.0"],
  });
}

/** Removes an item (by the CollectionItem's id, not the account's) from one of the user's Collections. */
export async function collectionItemRemove(this: MastodonClient, collection_id: IdLike, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/collections/${collection_id}/items/${id}`, version: ["4.6.0", "4.6.0"] });
}

/** Takes the logged-in user out of someone else's Collection, by the CollectionItem's id. */
export async function collectionItemRevoke(this: MastodonClient, collection_id: IdLike, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/collections/${collection_id}/items/${id}/revoke`, version: ["4.6.0", "4.6.0"] });
}
