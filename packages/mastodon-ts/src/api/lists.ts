/** Lists of accounts, each with its own timeline. https://docs.joinmastodon.org/methods/lists/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idsOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList, PaginatedList } from "../core/types.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../internal/params.js";
import type { Account, UserList } from "../entities/index.js";

export interface ListOptions {
  /** Whose replies show in the list's timeline: "list" (members', the default), "followed" or "none". */
  replies_policy?: "followed" | "list" | "none" | (string & {});
  /** Keep the list's members' posts out of the home timeline (Mastodon 4.2+). Default false. */
  exclusive?: boolean;
}

/** Checks and fills in the list options; Mastodon.py always sends both, defaults included. */
function listParams(title: string, options: ListOptions): { title: string; replies_policy: string; exclusive: boolean } {
  if (typeof title !== "string" || title.trim() === "") throw new MastodonIllegalArgumentError("title must be a non-empty string");
  checkOneOf("replies_policy", options.replies_policy, ["followed", "list", "none"]);
  return { title, replies_policy: options.replies_policy ?? "list", exclusive: options.exclusive ?? false };
}

function accountIdsParam(account_ids: IdLike | IdLike[]): { account_ids: string[] } {
  const ids = idsOf(account_ids, "account_ids");
  if (ids.length === 0) throw new MastodonIllegalArgumentError("account_ids must name at least one account");
  return { account_ids: ids };
}

/** The logged-in user's lists. */
export async function lists(this: MastodonClient): Promise<NonPaginatedList<UserList>> {
  return this.request({ method: "GET", path: "/api/v1/lists", version: ["2.1.0", "2.1.0"] });
}

export async function list(this: MastodonClient, id: IdLike): Promise<UserList> {
  return this.request({ method: "GET", path: path`/api/v1/lists/${id}`, version: ["2.1.0", "2.1.0"] });
}

/** The accounts on a list (`limit: 0` asks the server for all of them). */
export async function listAccounts(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Account>> {
  return this.request({ method: "GET", path: path`/api/v1/lists/${id}/accounts`, params: pagingParams(options), version: ["2.1.0", "2.6.0"] });
}

export async function listCreate(this: MastodonClient, title: string, options: ListOptions = {}): Promise<UserList> {
  return this.request({ method: "POST", path: "/api/v1/lists", params: listParams(title, options), version: ["2.1.0", "4.2.0"] });
}

/** Renames a list and sets its options (unset options go back to their defaults, as in Mastodon.py). */
export async function listUpdate(this: MastodonClient, id: IdLike, title: string, options: ListOptions = {}): Promise<UserList> {
  return this.request({ method: "PUT", path: path`/api/v1/lists/${id}`, params: listParams(title, options), version: ["2.1.0", "4.2.0"] });
}

export async function listDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/lists/${id}`, version: ["2.1.0", "2.1.0"] });
}

/** Adds accounts to a list; the logged-in user must follow them. */
export async function listAccountsAdd(this: MastodonClient, id: IdLike, account_ids: IdLike | IdLike[]): Promise<EmptyResult> {
  return this.request({
    method: "POST", path: path`/api/v1/lists/${id}/accounts`, params: accountIdsParam(account_ids), version: ["2.1.0", "2.1.0"],
  });
}

export async function listAccountsDelete(this: MastodonClient, id: IdLike, account_ids: IdLike | IdLike[]): Promise<EmptyResult> {
  return this.request({
    method: "DELETE", path: path`/api/v1/lists/${id}/accounts`, params: accountIdsParam(account_ids), version: ["2.1.0", "2.1.0"],
  });
}
