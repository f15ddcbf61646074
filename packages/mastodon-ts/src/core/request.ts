/**
 * The one request pipeline under every API method:
 * version check → URL and body → rate-limit slot → fetch with timeout → parse or raise.
 */
import { apiErrorFor, MastodonAPIError, MastodonNetworkError, MastodonRatelimitError, MastodonReadTimeout } from "./errors.js";
import { flattenParams, toFormData, toJson, toSearchParams, type Params } from "./encode.js";
import { attachAsyncRefresh } from "./async-refresh.js";
import { reviveDates } from "./dates.js";
import { attachLinks, parseLinkHeader } from "./pagination.js";
import { redactBody, redactHeaders, redactUrl } from "./redact.js";
import type { LoadedFile } from "./media.js";
import type { HttpResponse, ResponseHeaders } from "./transport.js";
import type { MastodonClient } from "./client.js";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestSpec {
  method: HttpMethod;
  /** A path under the API base URL ("/api/v1/statuses"), or an absolute URL (discovered OAuth endpoints). */
  path: string;
  params?: Params | undefined;
  /** Default: a query string for GET, a form body otherwise (DELETE too, as Mastodon.py sends it); "multipart" when `files` are given. */
  encoding?: "query" | "form" | "json" | "multipart";
  files?: Record<string, LoadedFile | undefined>;
  headers?: Record<string, string>;
  /** Send the access token (default true). */
  auth?: boolean;
  /** [version that added the method, version that last changed it], checked per version_check_mode. */
  version?: readonly [created: string, changed?: string];
  /** Keep the body as parsed JSON without date conversion or pagination (OAuth answers). */
  raw?: boolean;
  /** Resolve to the answer's headers (lower-case names) instead of its body (HEAD requests, server time). */
  headersOnly?: boolean;
}

function headerRecord(headers: ResponseHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function buildUrl(client: MastodonClient, spec: RequestSpec, queryParams: Params | undefined): string {
  const url = /^https?:\/\//i.test(spec.path) ? spec.path : client.api_base_url + spec.path;
  const search = toSearchParams(flattenParams(queryParams));
  // A method's own `lang` option (trends) wins over the client's.
  if (client.lang && !search.has("lang")) search.append("lang", client.lang);
  const query = search.toString();
  if (!query) return url;
  return url + (url.includes("?") ? "&" : "?") + query;
}

function buildBody(spec: RequestSpec, encoding: string): { body?: string | FormData; contentType?: string } {
  if (encoding === "query") return {};
  if (encoding === "json") return { body: toJson(spec.params ?? {}), contentType: "application/json" };
  const pairs = flattenParams(spec.params);
  if (encoding === "multipart") {
    const names: Record<string, string> = {};
    for (const [key, file] of Object.entries(spec.files ?? {})) {
      if (!file) continue;
      pairs.push([key, file.blob]);
      names[key] = file.fileName;
    }
    return { body: toFormData(pairs, names) }; // fetch sets the multipart boundary itself
  }
  if (pairs.length === 0) return {};
  return { body: toSearchParams(pairs).toString(), contentType: "application/x-www-form-urlencoded" };
}

/** "POST /api/v1/statuses/:id/favourite": the route a request counts against, for the rate limiter. */
function routeOf(spec: RequestSpec): string {
  const pathOnly = spec.path.replace(/^https?:\/\/[^/]+/i, "").split("?")[0] ?? "";
  return `${spec.method} ${pathOnly.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
}

function sameOrigin(url: string, base: string): boolean {
  return url.startsWith(`${base}/`) || url === base || new URL(url).origin === new URL(base).origin;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function sleep(client: MastodonClient, until: number): Promise<void> {
  const ms = Math.max(0, until - client.clock.now());
  return new Promise<void>((resolve) => client.clock.setTimeout(() => resolve(), ms));
}

async function sendOnce(client: MastodonClient, url: string, method: string, headers: Record<string, string>, body: string | FormData | undefined): Promise<HttpResponse> {
  try {
    return await client.transport(url, { method, headers, ...(body !== undefined ? { body } : {}), timeoutMs: client.request_timeout * 1000 });
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name;
    if (name === "TimeoutError") {
      throw new MastodonReadTimeout(`${method} ${redactUrl(url)} timed out after ${client.request_timeout} s`, { cause });
    }
    const detail = (cause as { cause?: { message?: string } } | null)?.cause?.message ?? (cause as Error | null)?.message ?? String(cause);
    throw new MastodonNetworkError(`${method} ${redactUrl(url)} failed: ${detail}`, { cause });
  }
}

/** Sends one API request and resolves to its parsed body. */
export async function send<T>(client: MastodonClient, spec: RequestSpec): Promise<T> {
  if (spec.version) await client.checkVersion(spec.version[0], spec.version[1]);
  const encoding = spec.encoding ?? (spec.files ? "multipart" : spec.method === "GET" || spec.method === "HEAD" ? "query" : "form");
  const url = buildUrl(client, spec, encoding === "query" ? spec.params : undefined);
  const { body, contentType } = buildBody(spec, encoding);
  const headers: Record<string, string> = { "User-Agent": client.user_agent, ...spec.headers };
  if (contentType) headers["Content-Type"] = contentType;
  // The token only ever goes to the instance's own origin (discovered OAuth endpoints may differ).
  if (spec.auth !== false && client.access_token && sameOrigin(url, client.api_base_url)) headers.Authorization = `Bearer ${client.access_token}`;
  const shownUrl = redactUrl(url);

  const route = routeOf(spec);
  for (;;) {
    const ticket = await client.ratelimiter.acquire(route);
    client.debug(`→ ${spec.method} ${shownUrl}${spec.params && encoding !== "query" ? ` ${JSON.stringify(redactBody(spec.params))}` : ""}`);
    let response: HttpResponse;
    try {
      response = await sendOnce(client, url, spec.method, headers, body);
    } catch (error) {
      client.ratelimiter.settle(ticket, route, null);
      throw error;
    }
    const limited = response.status === 429;
    client.ratelimiter.settle(ticket, route, response.headers, limited);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new MastodonNetworkError(`${spec.method} ${shownUrl}: the response body was cut off`, { cause });
    }
    client.debug(`← ${response.status} ${spec.method} ${shownUrl} ${text.length} bytes`);

    if (limited && client.ratelimiter.method !== "throw") {
      await sleep(client, client.ratelimiter.retryTime(route));
      continue;
    }
    const parsed = parseJson(text);
    if (response.status >= 400 || limited) {
      const json = parsed.ok && parsed.value !== null && typeof parsed.value === "object" ? (parsed.value as Record<string, unknown>) : null;
      const details = {
        status: response.status,
        reason: response.statusText || defaultReason(response.status),
        error: typeof json?.error === "string" ? json.error : null,
        error_description: typeof json?.error_description === "string" ? json.error_description : null,
        headers: redactHeaders(headerRecord(response.headers)),
        method: spec.method,
        url: shownUrl,
        body: json ? redactBody(json) : text,
      };
      if (limited) {
        throw new MastodonRatelimitError(`${spec.method} ${shownUrl}: rate limit hit (429)${details.error ? `: ${details.error}` : ""}`, {
          ...details, reset: client.ratelimiter.reset ? new Date(client.ratelimiter.reset) : null,
        });
      }
      throw apiErrorFor(details);
    }
    if (spec.headersOnly) return headerRecord(response.headers) as T;
    if (!parsed.ok) {
      throw new MastodonAPIError({
        status: response.status, reason: "Response is not JSON", error: `Could not parse the response as JSON: ${text.slice(0, 80)}`,
        error_description: null, headers: headerRecord(response.headers), method: spec.method, url: shownUrl, body: text,
      });
    }
    if (spec.raw) return parsed.value as T;
    const value = attachAsyncRefresh(reviveDates(parsed.value), response.headers.get("mastodon-async-refresh"), spec);
    return attachLinks(value, parseLinkHeader(response.headers.get("link"), client.api_base_url)) as T;
  }
}

function defaultReason(status: number): string {
  const reasons: Record<number, string> = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
    410: "Gone", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
  };
  return reasons[status] ?? `HTTP ${status}`;
}
