// Cross-origin access, as a Mastodon 4.6 server grants it, so that browser apps on another origin
// (a demo page, a test suite in a browser) can use the sandbox, and meet the same limits there:
// - the Rails side (rack-cors, config/initializers/cors.rb): any origin, no credentials, any
//   request header; per path, the methods allowed; the API's answers expose Link, the rate-limit
//   headers and X-Request-Id (not Mastodon-Async-Refresh, so a page on another origin cannot read
//   that one). Only requests that carry an Origin get the headers; every answer varies on Origin.
// - the streaming server (the `cors` package with its defaults): `Access-Control-Allow-Origin: *`
//   on every answer (as the recorded 4.6 traffic shows), and preflights that allow whatever
//   request headers they ask for.
// A preflight is answered before anything else runs. WebSocket upgrades are not subject to CORS.

interface Area {
  methods: string;
  expose?: string;
}

const API: Area = { methods: "POST, PUT, DELETE, GET, PATCH, OPTIONS", expose: "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id" };
const OAUTH: Area = { methods: "POST" };
const DISCOVERY: Area = { methods: "GET" };
const MAX_AGE = "7200";
const STREAMING_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

function isStreaming(path: string): boolean {
  return path === "/api/v1/streaming" || path.startsWith("/api/v1/streaming/");
}

function railsArea(path: string): Area | null {
  if (path.startsWith("/api/")) return API;
  if (path === "/oauth/token" || path === "/oauth/revoke") return OAUTH;
  if (path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/")) return DISCOVERY;
  return null;
}

function addVary(headers: Headers, name: string): void {
  const vary = headers.get("vary");
  if (!vary) headers.set("vary", name);
  else if (!vary.split(/,\s*/).some((value) => value.toLowerCase() === name.toLowerCase())) headers.set("vary", `${vary}, ${name}`);
}

/** The answer to a CORS preflight, or null when `request` is not one (it then goes on as usual). */
export function corsPreflight(request: Request, path: string): Response | null {
  const method = request.headers.get("access-control-request-method");
  if (request.method !== "OPTIONS" || !request.headers.has("origin") || !method) return null;
  const askedHeaders = request.headers.get("access-control-request-headers");
  if (isStreaming(path)) {
    const headers = new Headers({ "access-control-allow-origin": "*", "access-control-allow-methods": STREAMING_METHODS, "content-length": "0" });
    if (askedHeaders) headers.set("access-control-allow-headers", askedHeaders);
    addVary(headers, "Access-Control-Request-Headers");
    return new Response(null, { status: 204, headers });
  }
  const area = railsArea(path);
  if (!area) return null;
  const headers = new Headers({ "content-type": "text/plain", vary: "Origin" });
  // A method the path does not allow gets an answer without the headers: the browser then refuses.
  if (area.methods.split(", ").includes(method.toUpperCase())) {
    headers.set("access-control-allow-origin", "*");
    headers.set("access-control-allow-methods", area.methods);
    if (askedHeaders) headers.set("access-control-allow-headers", askedHeaders);
    headers.set("access-control-max-age", MAX_AGE);
  }
  return new Response(null, { status: 200, headers });
}

/** Adds the CORS headers that `request` calls for to `response` (in place). */
export function addCorsHeaders(request: Request, path: string, response: Response): void {
  if (isStreaming(path)) {
    response.headers.set("access-control-allow-origin", "*");
    return;
  }
  const area = railsArea(path);
  if (!area) return;
  addVary(response.headers, "Origin");
  if (!request.headers.has("origin")) return;
  response.headers.set("access-control-allow-origin", "*");
  response.headers.set("access-control-allow-methods", area.methods);
  if (area.expose) response.headers.set("access-control-expose-headers", area.expose);
  response.headers.set("access-control-max-age", MAX_AGE);
}
