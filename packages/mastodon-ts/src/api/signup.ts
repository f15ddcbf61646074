/**
 * Signing up through the API, and re-sending the confirmation e-mail.
 * https://docs.joinmastodon.org/methods/accounts/#create and methods/emails/
 */
import type { MastodonClient } from "../core/client.js";
import { checkCredentialFileWritable, writeTokenFile } from "../core/credentials.js";
import { formatDate } from "../core/encode.js";
import { MastodonAPIError, MastodonIllegalArgumentError } from "../core/errors.js";
import { DEFAULT_SCOPES } from "../core/options.js";
import type { EmptyResult } from "../core/types.js";
import { checkScopes, missingScopes } from "../internal/oauth-helpers.js";
import type { AccountCreationError } from "../entities/index.js";

export interface CreateAccountOptions {
  /** Whether the user accepted the server's rules and terms; servers refuse sign-ups without it. */
  agreement?: boolean;
  /** Why the user wants to join, for servers that approve sign-ups by hand. */
  reason?: string | null;
  /** Language of the confirmation e-mail (default "en"). */
  locale?: string;
  scopes?: string[];
  /** Write the new token to this file (Mastodon.py's token file format, mode 0600). */
  to_file?: string | null;
  /** Resolve to [token, {}] or [null, error details] instead of throwing when the server refuses. */
  return_detailed_error?: boolean;
  /** The user's date of birth (a Date, or "YYYY-MM-DD"); required by servers with a minimum age. */
  date_of_birth?: Date | string | null;
}

/** The answer to a detailed sign-up: the token, or null and why the server refused. */
export type CreateAccountResult = [access_token: string, error: EmptyResult] | [access_token: null, error: AccountCreationError];

interface TokenResponse {
  access_token?: unknown;
  scope?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

function dateOfBirth(value: Date | string | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new MastodonIllegalArgumentError("date_of_birth is an invalid Date");
    return formatDate(value);
  }
  if (!/^\d{4}-\d\d-\d\d$/.test(value)) throw new MastodonIllegalArgumentError(`date_of_birth must be a Date or "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  return value;
}

function isCreationError(body: unknown): body is AccountCreationError {
  return body !== null && typeof body === "object" && "error" in body;
}

/**
 * Registers a new user with the app's own credentials (client_id / client_secret), as Mastodon.py
 * does: an app token from the client_credentials grant, then POST /api/v1/accounts with it. The new
 * user's token is stored on the client and returned; it works once the user confirmed the e-mail.
 * A refused sign-up throws MastodonIllegalArgumentError, or with `return_detailed_error`
 * resolves to [null, { error, details }].
 */
export async function createAccount(this: MastodonClient, username: string, password: string, email: string, options: CreateAccountOptions & { return_detailed_error: true }): Promise<CreateAccountResult>;
export async function createAccount(this: MastodonClient, username: string, password: string, email: string, options?: CreateAccountOptions & { return_detailed_error?: false }): Promise<string>;
export async function createAccount(this: MastodonClient, username: string, password: string, email: string, options?: CreateAccountOptions): Promise<string | CreateAccountResult>;
export async function createAccount(this: MastodonClient, username: string, password: string, email: string, options: CreateAccountOptions = {}): Promise<string | CreateAccountResult> {
  for (const [name, value] of Object.entries({ username, password, email })) {
    // Empty strings are the server's to refuse (with details), so only the type is checked here.
    if (typeof value !== "string") throw new MastodonIllegalArgumentError(`${name} must be a string`);
  }
  const { client_id, client_secret } = this;
  if (!client_id || !client_secret) throw new MastodonIllegalArgumentError("createAccount needs client_id and client_secret (from createApp)");
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  checkScopes(scopes);
  if (options.to_file) checkCredentialFileWritable(options.to_file);
  const detailed = options.return_detailed_error ?? false;
  const params = {
    username, password, email,
    agreement: options.agreement ? true : undefined,
    reason: options.reason ?? undefined,
    locale: options.locale ?? "en",
    return_detailed_error: detailed,
    date_of_birth: dateOfBirth(options.date_of_birth),
    client_id, client_secret,
  };

  // Step 1: a token for the app itself, not for any user. (Like Mastodon.py, this sends the
  // client's current token too, if it has one; the token endpoint ignores it.)
  let appToken: string;
  try {
    const token = await this.request<TokenResponse>({
      method: "POST", path: "/oauth/token", raw: true, version: ["2.7.0", "2.7.0"],
      params: { scope: scopes.join(" "), client_id, client_secret, grant_type: "client_credentials" },
    });
    if (typeof token.access_token !== "string") throw new MastodonIllegalArgumentError("the server gave no app token");
    appToken = token.access_token;
  } catch (error) {
    if (!(error instanceof MastodonAPIError) && !(error instanceof MastodonIllegalArgumentError)) throw error;
    throw new MastodonIllegalArgumentError(`Invalid request during oauth phase: ${error.message}`, { cause: error });
  }

  // Step 2: the sign-up, authorised by the app token.
  let response: TokenResponse;
  try {
    response = await this.request<TokenResponse>({
      method: "POST", path: "/api/v1/accounts", auth: false, raw: true, headers: { Authorization: `Bearer ${appToken}` }, params,
    });
  } catch (error) {
    if (!(error instanceof MastodonAPIError)) throw error;
    if (detailed && isCreationError(error.body)) return [null, error.body];
    throw new MastodonIllegalArgumentError(`Invalid request: ${error.error ?? error.reason}`, { cause: error });
  }
  if (typeof response.access_token !== "string") throw new MastodonIllegalArgumentError("Invalid request: the server gave no access token");
  this.access_token = response.access_token;
  this.cache.delete("me"); // the logged-in account changed
  this.refresh_token = typeof response.refresh_token === "string" ? response.refresh_token : null;
  this.access_token_expires_at = typeof response.expires_in === "number" && response.expires_in > 0 ? new Date(this.clock.now() + response.expires_in * 1000) : null;

  // Step 3: the token must carry every scope asked for.
  const granted = typeof response.scope === "string" ? response.scope.split(/\s+/).filter(Boolean) : [];
  const missing = missingScopes(scopes, granted);
  if (missing.length > 0) {
    throw new MastodonAPIError({
      status: 200, reason: "Scopes not granted", error: `The server granted ${JSON.stringify(granted.join(" "))}, without: ${missing.join(" ")}`,
      error_description: null, headers: {}, method: "POST", url: `${this.api_base_url}/api/v1/accounts`, body: null,
    });
  }
  if (options.to_file) {
    writeTokenFile(options.to_file, { access_token: response.access_token, api_base_url: this.api_base_url, client_id, client_secret });
  }
  return detailed ? [response.access_token, {}] : response.access_token;
}

export interface EmailResendConfirmationOptions {
  /** Change the unconfirmed user's e-mail address before re-sending (a server parameter, not in Mastodon.py). */
  email?: string | null;
}

/** Re-sends the confirmation e-mail of an unconfirmed user; only the app that signed them up may. */
export async function emailResendConfirmation(this: MastodonClient, options: EmailResendConfirmationOptions = {}): Promise<EmptyResult> {
  return this.request({ method: "POST", path: "/api/v1/emails/confirmations", params: { email: options.email ?? undefined }, version: ["3.4.0", "3.4.0"] });
}
