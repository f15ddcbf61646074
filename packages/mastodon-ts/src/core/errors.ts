/**
 * The error tree of Mastodon.py, as real `Error` subclasses so `instanceof` works.
 *
 *   MastodonError
 *   ├─ MastodonVersionError, MastodonIllegalArgumentError, MastodonMalformedEventError
 *   ├─ MastodonIOError ─┬─ MastodonFileNotFoundError
 *   │                   └─ MastodonNetworkError ── MastodonReadTimeout
 *   ├─ MastodonAPIError ─┬─ MastodonNotFoundError (404), MastodonUnauthorizedError (401)
 *   │                    └─ MastodonServerError ── 500 / 502 / 503 / 504 classes
 *   └─ MastodonRatelimitError (429)
 */

export class MastodonError extends Error {
  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    // A subclass of the application's own, which the table at the end does not name, keeps its class name.
    if (!Object.hasOwn(new.target.prototype, "name")) this.name = new.target.name;
  }
}

/** The server is too old (or too new) for the method that was called. */
export class MastodonVersionError extends MastodonError {}

/** An argument was wrong before anything was sent. */
export class MastodonIllegalArgumentError extends MastodonError {}

/** Reading a file or talking to the network failed. */
export class MastodonIOError extends MastodonError {}

export class MastodonFileNotFoundError extends MastodonIOError {}

/** The request never got an HTTP answer: DNS, refused connection, reset, abort. */
export class MastodonNetworkError extends MastodonIOError {}

/** No answer arrived within `request_timeout`. */
export class MastodonReadTimeout extends MastodonNetworkError {}

/** A streaming event whose payload could not be understood. The stream goes on. */
export class MastodonMalformedEventError extends MastodonError {
  readonly event: string;
  readonly payload: string;
  constructor(message: string, event: string, payload: string, options?: { cause?: unknown }) {
    super(message, options);
    this.event = event;
    this.payload = payload;
  }
}

/** What the server said, kept on every HTTP status error. */
export interface ApiErrorDetails {
  status: number;
  reason: string;
  error: string | null;
  error_description: string | null;
  headers: Record<string, string>;
  method: string;
  url: string;
  /** The parsed JSON body, or the raw text when it was not JSON (an HTML error page). */
  body: unknown;
}

/** The server answered with an HTTP error status. */
export class MastodonAPIError extends MastodonError implements ApiErrorDetails {
  readonly status: number;
  readonly reason: string;
  readonly error: string | null;
  readonly error_description: string | null;
  readonly headers: Record<string, string>;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;

  constructor(details: ApiErrorDetails) {
    const { reason, error } = details;
    super(`${details.method} ${details.url} failed: ${details.status}${reason ? ` ${reason}` : ""}${error && error !== reason ? `: ${error}` : ""}`);
    this.status = details.status;
    this.reason = details.reason;
    this.error = details.error;
    this.error_description = details.error_description;
    this.headers = details.headers;
    this.method = details.method;
    this.url = details.url;
    this.body = details.body;
  }
}

export class MastodonNotFoundError extends MastodonAPIError {}
export class MastodonUnauthorizedError extends MastodonAPIError {}
export class MastodonServerError extends MastodonAPIError {}
export class MastodonInternalServerError extends MastodonServerError {}
export class MastodonBadGatewayError extends MastodonServerError {}
export class MastodonServiceUnavailableError extends MastodonServerError {}
export class MastodonGatewayTimeoutError extends MastodonServerError {}

/**
 * The rate limit was hit (HTTP 429, or the local budget is spent in `throw` mode).
 * Mastodon.py keeps this outside MastodonAPIError; so do we, but it still carries the details.
 */
export class MastodonRatelimitError extends MastodonError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly method: string;
  readonly url: string;
  readonly error: string | null;
  /** When the limit resets, in the local clock, if the server said. */
  readonly reset: Date | null;
  constructor(message: string, details: { status?: number; headers?: Record<string, string>; method: string; url: string; error?: string | null; reset?: Date | null }) {
    super(message);
    this.status = details.status ?? 429;
    this.headers = details.headers ?? {};
    this.method = details.method;
    this.url = details.url;
    this.error = details.error ?? null;
    this.reset = details.reset ?? null;
  }
}

// Each class reports its own name in stack traces and `String(error)`. It is written out, not
// taken from the class, because minifiers rename classes in the bundles that apps ship.
for (const [ErrorClass, name] of [
  [MastodonError, "MastodonError"], [MastodonVersionError, "MastodonVersionError"],
  [MastodonIllegalArgumentError, "MastodonIllegalArgumentError"], [MastodonIOError, "MastodonIOError"],
  [MastodonFileNotFoundError, "MastodonFileNotFoundError"], [MastodonNetworkError, "MastodonNetworkError"],
  [MastodonReadTimeout, "MastodonReadTimeout"], [MastodonMalformedEventError, "MastodonMalformedEventError"],
  [MastodonAPIError, "MastodonAPIError"], [MastodonNotFoundError, "MastodonNotFoundError"],
  [MastodonUnauthorizedError, "MastodonUnauthorizedError"], [MastodonServerError, "MastodonServerError"],
  [MastodonInternalServerError, "MastodonInternalServerError"], [MastodonBadGatewayError, "MastodonBadGatewayError"],
  [MastodonServiceUnavailableError, "MastodonServiceUnavailableError"], [MastodonGatewayTimeoutError, "MastodonGatewayTimeoutError"],
  [MastodonRatelimitError, "MastodonRatelimitError"],
] as const) ErrorClass.prototype.name = name;

/** The seed's (Mastodon.py 1.1) spellings. */
export const MastodonRateLimitError = MastodonRatelimitError;
export type MastodonRateLimitError = MastodonRatelimitError;
export const MastodonFileNotFoundException = MastodonFileNotFoundError;
export type MastodonFileNotFoundException = MastodonFileNotFoundError;

const STATUS_CLASSES: Record<number, typeof MastodonAPIError> = {
  401: MastodonUnauthorizedError,
  404: MastodonNotFoundError,
  500: MastodonInternalServerError,
  502: MastodonBadGatewayError,
  503: MastodonServiceUnavailableError,
  504: MastodonGatewayTimeoutError,
};

/** The one place that maps an HTTP status to an error class. */
export function apiErrorFor(details: ApiErrorDetails): MastodonAPIError {
  const ErrorClass = STATUS_CLASSES[details.status] ?? (details.status >= 500 ? MastodonServerError : MastodonAPIError);
  return new ErrorClass(details);
}
