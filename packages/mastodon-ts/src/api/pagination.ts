/**
 * Walking paginated lists by the server's Link header. A page (or the plain info object
 * returned by getPaginationInfo, which survives JSON) is all that is needed to go on.
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { paginationInfoOf, type PaginationDirection, type PaginationInfo } from "../core/pagination.js";

type PageOrInfo<T> = T[] | PaginationInfo | object;

function fetchPage<T>(client: MastodonClient, info: PaginationInfo | null): Promise<T | null> {
  if (!info) return Promise.resolve(null);
  // Stored info may have been edited: anything but a path could name another host.
  if (!info.endpoint.startsWith("/")) {
    return Promise.reject(new MastodonIllegalArgumentError(`pagination info endpoint must be a path under the API base URL, got ${JSON.stringify(info.endpoint)}`));
  }
  // Only the path and query of the link are used: the token is never sent to another host.
  return client.request<T>({ method: "GET", path: info.endpoint });
}

/** The pagination info of a page in one direction ("next": older items, "previous": newer), or null. */
export function getPaginationInfo(this: MastodonClient, page: PageOrInfo<unknown>, pagination_direction: PaginationDirection): PaginationInfo | null {
  if (pagination_direction !== "next" && pagination_direction !== "previous") {
    throw new MastodonIllegalArgumentError(`pagination_direction must be "next" or "previous", got ${JSON.stringify(pagination_direction)}`);
  }
  return paginationInfoOf(page, pagination_direction);
}

/**
 * The page after this one (older items), or null at the end. Given stored pagination info
 * instead of a page, name the page type: `fetchNext<Status[]>(info)`.
 */
export async function fetchNext<Page extends object>(this: MastodonClient, previous_page: Page | PaginationInfo): Promise<Page | null> {
  return fetchPage<Page>(this, paginationInfoOf(previous_page, "next"));
}

/** The page before this one (newer items), or null when there is none. */
export async function fetchPrevious<Page extends object>(this: MastodonClient, next_page: Page | PaginationInfo): Promise<Page | null> {
  return fetchPage<Page>(this, paginationInfoOf(next_page, "previous"));
}

/** Grouped notifications come as one object of lists; pages of them are merged list by list. */
function mergeInto(target: Record<string, unknown>, page: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(page)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) existing.push(...(value as unknown[]));
    else if (!(key in target)) target[key] = value;
  }
}

/** Fetches every following page and returns all items as one flat array (or one merged object). */
export async function fetchRemaining<Page extends object>(this: MastodonClient, first_page: Page): Promise<Page> {
  if (Array.isArray(first_page)) {
    const all: unknown[] = [...first_page];
    let page: unknown[] | null = first_page;
    while (page.length > 0 && (page = await fetchPage<unknown[]>(this, paginationInfoOf(page, "next")))) all.push(...page);
    return all as Page;
  }
  const merged = structuredClone(first_page) as Record<string, unknown>;
  let page: object | null = first_page;
  while ((page = await fetchPage<object>(this, paginationInfoOf(page, "next")))) mergeInto(merged, page as Record<string, unknown>);
  return merged as Page;
}

export interface PaginationIteratorOptions {
  direction?: PaginationDirection;
  /** Yield [item, info] pairs, where info resumes at the page after the item's page. */
  return_pagination_info?: boolean;
}

/** What the iterator yields: items, or [item, info] pairs with return_pagination_info. */
export type PaginationIteratorItem<T, Options> = Options extends { return_pagination_info: true } ? [T, PaginationInfo | null] : T;

/**
 * Every item from the start page on, fetching pages as the loop goes: memory stays flat.
 *   for await (const status of m.paginationIterator(await m.timelineHome())) { ... }
 */
export async function* paginationIterator<T, Options extends PaginationIteratorOptions = PaginationIteratorOptions>(this: MastodonClient, start_page: T[] | PaginationInfo, options?: Options): AsyncGenerator<PaginationIteratorItem<T, Options>, void, undefined> {
  const direction = options?.direction ?? "next";
  if (direction !== "next" && direction !== "previous") {
    throw new MastodonIllegalArgumentError(`direction must be "next" or "previous", got ${JSON.stringify(direction)}`);
  }
  // One generator, no inner one: each item costs the loop one step, not two.
  const withInfo = options?.return_pagination_info === true;
  let page: T[] | null = Array.isArray(start_page) ? start_page : await fetchPage<T[]>(this, paginationInfoOf(start_page, direction));
  while (page && page.length > 0) {
    const info = paginationInfoOf(page, direction);
    for (const item of page) yield (withInfo ? [item, info] : item) as PaginationIteratorItem<T, Options>;
    page = await fetchPage<T[]>(this, info);
  }
}
