// The one error type of the sandbox, and the messages real Mastodon sends with it.
// Every error response is rendered from an ApiError in server/app.ts, so the wire format
// ({"error": "..."} plus optional fields) lives in one place (docs: entities/Error.md).

export type ErrorBody = { error: string; error_description?: string; details?: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.error}`);
    this.name = "ApiError";
  }
}

export const recordNotFound = () => new ApiError(404, { error: "Record not found" });
export const routeNotFound = () => new ApiError(404, { error: "Not Found" });
export const invalidToken = () => new ApiError(401, { error: "The access token is invalid" });
export const revokedToken = () => new ApiError(401, { error: "The access token was revoked" });
export const outsideScopes = () => new ApiError(403, { error: "This action is outside the authorized scopes" });
export const notAllowed = () => new ApiError(403, { error: "This action is not allowed" });
export const userRequired = () => new ApiError(422, { error: "This method requires an authenticated user" });
export const tooManyRequests = (headers: Record<string, string> = {}) =>
  new ApiError(429, { error: "Too many requests" }, headers);
export const badRequest = (message: string) => new ApiError(400, { error: message });
export const unprocessable = (message: string, details?: unknown) =>
  new ApiError(422, details === undefined ? { error: message } : { error: message, details });
/** ActiveRecord validation errors: "Validation failed: Text can't be blank". */
export const validationFailed = (...messages: string[]) => unprocessable(`Validation failed: ${messages.join(", ")}`);
export const internalError = () => new ApiError(500, { error: "We're sorry, but something went wrong on our end." });

/** Doorkeeper's OAuth errors (docs: methods/oauth.md). */
export const oauthErrors = {
  invalidClient: () =>
    new ApiError(401, {
      error: "invalid_client",
      error_description:
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    }),
  invalidGrant: () =>
    new ApiError(400, {
      error: "invalid_grant",
      error_description:
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
    }),
  invalidScope: () =>
    new ApiError(400, { error: "invalid_scope", error_description: "The requested scope is invalid, unknown, or malformed." }),
  unsupportedGrantType: () =>
    new ApiError(400, {
      error: "unsupported_grant_type",
      error_description: "The authorization grant type is not supported by the authorization server.",
    }),
  invalidRequest: (missing: string) =>
    new ApiError(400, { error: "invalid_request", error_description: `Missing required parameter: ${missing}.` }),
  unauthorizedRevoke: () =>
    new ApiError(403, { error: "unauthorized_client", error_description: "You are not authorized to revoke this token" }),
};
