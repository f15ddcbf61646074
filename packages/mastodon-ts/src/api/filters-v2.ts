/**
 * Filters v2 (Mastodon 4.0+): titled groups of keywords and posts, matched by the server, which
 * marks matching posts in their `filtered` attribute. https://docs.joinmastodon.org/methods/filters/#v2
 */
import { toJson } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, optionalIdOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { EmptyResult, NonPaginatedList } from "../core/types.js";
import { expiresIn, filterContexts } from "../internal/filter-params.js";
import type { OneOrMany } from "../internal/notification-params.js";
import { checkOneOf } from "../internal/params.js";
import type { FilterKeyword, FilterStatus, FilterV2 } from "../entities/index.js";

export type FilterAction = "warn" | "hide" | "blur" | (string & {});
const FILTER_ACTIONS = ["warn", "hide", "blur"];

/** One entry of `keywords_attributes`: a new keyword, or (with `id`) a change to an existing one. */
export interface FilterKeywordAttributes {
  keyword?: string;
  whole_word?: boolean;
  /** An existing keyword to change or (with `_destroy`) remove; only when updating. */
  id?: IdLike;
  _destroy?: boolean;
}

function keywordAttributes(list: readonly FilterKeywordAttributes[] | null | undefined, updating: boolean): Record<string, unknown>[] | undefined {
  if (list === undefined || list === null) return undefined;
  return list.map((item, index) => {
    if (!updating && item.id !== undefined) {
      throw new MastodonIllegalArgumentError(`keywords_attributes[${index}].id can only be given when updating a filter`);
    }
    if (item.id === undefined && (typeof item.keyword !== "string" || item.keyword === "")) {
      throw new MastodonIllegalArgumentError(`keywords_attributes[${index}] needs a keyword (or the id of an existing one)`);
    }
    return { keyword: item.keyword, whole_word: item.whole_word, id: optionalIdOf(item.id, "keywords_attributes id"), _destroy: item._destroy };
  });
}

export async function filtersV2(this: MastodonClient): Promise<NonPaginatedList<FilterV2>> {
  return this.request({ method: "GET", path: "/api/v2/filters", version: ["4.0.0", "4.0.0"] });
}

export async function filterV2(this: MastodonClient, filter_id: IdLike): Promise<FilterV2> {
  return this.request({ method: "GET", path: path`/api/v2/filters/${filter_id}`, version: ["4.0.0", "4.0.0"] });
}

export interface CreateFilterV2Options {
  /** Seconds until the filter expires; never when not given. */
  expires_in?: number | null;
  /** Keywords to create with the filter: `{ keyword, whole_word }`. */
  keywords_attributes?: readonly FilterKeywordAttributes[] | null;
}

/** Creates a filter; `filter_action` is "warn", "hide" or "blur" (4.4+). Sent as JSON, as Mastodon.py does. */
export async function createFilterV2(this: MastodonClient, title: string, context: OneOrMany, filter_action: FilterAction, options: CreateFilterV2Options = {}): Promise<FilterV2> {
  checkOneOf("filter_action", filter_action, FILTER_ACTIONS);
  return this.request({
    method: "POST",
    path: "/api/v2/filters",
    body: toJson({
      title, context: filterContexts(context, true), filter_action,
      expires_in: expiresIn(options.expires_in), keywords_attributes: keywordAttributes(options.keywords_attributes, false),
    }),
    version: ["4.0.0", "4.0.0"],
  });
}

export interface UpdateFilterV2Options extends CreateFilterV2Options {
  title?: string | null;
  context?: OneOrMany | null;
  filter_action?: FilterAction | null;
}

/** Changes a filter; only the given options are sent. Keywords with an `id` are changed, or removed with `_destroy`. */
export async function updateFilterV2(this: MastodonClient, filter_id: IdLike, options: UpdateFilterV2Options = {}): Promise<FilterV2> {
  checkOneOf("filter_action", options.filter_action, FILTER_ACTIONS);
  return this.request({
    method: "PUT",
    path: path`/api/v2/filters/${filter_id}`,
    body: toJson({
      title: options.title, context: filterContexts(options.context, false), filter_action: options.filter_action,
      expires_in: expiresIn(options.expires_in), keywords_attributes: keywordAttributes(options.keywords_attributes, true),
    }),
    version: ["4.0.0", "4.0.0"],
  });
}

/** Deletes a filter with all its keywords and posts. */
export async function deleteFilterV2(this: MastodonClient, filter_id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v2/filters/${filter_id}`, version: ["4.0.0", "4.0.0"] });
}

export async function filterKeywordsV2(this: MastodonClient, filter_id: IdLike): Promise<NonPaginatedList<FilterKeyword>> {
  return this.request({ method: "GET", path: path`/api/v2/filters/${filter_id}/keywords`, version: ["4.0.0", "4.0.0"] });
}

/** Adds a keyword to a filter; `whole_word` defaults to false. */
export async function addFilterKeywordV2(this: MastodonClient, filter_id: IdLike, keyword: string, options: { whole_word?: boolean | null } = {}): Promise<FilterKeyword> {
  return this.request({
    method: "POST", path: path`/api/v2/filters/${filter_id}/keywords`,
    params: { keyword, whole_word: options.whole_word ?? false }, version: ["4.0.0", "4.0.0"],
  });
}

/** One filter keyword. Not in Mastodon.py. */
export async function filterKeywordV2(this: MastodonClient, keyword_id: IdLike): Promise<FilterKeyword> {
  return this.request({ method: "GET", path: path`/api/v2/filters/keywords/${keyword_id}`, version: ["4.0.0", "4.0.0"] });
}

/** Changes a filter keyword. Not in Mastodon.py. */
export async function updateFilterKeywordV2(this: MastodonClient, keyword_id: IdLike, keyword: string, options: { whole_word?: boolean | null } = {}): Promise<FilterKeyword> {
  return this.request({
    method: "PUT", path: path`/api/v2/filters/keywords/${keyword_id}`,
    params: { keyword, whole_word: options.whole_word ?? undefined }, version: ["4.0.0", "4.0.0"],
  });
}

export async function deleteFilterKeywordV2(this: MastodonClient, keyword_id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v2/filters/keywords/${keyword_id}`, version: ["4.0.0", "4.0.0"] });
}

/** The posts a filter hides, as FilterStatus entries. */
export async function filterStatusesV2(this: MastodonClient, filter_id: IdLike): Promise<NonPaginatedList<FilterStatus>> {
  return this.request({ method: "GET", path: path`/api/v2/filters/${filter_id}/statuses`, version: ["4.0.0", "4.0.0"] });
}

/** Adds a post to a filter. */
export async function addFilterStatusV2(this: MastodonClient, filter_id: IdLike, status_id: IdLike): Promise<FilterStatus> {
  return this.request({
    method: "POST", path: path`/api/v2/filters/${filter_id}/statuses`,
    params: { status_id: idOf(status_id, "status_id") }, version: ["4.0.0", "4.0.0"],
  });
}

export async function filterStatusV2(this: MastodonClient, filter_status_id: IdLike): Promise<FilterStatus> {
  return this.request({ method: "GET", path: path`/api/v2/filters/statuses/${filter_status_id}`, version: ["4.0.0", "4.0.0"] });
}

/** Removes a post from its filter. */
export async function deleteFilterStatusV2(this: MastodonClient, filter_status_id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v2/filters/statuses/${filter_status_id}`, version: ["4.0.0", "4.0.0"] });
}
