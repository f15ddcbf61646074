/** Parameter handling shared by the notification areas (v1, grouped v2, and the v2_alpha preview). */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { optionalIdOf, type IdLike } from "../core/ids.js";
import { checkOneOf, pagingParams, type PagingOptions } from "./params.js";

/** One string or a list of them; a single one is sent as a one-element list. */
export type OneOrMany = string | readonly string[];

/** A list parameter as an array (so it goes on the wire as `key[]`), or undefined when not given. */
export function listOf(value: OneOrMany | null | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? [value] : [...value];
}

/** Options of the grouped notification list (GET /api/v2/notifications). */
export interface GroupedNotificationsOptions extends PagingOptions {
  /** Types to include. */
  types?: OneOrMany | null;
  /** Types to leave out. */
  exclude_types?: OneOrMany | null;
  /** Only notifications from this account. */
  account_id?: IdLike | null;
  /** "partial_avatars" (the default, as in Mastodon.py) or "full". */
  expand_accounts?: "full" | "partial_avatars" | (string & {}) | null;
  /** Types the client is able to show grouped; others come as single-notification groups. */
  grouped_types?: OneOrMany | null;
  /** Include notifications filtered by the notification policy. */
  include_filtered?: boolean | null;
  /** Mastodon 4.6: types the client supports, so others come with a `fallback` (not in Mastodon.py). */
  supported_types?: OneOrMany | null;
}

export function groupedNotificationsParams(options: GroupedNotificationsOptions): Record<string, unknown> {
  checkOneOf("expand_accounts", options.expand_accounts, ["full", "partial_avatars"]);
  return {
    ...pagingParams(options),
    types: listOf(options.types),
    exclude_types: listOf(options.exclude_types),
    account_id: optionalIdOf(options.account_id, "account_id"),
    // Mastodon.py always sends its default, "partial_avatars".
    expand_accounts: options.expand_accounts ?? "partial_avatars",
    grouped_types: listOf(options.grouped_types),
    include_filtered: options.include_filtered ?? undefined,
    supported_types: listOf(options.supported_types),
  };
}

/** Options of the unread counts (v1 and grouped). */
export interface UnreadCountOptions {
  /** Count at most this many (the server caps it too). */
  limit?: number | null;
  types?: OneOrMany | null;
  exclude_types?: OneOrMany | null;
  account_id?: IdLike | null;
}

export interface UnreadGroupedCountOptions extends UnreadCountOptions {
  grouped_types?: OneOrMany | null;
}

export function unreadCountParams(options: UnreadGroupedCountOptions): Record<string, unknown> {
  if (options.limit !== undefined && options.limit !== null && !(Number.isInteger(options.limit) && options.limit > 0)) {
    throw new MastodonIllegalArgumentError(`limit must be a positive integer, got ${String(options.limit)}`);
  }
  return {
    limit: options.limit ?? undefined,
    types: listOf(options.types),
    exclude_types: listOf(options.exclude_types),
    account_id: optionalIdOf(options.account_id, "account_id"),
    grouped_types: listOf(options.grouped_types),
  };
}

/** A notification group: its key, or the group itself (anything with a `group_key`). */
export type GroupKey = string | { readonly group_key: string };

export function groupKeyOf(value: GroupKey, argument = "group_key"): string {
  const key = typeof value === "string" ? value : value?.group_key;
  if (typeof key !== "string" || key === "") {
    throw new MastodonIllegalArgumentError(`${argument} must be a group key or a notification group`);
  }
  return key;
}

/** Parses the `{ "count": n }` answer of the unread-count endpoints. */
export function countOf(answer: { count?: unknown }): number {
  return typeof answer.count === "number" ? answer.count : Number(answer.count);
}
