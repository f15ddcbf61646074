/** Small helpers shared by the API methods' parameter handling. */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { pageIdOf, type PageIdLike } from "../core/ids.js";

/** The paging options of every paginated list (Mastodon.py's max_id / min_id / since_id / limit). */
export interface PagingOptions {
  /** Items older than this id (or entity, or Date). */
  max_id?: PageIdLike | null;
  /** Items just newer than this id (or entity, or Date), oldest first. */
  min_id?: PageIdLike | null;
  /** Items newer than this id (or entity, or Date), newest first. */
  since_id?: PageIdLike | null;
  /** How many items at most (servers cap it, usually at 40). */
  limit?: number | null;
}

/** The wire form of paging options, with ids, entities and Dates resolved. */
export function pagingParams(options: PagingOptions): Record<string, string | number | undefined> {
  return {
    max_id: pageIdOf(options.max_id, "max_id"),
    min_id: pageIdOf(options.min_id, "min_id"),
    since_id: pageIdOf(options.since_id, "since_id"),
    limit: options.limit ?? undefined,
  };
}

/** Leaves a boolean out when it equals the server's default, as Mastodon.py does. */
export function unlessDefault(value: boolean | null | undefined, serverDefault: boolean): boolean | undefined {
  return value === undefined || value === null || value === serverDefault ? undefined : value;
}

/** Throws unless `value` is one of `allowed` (or not given). */
export function checkOneOf(argument: string, value: string | null | undefined, allowed: readonly string[]): void {
  if (value === undefined || value === null) return;
  if (!allowed.includes(value)) {
    throw new MastodonIllegalArgumentError(`${argument} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`);
  }
}
