/**
 * Client-side keyword filtering, as Mastodon.py's `filters_apply` does it for v1 filters:
 * every filter of the wanted context becomes one case-insensitive pattern (the phrase taken
 * literally, between word boundaries when `whole_word`), and an object is dropped when the
 * text of its post, with HTML tags replaced by spaces and whitespace collapsed, matches any.
 *
 * Where Mastodon.py would fail or surprise, this does the evident thing (and says so):
 * - no filter applies → everything is kept (Mastodon.py's empty pattern matched, and dropped, all);
 * - an expired filter (`expires_at` in the past) no longer applies, as on the server;
 * - a boost is matched on the boosted post's text (its own `content` is empty);
 * - a notification without a post (a follow) is kept;
 * - v2 filters are accepted too: each of their keywords counts, with its own `whole_word`.
 */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { attachMeta, metaOf } from "../core/response-meta.js";

export const FILTER_CONTEXTS = ["home", "notifications", "public", "thread", "account"] as const;

/** What is read of a post: its HTML content, and the post it boosts. Status fits. */
export interface FilterablePost {
  content?: unknown;
  reblog?: FilterablePost | null;
}

/** What filters apply to: a status, or a notification that may carry one. */
export interface Filterable extends FilterablePost {
  status?: FilterablePost | null;
}

/** What is read of a filter: a v1 Filter (phrase) or a v2 FilterV2 (keywords) fits. */
export interface FilterLike {
  context: readonly string[];
  expires_at?: Date | string | null;
  phrase?: string;
  whole_word?: boolean;
  keywords?: readonly { keyword: string; whole_word: boolean }[];
}

/** Python's `\w` in Unicode mode: letters, numbers (any script) and the underscore. */
const WORD = "[\\p{L}\\p{N}_]";
/** Python's `\b`: a position between a word character and a non-word one (JavaScript's `\b` knows only ASCII). */
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function phrasePattern(phrase: string, wholeWord: boolean): string {
  const literal = escapeRegExp(phrase);
  return wholeWord ? `${BOUNDARY}${literal}${BOUNDARY}` : literal;
}

function isExpired(expiresAt: unknown, now: number): boolean {
  let time = Number.NaN;
  if (expiresAt instanceof Date) time = expiresAt.getTime();
  else if (typeof expiresAt === "string") time = Date.parse(expiresAt);
  return !Number.isNaN(time) && time <= now;
}

function patternsOf(filter: FilterLike): string[] {
  if (typeof filter.phrase === "string") return [phrasePattern(filter.phrase, filter.whole_word === true)];
  return (filter.keywords ?? []).map((keyword) => phrasePattern(keyword.keyword, keyword.whole_word === true));
}

/** The combined pattern of the filters that apply in `context` at `now`, or null when none does. */
export function buildFilterPattern(filters: readonly FilterLike[], context: string, now: number): RegExp | null {
  if (!(FILTER_CONTEXTS as readonly string[]).includes(context)) {
    throw new MastodonIllegalArgumentError(`context must be one of ${FILTER_CONTEXTS.join(", ")}; got ${JSON.stringify(context)}`);
  }
  const patterns: string[] = [];
  for (const filter of filters) {
    if (!Array.isArray(filter.context) || !filter.context.includes(context)) continue;
    if (isExpired(filter.expires_at, now)) continue;
    patterns.push(...patternsOf(filter));
  }
  return patterns.length > 0 ? new RegExp(patterns.join("|"), "iu") : null;
}

/** The text filters are matched against (Mastodon.py: tags → " ", whitespace runs → " ", trimmed). */
export function filterText(object: Filterable): string | null {
  const post = typeof object.content === "string" ? object : object.status;
  if (!post) return null;
  const shown = post.reblog ?? post;
  if (typeof shown.content !== "string") return null;
  // `<.*?>` in Python: the shortest run up to ">", never across a newline.
  return shown.content.replace(/<[^>\n]*>/g, " ").replace(/\s+/g, " ").trim();
}

/** The objects no applicable filter matches, as a new list that keeps the input's pagination. */
export function applyFilters<T extends Filterable>(objects: readonly T[], pattern: RegExp | null): T[] {
  const kept = objects.filter((object) => {
    if (!pattern) return true;
    const text = filterText(object);
    return text === null || !pattern.test(text);
  });
  return attachMeta(kept, metaOf(objects));
}
