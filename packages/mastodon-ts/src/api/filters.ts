/**
 * Keyword filters, v1 (Mastodon 2.4.3+; deprecated since 4.0, where each v1 filter stands for one
 * keyword of a v2 filter), and applying them on the client. https://docs.joinmastodon.org/methods/filters/#v1
 */
import type { MastodonClient } from "../core/client.js";
import { path } from "../core/path.js";
import type { IdLike } from "../core/ids.js";
import type { EmptyResult, NonPaginatedList } from "../core/types.js";
import { applyFilters, buildFilterPattern, type Filterable, type FilterLike } from "../internal/filter-apply.js";
import { expiresIn, filterContexts, type FilterContext } from "../internal/filter-params.js";
import type { OneOrMany } from "../internal/notification-params.js";
import type { Filter } from "../entities/index.js";

export type { FilterContext } from "../internal/filter-params.js";
export type { Filterable, FilterablePost, FilterLike } from "../internal/filter-apply.js";

export async function filters(this: MastodonClient): Promise<NonPaginatedList<Filter>> {
  return this.request({ method: "GET", path: "/api/v1/filters", version: ["2.4.3", "2.4.3"] });
}

export async function filter(this: MastodonClient, id: IdLike): Promise<Filter> {
  return this.request({ method: "GET", path: path`/api/v1/filters/${id}`, version: ["2.4.3", "2.4.3"] });
}

/**
 * Applies keyword filters on the client: keeps the statuses or notifications that none of the
 * filters for `context` ("home", "notifications", "public", "thread" or "account") matches.
 * No request is sent. The result keeps the input's pagination. See internal/filter-apply.ts for
 * the matching rules (Mastodon.py's, with its few rough edges smoothed).
 */
export function filtersApply<T extends Filterable>(this: MastodonClient, objects: readonly T[], filters: readonly FilterLike[], context: FilterContext): T[] {
  return applyFilters(objects, buildFilterPattern(filters, context, this.clock.now()));
}

export interface FilterCreateOptions {
  /** Drop matching posts on the server (home and notifications only) instead of hiding them. Default false. */
  irreversible?: boolean | null;
  /** Match whole words only. Default true. */
  whole_word?: boolean | null;
  /** Seconds until the filter expires; never when not given. */
  expires_in?: number | null;
}

/** Creates a v1 filter of one phrase for the given contexts. */
export async function filterCreate(this: MastodonClient, phrase: string, context: OneOrMany, options: FilterCreateOptions = {}): Promise<Filter> {
  return this.request({
    method: "POST",
    path: "/api/v1/filters",
    params: {
      phrase,
      context: filterContexts(context, true),
      // Mastodon.py sends its defaults.
      irreversible: options.irreversible ?? false,
      whole_word: options.whole_word ?? true,
      expires_in: expiresIn(options.expires_in),
    },
    version: ["2.4.3", "2.4.3"],
  });
}

export interface FilterUpdateOptions {
  phrase?: string | null;
  context?: OneOrMany | null;
  irreversible?: boolean | null;
  whole_word?: boolean | null;
  expires_in?: number | null;
}

/** Changes a v1 filter; only the given options are sent. */
export async function filterUpdate(this: MastodonClient, id: IdLike, options: FilterUpdateOptions = {}): Promise<Filter> {
  return this.request({
    method: "PUT",
    path: path`/api/v1/filters/${id}`,
    params: {
      phrase: options.phrase ?? undefined,
      context: filterContexts(options.context, false),
      irreversible: options.irreversible ?? undefined,
      whole_word: options.whole_word ?? undefined,
      expires_in: expiresIn(options.expires_in),
    },
    version: ["2.4.3", "2.4.3"],
  });
}

/** Deletes a v1 filter (on Mastodon 4.0+, only that keyword of its v2 filter). */
export async function filterDelete(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/filters/${id}`, version: ["2.4.3", "2.4.3"] });
}
