/** Follow suggestions. https://docs.joinmastodon.org/methods/suggestions/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList } from "../core/types.js";
import type { Account, Suggestion } from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

/** The server's `limit` (default 40, at most 80). Mastodon.py's methods take no arguments. */
export interface SuggestionsOptions {
  limit?: number | null;
}

function limitParam(options: SuggestionsOptions): { limit?: number } {
  const limit = options.limit ?? undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new MastodonIllegalArgumentError(`limit must be a positive integer, got ${String(limit)}`);
  }
  return { limit };
}

/** Accounts suggested for following, without the reason (deprecated since Mastodon 3.4). */
export async function suggestionsV1(this: MastodonClient, options: SuggestionsOptions = {}): Promise<NonPaginatedList<Account>> {
  return this.request({ method: "GET", path: "/api/v1/suggestions", params: limitParam(options), version: ["2.4.3", "2.4.3"] });
}

/** Accounts suggested for following, each with why it is suggested. */
export async function suggestionsV2(this: MastodonClient, options: SuggestionsOptions = {}): Promise<NonPaginatedList<Suggestion>> {
  return this.request({ method: "GET", path: "/api/v2/suggestions", params: limitParam(options), version: ["3.4.0", "3.4.0"] });
}

/** Follow suggestions: Suggestions from servers since 3.4.0, plain Accounts from older ones. */
export async function suggestions(this: MastodonClient, options: SuggestionsOptions = {}): Promise<NonPaginatedList<Suggestion> | NonPaginatedList<Account>> {
  return (await serverAtLeast(this, "3.4.0")) ? suggestionsV2.call(this, options) : suggestionsV1.call(this, options);
}

/** Stops suggesting an account. */
export async function suggestionDelete(this: MastodonClient, account_id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/suggestions/${account_id}`, version: ["2.4.3", "2.4.3"] });
}
