/** Secrets never leave the client in logs or errors: this replaces them with a marker. */

const SECRET_KEYS = new Set([
  "access_token", "client_secret", "code", "password", "refresh_token", "token", "code_verifier",
]);
const REDACTED = "[redacted]";
/** `?code=…` or `&access_token=…`: one secret query parameter and its value. */
const SECRET_QUERY = new RegExp(`([?&](?:${[...SECRET_KEYS].join("|")})=)[^&#]*`, "g");

/** Redacts secret query parameters of a URL. */
export function redactUrl(url: string): string {
  return url.includes("?") ? url.replace(SECRET_QUERY, `$1${REDACTED}`) : url;
}

/**
 * Redacts cookies of an answer's header map (the Authorization header is only ever sent, never
 * answered, and requests are not kept).
 */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (const key of ["cookie", "set-cookie"]) if (key in out) out[key] = REDACTED;
  return out;
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
