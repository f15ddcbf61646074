// Filters v2 with keywords and statuses, plus the deprecated v1 view (docs: methods/filters.md).
// Every change announces `filters_changed` on the owner's user stream, as Mastodon does.
import { renderFilter, renderFilterKeyword, renderFilterStatus, renderFilterV1 } from "../render/filters.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import type { Params } from "../server/params.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { FilterRecord } from "../state/types.js";
import { findStatus } from "./helpers.js";

const CONTEXTS = ["home", "notifications", "public", "thread", "account"];

function changed(c: Context): void {
  c.core.hub.publish(`timeline:${c.user().id}`, "filters_changed", undefined);
}

function ownFilter(c: Context, id = c.path("id")): FilterRecord {
  const filter = c.store.filters.get(id);
  if (!filter || filter.accountId !== c.user().id) throw recordNotFound();
  return filter;
}

function findKeyword(c: Context, id: string) {
  for (const filter of c.store.filters.values()) {
    const keyword = filter.keywords.find((k) => k.id === id);
    if (keyword && filter.accountId === c.user().id) return { filter, keyword };
  }
  throw recordNotFound();
}

function contextParam(p: Params, required: boolean): string[] | undefined {
  if (!p.has("context") && !p.has("context[]")) {
    if (required) throw validationFailed("Context can't be blank");
    return undefined;
  }
  const context = p.list("context");
  if (context.length === 0 || context.some((x) => !CONTEXTS.includes(x))) throw validationFailed("Context can't be blank or is invalid");
  return context;
}

function expiresAt(c: Context): number | null | undefined {
  if (!c.params.has("expires_in")) return undefined;
  const seconds = c.params.int("expires_in");
  return seconds === undefined || seconds <= 0 ? null : c.core.now() + seconds * 1000;
}

function applyKeywords(c: Context, filter: FilterRecord): void {
  for (const k of c.params.objects("keywords_attributes")) {
    const id = k.str("id");
    const existing = id ? filter.keywords.find((x) => x.id === id) : undefined;
    if (existing && k.bool("_destroy")) {
      filter.keywords = filter.keywords.filter((x) => x !== existing);
    } else if (existing) {
      existing.keyword = k.str("keyword") ?? existing.keyword;
      existing.wholeWord = k.bool("whole_word") ?? existing.wholeWord;
    } else if (!id && (k.str("keyword") ?? "") !== "") {
      filter.keywords.push({ id: c.store.sequences.next("custom_filter_keywords"), keyword: k.str("keyword") ?? "", wholeWord: k.bool("whole_word") ?? true });
    }
  }
}

function action(value: string | undefined): FilterRecord["action"] | undefined {
  if (value === undefined) return undefined;
  if (value === "warn" || value === "hide" || value === "blur") return value;
  throw validationFailed("Action is not included in the list");
}

export function filterRoutes(r: Router): void {
  const read = { access: "user", scopes: ["read:filters"] } as const;
  const write = { access: "user", scopes: ["write:filters"] } as const;

  r.get("/api/v2/filters", read, (c) => json([...c.store.filters.values()].filter((f) => f.accountId === c.user().id).map(renderFilter)));

  r.post("/api/v2/filters", write, (c) => {
    const title = c.params.str("title") ?? "";
    if (title.trim() === "") throw validationFailed("Title can't be blank");
    const filter: FilterRecord = {
      id: c.store.sequences.next("custom_filters"),
      accountId: c.user().id,
      title,
      context: contextParam(c.params, true) ?? [],
      expiresAt: expiresAt(c) ?? null,
      action: action(c.params.str("filter_action")) ?? "warn",
      keywords: [],
      statuses: [],
    };
    applyKeywords(c, filter);
    c.store.filters.set(filter.id, filter);
    changed(c);
    return json(renderFilter(filter));
  });

  // Routes with a fixed second segment go before /api/v2/filters/:id.
  r.get("/api/v2/filters/keywords/:id", read, (c) => json(renderFilterKeyword(findKeyword(c, c.path("id")).keyword)));
  r.put("/api/v2/filters/keywords/:id", write, (c) => {
    const { keyword } = findKeyword(c, c.path("id"));
    keyword.keyword = c.params.str("keyword") ?? keyword.keyword;
    keyword.wholeWord = c.params.bool("whole_word") ?? keyword.wholeWord;
    changed(c);
    return json(renderFilterKeyword(keyword));
  });
  r.delete("/api/v2/filters/keywords/:id", write, (c) => {
    const { filter, keyword } = findKeyword(c, c.path("id"));
    filter.keywords = filter.keywords.filter((k) => k !== keyword);
    changed(c);
    return json({});
  });

  const findFilterStatus = (c: Context) => {
    for (const filter of c.store.filters.values()) {
      const entry = filter.statuses.find((s) => s.id === c.path("id"));
      if (entry && filter.accountId === c.user().id) return { filter, entry };
    }
    throw recordNotFound();
  };
  r.get("/api/v2/filters/statuses/:id", read, (c) => json(renderFilterStatus(findFilterStatus(c).entry)));
  r.delete("/api/v2/filters/statuses/:id", write, (c) => {
    const { filter, entry } = findFilterStatus(c);
    filter.statuses = filter.statuses.filter((s) => s !== entry);
    changed(c);
    return json({});
  });

  r.get("/api/v2/filters/:id", read, (c) => json(renderFilter(ownFilter(c))));
  r.put("/api/v2/filters/:id", write, (c) => {
    const filter = ownFilter(c);
    const title = c.params.str("title");
    if (title !== undefined && title.trim() === "") throw validationFailed("Title can't be blank");
    filter.title = title ?? filter.title;
    filter.context = contextParam(c.params, false) ?? filter.context;
    const expiry = expiresAt(c);
    if (expiry !== undefined) filter.expiresAt = expiry;
    filter.action = action(c.params.str("filter_action")) ?? filter.action;
    applyKeywords(c, filter);
    changed(c);
    return json(renderFilter(filter));
  });
  r.delete("/api/v2/filters/:id", write, (c) => {
    c.store.filters.delete(ownFilter(c).id);
    changed(c);
    return json({});
  });

  r.get("/api/v2/filters/:filter_id/keywords", read, (c) => json(ownFilter(c, c.path("filter_id")).keywords.map(renderFilterKeyword)));
  r.post("/api/v2/filters/:filter_id/keywords", write, (c) => {
    const filter = ownFilter(c, c.path("filter_id"));
    const text = c.params.str("keyword") ?? "";
    if (text.trim() === "") throw validationFailed("Keyword can't be blank");
    const keyword = { id: c.store.sequences.next("custom_filter_keywords"), keyword: text, wholeWord: c.params.bool("whole_word") ?? false };
    filter.keywords.push(keyword);
    changed(c);
    return json(renderFilterKeyword(keyword));
  });
  r.get("/api/v2/filters/:filter_id/statuses", read, (c) => json(ownFilter(c, c.path("filter_id")).statuses.map(renderFilterStatus)));
  r.post("/api/v2/filters/:filter_id/statuses", write, (c) => {
    const filter = ownFilter(c, c.path("filter_id"));
    const status = findStatus(c, c.params.str("status_id") ?? "");
    if (filter.statuses.some((s) => s.statusId === status.id)) throw validationFailed("Status has already been taken");
    const entry = { id: c.store.sequences.next("custom_filter_statuses"), statusId: status.id };
    filter.statuses.push(entry);
    changed(c);
    return json(renderFilterStatus(entry));
  });

  filterV1Routes(r);
}

/** v1 filters are single keywords; each becomes a v2 filter with one keyword. */
function filterV1Routes(r: Router): void {
  const read = { access: "user", scopes: ["read:filters"] } as const;
  const write = { access: "user", scopes: ["write:filters"] } as const;
  const v1List = (c: Context) =>
    [...c.store.filters.values()].filter((f) => f.accountId === c.user().id).flatMap((f) => f.keywords.map((k) => renderFilterV1(f, k)));

  r.get("/api/v1/filters", read, (c) => json(v1List(c)));
  r.post("/api/v1/filters", write, (c) => {
    const phrase = c.params.str("phrase") ?? "";
    if (phrase.trim() === "") throw validationFailed("Keyword can't be blank");
    const filter: FilterRecord = {
      id: c.store.sequences.next("custom_filters"),
      accountId: c.user().id,
      title: phrase,
      context: contextParam(c.params, true) ?? [],
      expiresAt: expiresAt(c) ?? null,
      action: c.params.bool("irreversible") ? "hide" : "warn",
      keywords: [{ id: c.store.sequences.next("custom_filter_keywords"), keyword: phrase, wholeWord: c.params.bool("whole_word") ?? true }],
      statuses: [],
    };
    c.store.filters.set(filter.id, filter);
    changed(c);
    const keyword = filter.keywords[0];
    if (!keyword) throw recordNotFound();
    return json(renderFilterV1(filter, keyword));
  });
  r.get("/api/v1/filters/:id", read, (c) => {
    const { filter, keyword } = findKeyword(c, c.path("id"));
    return json(renderFilterV1(filter, keyword));
  });
  r.put("/api/v1/filters/:id", write, (c) => {
    const { filter, keyword } = findKeyword(c, c.path("id"));
    keyword.keyword = c.params.str("phrase") ?? keyword.keyword;
    keyword.wholeWord = c.params.bool("whole_word") ?? keyword.wholeWord;
    filter.context = contextParam(c.params, false) ?? filter.context;
    const irreversible = c.params.bool("irreversible");
    if (irreversible !== undefined) filter.action = irreversible ? "hide" : "warn";
    const expiry = expiresAt(c);
    if (expiry !== undefined) filter.expiresAt = expiry;
    changed(c);
    return json(renderFilterV1(filter, keyword));
  });
  r.delete("/api/v1/filters/:id", write, (c) => {
    const { filter, keyword } = findKeyword(c, c.path("id"));
    filter.keywords = filter.keywords.filter((k) => k !== keyword);
    if (filter.keywords.length === 0 && filter.statuses.length === 0) c.store.filters.delete(filter.id);
    changed(c);
    return json({});
  });
}
