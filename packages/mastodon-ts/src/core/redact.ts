/** Secrets never leave the client in logs or errors: this replaces them with a marker. */

const SECRET_KEYS = new Set([
  "access_token", "client_secret", "code", "password", "refresh_token", "token", "code_verifier",
]);
const REDACTED = "[redacted]";

/** Redacts secret query parameters of a URL. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (SECRET_KEYS.has(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, queryStart)}?${params.toString()}` : url;
}

/** Redacts the Authorization header and cookie headers of a header map. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const lower = key.toLowerCase();
    if (lower === "authorization") out[key] = value.replace(/^(\w+)\s.*$/, `$1 ${REDACTED}`);
    else if (lower === "cookie" || lower === "set-cookie") out[key] = REDACTED;
    else out[key] = value;
  }
  return out;
}

/** Redacts secret fields of a flat parameter list (for debug logs). */
export function redactParams(params: ReadonlyArray<readonly [string, unknown]>): Array<[string, unknown]> {
  return params.map(([key, value]) => [key, SECRET_KEYS.has(key) ? REDACTED : value]);
}

/** Redacts values of secret keys anywhere in a parsed JSON body (e.g. a token response in an error). */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (body !== null && typeof body === "object") {
    const out: Record<string, unknown> = {};
    // Only string values are secrets: a sign-up error's `password` holds validation messages.
    for (const [key, value] of Object.entries(body)) out[key] = SECRET_KEYS.has(key) && typeof value === "string" ? REDACTED : redactBody(value);
    return out;
  }
  return body;
}
