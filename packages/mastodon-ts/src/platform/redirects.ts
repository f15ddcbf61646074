/**
 * Redirects, followed on node:http the way fetch follows them (the Fetch standard's "follow"
 * mode), so that the node:http transport answers exactly as fetch would: up to 20 hops; 303, and
 * 301/302 after a POST, become a GET without a body; 307/308 keep the method and the body; the
 * Authorization header is not sent to another origin.
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

/** The next request of a redirect, or null when the answer is not one (no Location: it is the answer). */
export function redirectHop(status: number, location: string | undefined, url: string, method: string, headers: Record<string, string>): RedirectHop | null {
  if (!REDIRECT_STATUSES.has(status) || !location) return null;
  const next = new URL(location, url);
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
