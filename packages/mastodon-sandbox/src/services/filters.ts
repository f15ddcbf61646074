// Which of a viewer's filters match a status (Mastodon's CustomFilter matching):
// keywords match as substrings, or as whole words when whole_word is set.
import type { Store } from "../state/store.js";
import type { AccountRecord, FilterRecord, StatusRecord } from "../state/types.js";

export interface FilterMatch {
  filter: FilterRecord;
  keywordMatches: string[] | null;
  statusMatches: string[] | null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function activeFilters(store: Store, viewer: AccountRecord, context?: string): FilterRecord[] {
  const now = store.now();
  return [...store.filters.values()].filter(
    (f) =>
      f.accountId === viewer.id &&
      (f.expiresAt === null || f.expiresAt > now) &&
      (context === undefined || f.context.includes(context)),
  );
}

export function matchFilters(store: Store, viewer: AccountRecord, status: StatusRecord, context?: string): FilterMatch[] {
  if (status.accountId === viewer.id) return [];
  const haystack = `${status.spoilerText}\n${status.text}`;
  const matches: FilterMatch[] = [];
  for (const filter of activeFilters(store, viewer, context)) {
    const keywords = filter.keywords
      .filter((k) => {
        const source = escapeRegex(k.keyword);
        const pattern = k.wholeWord ? `(?<![\\p{L}\\p{N}_])${source}(?![\\p{L}\\p{N}_])` : source;
        return new RegExp(pattern, "iu").test(haystack);
      })
      .map((k) => k.keyword);
    const statuses = filter.statuses.filter((s) => s.statusId === status.id).map((s) => s.statusId);
    if (keywords.length > 0 || statuses.length > 0) {
      matches.push({
        filter,
        keywordMatches: keywords.length > 0 ? keywords : null,
        statusMatches: statuses.length > 0 ? statuses : null,
      });
    }
  }
  return matches;
}
