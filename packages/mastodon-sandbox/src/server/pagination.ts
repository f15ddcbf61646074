// Mastodon's cursor pagination (docs: api/guidelines.md#pagination): `max_id`, `since_id`,
// `min_id` and `limit`, answered with a `Link` header whose URLs carry the kept parameters
// sorted the way Rails' Hash#to_query sorts them.
import { compareIds, isNumericId } from "../state/ids.js";
import type { Context } from "./context.js";
import { UploadedFile, type ParamValue } from "./params.js";

export interface PageOptions<T> {
  /** The id that pages are cut on (often not the id of the rendered entity, e.g. a follow id). */
  cursor: (item: T) => string;
  /** Mastodon's DEFAULT_*_LIMIT for the endpoint; the maximum is twice this. */
  defaultLimit?: number;
  /** Status lists link back with min_id; account lists with since_id. */
  prev?: "min_id" | "since_id";
  /** Timelines and notifications always link forward; other lists only when the page is full. */
  next?: "always" | "when-full";
  /** Request parameters repeated in the Link URLs besides `limit`. */
  keep?: string[];
}

export interface Page<T> {
  items: T[];
  link: string | null;
}

export function limitParam(c: Context, defaultLimit: number): number {
  const limit = c.params.int("limit");
  if (limit === undefined) return defaultLimit;
  return Math.min(Math.abs(limit), defaultLimit * 2);
}

export function paginate<T>(c: Context, all: Iterable<T>, options: PageOptions<T>): Page<T> {
  const defaultLimit = options.defaultLimit ?? 20;
  const limit = limitParam(c, defaultLimit);
  const cursor = options.cursor;
  const maxId = numericParam(c, "max_id");
  const sinceId = numericParam(c, "since_id");
  const minId = numericParam(c, "min_id");

  let items = [...all].filter((item) => {
    const id = cursor(item);
    if (maxId !== undefined && compareIds(id, maxId) >= 0) return false;
    if (sinceId !== undefined && compareIds(id, sinceId) <= 0) return false;
    if (minId !== undefined && compareIds(id, minId) <= 0) return false;
    return true;
  });
  // min_id pages are the items just above min_id: take them ascending, then show newest first.
  if (minId !== undefined) {
    items.sort((a, b) => compareIds(cursor(a), cursor(b)));
    items = items.slice(0, limit).reverse();
  } else {
    items.sort((a, b) => compareIds(cursor(b), cursor(a)));
    items = items.slice(0, limit);
  }
  return { items, link: linkHeader(c, items, options, limit) };
}

function numericParam(c: Context, key: string): string | undefined {
  const value = c.params.str(key);
  return value !== undefined && isNumericId(value) ? value : undefined;
}

function linkHeader<T>(c: Context, items: T[], options: PageOptions<T>, limit: number): string | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) return null;
  const links: string[] = [];
  const full = items.length >= limit;
  if ((options.next ?? "when-full") === "always" || full) {
    links.push(`<${pageUrl(c, options, "max_id", options.cursor(last))}>; rel="next"`);
  }
  links.push(`<${pageUrl(c, options, options.prev ?? "min_id", options.cursor(first))}>; rel="prev"`);
  return links.join(", ");
}

function pageUrl<T>(c: Context, options: PageOptions<T>, key: string, value: string): string {
  const parts: string[] = [];
  for (const name of ["limit", ...(options.keep ?? [])]) {
    const raw = c.params.raw[name];
    if (raw !== undefined) parts.push(toQuery(name, raw));
  }
  parts.push(toQuery(key, value));
  const query = parts.filter((p) => p !== "").sort().join("&");
  return `${c.core.baseUrl()}${c.url.pathname.replace(/\/+$/, "")}?${query}`;
}

function escape(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, "+").replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Rails' Object#to_query: arrays become repeated `key[]`, hashes `key[sub]`. */
function toQuery(key: string, value: ParamValue): string {
  if (Array.isArray(value)) return value.map((item) => toQuery(`${key}[]`, item)).join("&");
  if (value === null || value instanceof UploadedFile) return escape(key);
  if (typeof value === "object") {
    return Object.keys(value)
      .map((sub) => {
        const item = value[sub];
        return item === undefined ? "" : toQuery(`${key}[${sub}]`, item);
      })
      .filter((p) => p !== "")
      .sort()
      .join("&");
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return `${escape(key)}=${escape(String(value))}`;
  }
  return "";
}
