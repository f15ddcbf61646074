// Cross-origin access, as a Mastodon server grants it, so that browser apps on another origin
// (a demo page, a test suite in a browser) can use the sandbox:
// - the Rails API (rack-cors): any origin, no credentials, any request header; the answer exposes
//   the Link and rate-limit headers that clients read. Only requests that carry an Origin get the
//   headers, and a preflight (OPTIONS) is answered before anything else runs.
// - the streaming server: `Access-Control-Allow-Origin: *` on every answer, and only the
//   Authorization, Accept and Cache-Control request headers.
// WebSocket upgrades are not subject to CORS.

const API_METHODS = "POST, PUT, DELETE, GET, PATCH, OPTIONS";
/** Mastodon's list, plus Mastodon-Async-Refresh, which a browser client must see to follow an async refresh. */
const EXPOSED = "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Mastodon-Async-Refresh";
const MAX_AGE = "7200";

const STREAMING_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "Authorization, Accept, Cache-Control",
  "access-control-allow-methods": "GET, OPTIONS",
};

type Area = "api" | "streaming";

function areaOf(path: string): Area | null {
  if (path === "/api/v1/streaming" || path.startsWith("/api/v1/streaming/")) return "streaming";
  if (path.startsWith("/api/") || path === "/oauth/token" || path === "/oauth/revoke") return "api";
  if (path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/")) return "api";
  return null;
}

/** The answer to a CORS preflight, or null when `request` is not one (it then goes on as usual). */
export function corsPreflight(request: Request, path: string): Response | null {
  if (request.method !== "OPTIONS" || !request.headers.has("origin") || !request.headers.has("access-control-request-method")) return null;
  const area = areaOf(path);
  if (area === null) return null;
  if (area === "streaming") return new Response(null, { status: 204, headers: STREAMING_HEADERS });
  return new Response(null, {
    status: 200,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": API_METHODS,
      "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "",
      "access-control-max-age": MAX_AGE,
      vary: "Origin",
    },
  });
}

/** Adds the CORS headers that `request` calls for to `response` (in place). */
export function addCorsHeaders(request: Request, path: string, response: Response): void {
  const area = areaOf(path);
  if (area === "streaming") {
    for (const [name, value] of Object.entries(STREAMING_HEADERS)) response.headers.set(name, value);
  } else if (area === "api" && request.headers.has("origin")) {
    response.headers.set("access-control-allow-origin", "*");
    response.headers.set("access-control-allow-methods", API_METHODS);
    response.headers.set("access-control-expose-headers", EXPOSED);
    response.headers.set("access-control-max-age", MAX_AGE);
  }
}
