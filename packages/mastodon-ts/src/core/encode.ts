/**
 * Request parameters → wire format. One flattening rule serves query strings, form bodies and
 * multipart bodies, following Rails' conventions that Mastodon reads:
 *   list of scalars  → key[]=a&key[]=b
 *   nested object    → key[sub]=v
 *   list of objects  → key[0][sub]=v
 * `undefined` and `null` mean "not given" and are left out.
 */

import type { LoadedFile } from "./media.js";

export type ParamValue = unknown;
export type Params = Record<string, ParamValue>;
/** Formats a Date as Mastodon.py does: ISO 8601 in UTC with an explicit +00:00 offset. */
export function formatDateTime(date: Date): string {
  const iso = date.toISOString(); // 2026-08-01T14:00:00.000Z
  const withoutMs = iso.endsWith(".000Z") ? iso.slice(0, -5) : iso.slice(0, -1);
  return `${withoutMs}+00:00`;
}

/** Formats a date-only parameter: 2026-08-01. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A value as Mastodon reads it: Dates as Mastodon.py formats them, booleans as true / false. */
function scalar(value: unknown): string {
  return value instanceof Date ? formatDateTime(value) : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

function flattenInto(out: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      if (isPlainObject(item) || Array.isArray(item)) flattenInto(out, `${key}[${index}]`, item);
      else if (item !== undefined && item !== null) out.append(`${key}[]`, scalar(item));
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const [sub, subValue] of Object.entries(value)) flattenInto(out, `${key}[${sub}]`, subValue);
    return;
  }
  out.append(key, scalar(value));
}

/** Flattens a parameter object into ordered wire pairs: a query string or a form body. */
export function flattenParams(params: Params | undefined): URLSearchParams {
  const out = new URLSearchParams();
  if (params) for (const [key, value] of Object.entries(params)) flattenInto(out, key, value);
  return out;
}

/** JSON body: Dates as Mastodon.py formats them, "not given" values dropped. */
export function toJson(params: Params): string {
  return JSON.stringify(jsonValue(params));
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map(jsonValue);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined && item !== null) out[key] = jsonValue(item);
    return out;
  }
  return value;
}

/**
 * The parameters of a request that may carry files: a multipart body when any file is given
 * (fetch sets its boundary), else the plain parameters (a form body, as without files).
 */
export function withFiles(params: Params, files: Record<string, LoadedFile | undefined>): { params: Params } | { body: FormData } {
  const given = Object.entries(files).filter((entry): entry is [string, LoadedFile] => entry[1] !== undefined);
  if (given.length === 0) return { params };
  const form = new FormData();
  for (const [key, value] of flattenParams(params)) form.append(key, value);
  for (const [key, file] of given) form.append(key, file.blob, file.fileName);
  return { body: form };
}
