/**
 * Pagination info from the `Link` header of the answer a list came with (kept by response-meta.ts),
 * parsed when a program asks for it. The info is a plain, JSON-safe object so a program can store
 * it and resume later.
 */
import { metaOf } from "./response-meta.js";

export type PaginationDirection = "next" | "previous";

export interface PaginationInfo {
  /** The API path and query of the page, relative to the API base URL (from the server's Link header). */
  readonly endpoint: string;
  readonly method: "GET";
  readonly direction: PaginationDirection;
  /** The paging parameters the server chose (max_id, min_id, since_id, offset, ...). */
  readonly params: Readonly<Record<string, string>>;
}

interface PageLinks {
  next?: PaginationInfo;
  previous?: PaginationInfo;
}

/** Parses a `Link` header into next / previous pagination info. */
export function parseLinkHeader(header: string | null, base: string): PageLinks {
  const links: PageLinks = {};
  if (!header) return links;
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (!match) continue;
    const [, target = "", rest = ""] = match;
    const rel = /rel="?([^";]+)"?/.exec(rest)?.[1];
    if (rel !== "next" && rel !== "prev" && rel !== "previous") continue;
    const direction: PaginationDirection = rel === "next" ? "next" : "previous";
    let url: URL;
    try {
      url = new URL(target, base);
    } catch {
      continue;
    }
    links[direction] = {
      endpoint: stripBasePath(url.pathname, basePath) + url.search,
      method: "GET",
      direction,
      params: Object.fromEntries(url.searchParams),
    };
  }
  return links;
}

/** An API base URL may have a path prefix (https://host/mastodon); endpoints are relative to it. */
function stripBasePath(pathname: string, basePath: string): string {
  return basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

/** The pagination info of a page in one direction, or null. Accepts info objects too. */
export function paginationInfoOf(page: unknown, direction: PaginationDirection): PaginationInfo | null {
  if (isPaginationInfo(page)) return page.direction === direction ? page : null;
  const meta = metaOf(page);
  return meta?.link ? parseLinkHeader(meta.link, meta.base)[direction] ?? null : null;
}

export function isPaginationInfo(value: unknown): value is PaginationInfo {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    && typeof (value as PaginationInfo).endpoint === "string"
    && ((value as PaginationInfo).direction === "next" || (value as PaginationInfo).direction === "previous");
}
