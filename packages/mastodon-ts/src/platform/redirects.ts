/**
 * Redirects, followed on node:http the way fetch follows them (the Fetch standard's "follow"
 * mode): up to 20 hops; 303, and 301/302 after a POST, become a GET without a body; 307/308 keep
 * the method and the body; the Authorization header is not sent to another origin; a Location
 * that is not a URL, not http(s), or carries credentials is a network error, as in fetch.
 */

/** Fetch's limit: more hops than this is a network error. */
export const MAX_REDIRECTS = 20;

export interface RedirectHop {
  url: string;
  method: string;
  /** False when the next request goes without the body (and without its Content-* headers). */
  keepBody: boolean;
  headers: Record<string, string>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The next request of a redirect; null when the answer is not one (without a Location, a 3xx is
 * the answer); an Error when fetch would fail the request. `hopsLeft` counts what remains of
 * MAX_REDIRECTS. The error messages hold no URL: a Location may repeat the access token.
 */
export function redirectHop(status: number, location: string | string[] | undefined, url: string, method: string, headers: Record<string, string>, hopsLeft: number): RedirectHop | Error | null {
  if (!REDIRECT_STATUSES.has(status) || typeof location !== "string" || !location) return null;
  if (hopsLeft === 0) return new Error(`more than ${MAX_REDIRECTS} redirects`);
  let next: URL;
  try {
    next = new URL(location, url);
  } catch {
    return new Error(`a ${status} redirect to a Location that is not a URL`);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") return new Error(`a ${status} redirect to a ${next.protocol} URL`);
  if (next.username || next.password) return new Error(`a ${status} redirect to a URL with credentials`);
  const toGet = status === 303 ? method !== "HEAD" : (status === 301 || status === 302) && method === "POST";
  const nextHeaders: Record<string, string> = {};
  const crossOrigin = next.origin !== new URL(url).origin;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (crossOrigin && lower === "authorization") continue;
    if (toGet && (lower === "content-type" || lower === "content-length")) continue;
    nextHeaders[name] = value;
  }
  return { url: next.href, method: toGet ? "GET" : method, keepBody: !toGet, headers: nextHeaders };
}
