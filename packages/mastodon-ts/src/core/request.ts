/**
 * The one request pipeline under every API method:
 * URL and body → rate-limit slot → send with timeout → parse or raise.
 */
import { apiErrorFor, MastodonAPIError, MastodonNetworkError, MastodonRatelimitError, MastodonReadTimeout, type ApiErrorDetails, type MastodonError } from "./errors.js";
import { parseReset, type Limiter } from "./limiter.js";
import { flattenParams, type Params } from "./encode.js";
import { reviveDates } from "./dates.js";
import { attachMeta } from "./response-meta.js";
import { redactBody, redactHeaders, redactUrl } from "./redact.js";
import type { HttpResponse, ResponseHeaders } from "./transport.js";
import type { MastodonClient } from "./client.js";
// Bundlers for browsers take ../platform/web.js instead (package.json "browser").
import { userAgentHeaders } from "../platform/node.js";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestSpec {
  method: HttpMethod;
  /** A path under the API base URL ("/api/v1/statuses"), or an absolute URL (discovered OAuth endpoints). */
  path: string;
  /**
   * A query string for GET and HEAD; otherwise a form body (DELETE too, as Mastodon.py sends it),
   * unless `body` is given.
   */
  params?: Params | undefined;
  /** A body made beforehand, instead of `params`: JSON text (from `toJson`) or multipart (`withFiles`). */
  body?: string | FormData;
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

function buildUrl(client: MastodonClient, spec: RequestSpec, query: boolean): string {
  const url = /^https?:\/\//i.test(spec.path) ? spec.path : client.api_base_url + spec.path;
  const search = flattenParams(query ? spec.params : undefined);
  // A method's own `lang` option (trends) wins over the client's.
  if (client.lang && !search.has("lang")) search.append("lang", client.lang);
  const text = search.toString();
  return text ? url + (url.includes("?") ? "&" : "?") + text : url;
}

/** The parsed body; undefined when it is not JSON. An empty body is an empty object. */
function parseJson(text: string): unknown {
  try {
    return text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends one API request and resolves to its parsed body. */
export async function send<T>(client: MastodonClient, spec: RequestSpec): Promise<T> {
  const query = spec.method === "GET" || spec.method === "HEAD";
  const url = buildUrl(client, spec, query);
  const headers = userAgentHeaders(client.user_agent);
  let body = spec.body;
  // fetch gives FormData its multipart type and boundary itself.
  if (typeof body === "string") headers["Content-Type"] = "application/json";
  else if (body === undefined && !query) {
    const form = flattenParams(spec.params).toString();
    if (form) {
      body = form;
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
  }
  Object.assign(headers, spec.headers);
  // The token only ever goes to the instance's own origin (discovered OAuth endpoints may differ).
  // Compared on the final URL: a path that does not start with "/" (a stored page link, a
  // discovered endpoint) could otherwise turn the base into another host ("@evil.example/").
  const base = client.api_base_url;
  if (spec.auth !== false && client.access_token && (url.startsWith(`${base}/`) || new URL(url).origin === new URL(base).origin)) headers.Authorization = `Bearer ${client.access_token}`;
  // Only errors show the URL: it is redacted then, not on every call.
  const label = (): string => `${spec.method} ${redactUrl(url)}`;

  const limiter = client.ratelimiter;
  for (;;) {
    const ticket: unknown = limiter ? await limiter.acquire(spec) : null;
    let response: HttpResponse;
    let text: string;
    try {
      response = await client.transport(url, { method: spec.method, headers, body, timeoutMs: client.request_timeout * 1000 });
    } catch (cause) {
      limiter?.settle(ticket, null);
      const error = cause as { name?: string; message?: string; cause?: { message?: string } } | null;
      if (error?.name === "TimeoutError") throw new MastodonReadTimeout(`${label()} timed out after ${client.request_timeout} s`, { cause });
      throw new MastodonNetworkError(`${label()} failed: ${error?.cause?.message ?? error?.message ?? String(cause)}`, { cause });
    }
    const status = response.status;
    const limited = status === 429;
    limiter?.settle(ticket, response.headers, limited);
    try {
      text = await response.text();
    } catch (cause) {
      // fetch's timeout also runs while the body arrives: a body that stalls is a timeout too.
      if ((cause as { name?: string } | null)?.name === "TimeoutError") {
        throw new MastodonReadTimeout(`${label()} timed out after ${client.request_timeout} s`, { cause });
      }
      throw new MastodonNetworkError(`${label()}: the response body was cut off`, { cause });
    }
    if (limited && limiter && limiter.method !== "throw") {
      await limiter.afterLimited(ticket);
      continue;
    }

    const value = parseJson(text);
    if (limited || status >= 400 || (value === undefined && !spec.headersOnly)) throw answerError(spec, redactUrl(url), response, text, value, limiter);
    if (spec.headersOnly) return headerRecord(response.headers) as T;
    if (spec.raw) return value as T;
    // Link and Mastodon-Async-Refresh are kept as sent; pagination.ts and async-refresh.ts read them when asked.
    return attachMeta(reviveDates(value), {
      link: response.headers.get("link"), asyncRefresh: response.headers.get("mastodon-async-refresh"), base: client.api_base_url, request: spec,
    }) as T;
  }
}

/** The error for an answer that is not a result: a 429, an error status, or a body that is not JSON. */
function answerError(spec: RequestSpec, url: string, response: HttpResponse, text: string, value: unknown, limiter: Limiter | null): MastodonError {
  const json = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
  const status = response.status;
  const details: ApiErrorDetails = {
    status,
    // The server's reason phrase; HTTP/2 has none, and none is made up.
    reason: response.statusText,
    error: typeof json?.error === "string" ? json.error : null,
    error_description: typeof json?.error_description === "string" ? json.error_description : null,
    headers: redactHeaders(headerRecord(response.headers)),
    method: spec.method,
    url,
    body: json ? redactBody(json) : text,
  };
  if (status === 429) {
    // The limiter knows the reset in our clock; without one, the answer's header tells it in the server's.
    const reset = limiter?.reset || parseReset(response.headers.get("x-ratelimit-reset") ?? "");
    return new MastodonRatelimitError(`${spec.method} ${url}: rate limit hit (429)${details.error ? `: ${details.error}` : ""}`, {
      ...details, reset: reset === reset ? new Date(reset) : null,
    });
  }
  if (status >= 400) return apiErrorFor(details);
  return new MastodonAPIError({ ...details, reason: "Response is not JSON", error: `Could not parse the response as JSON: ${text.slice(0, 80)}` });
}
