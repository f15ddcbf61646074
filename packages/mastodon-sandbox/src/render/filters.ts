// FilterV2, FilterKeyword, FilterStatus, FilterResult and the v1 Filter
// (docs: entities/Filter.md, FilterKeyword.md, FilterStatus.md, FilterResult.md, V1_Filter.md).
import type { FilterRecord } from "../state/types.js";
import { isoTime } from "./time.js";

export function renderFilterKeyword(keyword: FilterRecord["keywords"][number]) {
  return { id: keyword.id, keyword: keyword.keyword, whole_word: keyword.wholeWord };
}

export function renderFilterStatus(entry: FilterRecord["statuses"][number]) {
  return { id: entry.id, status_id: entry.statusId };
}

export function renderFilter(filter: FilterRecord) {
  return {
    id: filter.id,
    title: filter.title,
    context: filter.context,
    expires_at: filter.expiresAt === null ? null : isoTime(filter.expiresAt),
    filter_action: filter.action,
    keywords: filter.keywords.map(renderFilterKeyword),
    statuses: filter.statuses.map(renderFilterStatus),
  };
}

/** Filters v1 show one keyword per "filter" (the keyword id is the v1 id). */
export function renderFilterV1(filter: FilterRecord, keyword: FilterRecord["keywords"][number]) {
  return {
    id: keyword.id,
    phrase: keyword.keyword,
    context: filter.context,
    whole_word: keyword.wholeWord,
    expires_at: filter.expiresAt === null ? null : isoTime(filter.expiresAt),
    irreversible: filter.action === "hide",
  };
}
