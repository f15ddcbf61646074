/**
 * Logging in: authorization URLs (with PKCE), token grants, revocation, and OAuth server
 * metadata discovery. https://docs.joinmastodon.org/methods/oauth/ and RFC 8414 / RFC 7636.
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonAPIError, MastodonIllegalArgumentError } from "../core/errors.js";
import { checkCredentialFileWritable, writeTokenFile } from "../core/credentials.js";
import { DEFAULT_SCOPES } from "../core/options.js";
import type { EmptyResult } from "../core/types.js";
import { checkScopes, codeChallenge, generateCodeVerifier, missingScopes } from "../internal/oauth-helpers.js";
import type { DiscoveredOAuthServerInfo } from "../internal/oauth-helpers.js";

export type { DiscoveredOAuthServerInfo };
export const OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob";

/**
 * The server's OAuth metadata: RFC 8414's well-known document (Mastodon 4.3+), then OpenID
 * discovery, then Mastodon's fixed /oauth/* paths. Read afresh each time, as Mastodon.py does:
 * OAuth calls are rare, and a server may move its endpoints.
 */
export async function oauthAuthorizationServerInfo(this: MastodonClient): Promise<DiscoveredOAuthServerInfo> {
  for (const wellKnown of ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]) {
    try {
      const info = await this.request<Partial<DiscoveredOAuthServerInfo>>({ method: "GET", path: wellKnown, raw: true });
      const { token_endpoint, authorization_endpoint } = info;
      if (typeof token_endpoint === "string" && typeof authorization_endpoint === "string") {
        return { ...info, token_endpoint, authorization_endpoint, issuer: info.issuer ?? `${this.api_base_url}/` };
      }
    } catch (error) {
      if (!(error instanceof MastodonAPIError)) throw error;
    }
  }
  return {
    issuer: `${this.api_base_url}/`,
    authorization_endpoint: `${this.api_base_url}/oauth/authorize`,
    token_endpoint: `${this.api_base_url}/oauth/token`,
    revocation_endpoint: `${this.api_base_url}/oauth/revoke`,
  };
}

/** Refuses an endpoint that would send secrets over plain http from an https instance. */
function endpoint(client: MastodonClient, url: string | undefined, fallback: string, allowHttp: boolean): string {
  const target = url ?? `${client.api_base_url}${fallback}`;
  if (!allowHttp && target.startsWith("http://") && client.api_base_url.startsWith("https://")) {
    throw new MastodonIllegalArgumentError(`The server's OAuth endpoint ${target} is not https; pass allow_http: true to use it anyway`);
  }
  return target;
}

export interface AuthRequestUrlOptions {
  client_id?: string | null;
  redirect_uris?: string;
  scopes?: string[];
  force_login?: boolean;
  state?: string | null;
  lang?: string | null;
  /** Use the fixed /oauth/authorize path instead of looking up the server's metadata. */
  skip_server_info?: boolean;
  allow_http?: boolean;
  /** PKCE (RFC 7636): true makes a verifier and keeps it on the client for the next logIn. */
  pkce?: boolean;
  /** PKCE with your own verifier (keep it; pass it to logIn as code_verifier). */
  code_verifier?: string | null;
}

/** The URL to send a user to for signing in and approving the app. */
export async function authRequestUrl(this: MastodonClient, options: AuthRequestUrlOptions = {}): Promise<string> {
  const clientId = options.client_id ?? this.client_id;
  if (!clientId) throw new MastodonIllegalArgumentError("authRequestUrl needs a client_id (from createApp)");
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  checkScopes(scopes);
  const info = options.skip_server_info ? null : await oauthAuthorizationServerInfo.call(this);
  const base = endpoint(this, info?.authorization_endpoint, "/oauth/authorize", options.allow_http ?? false);
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: options.redirect_uris ?? OOB_REDIRECT,
    scope: scopes.join(" "),
    force_login: options.force_login ? "true" : "false",
  });
  if (options.state) query.set("state", options.state);
  if (options.lang ?? this.lang) query.set("lang", (options.lang ?? this.lang) as string);
  const verifier = options.code_verifier ?? (options.pkce ? generateCodeVerifier() : null);
  if (verifier) {
    this.code_verifier = verifier;
    query.set("code_challenge", await codeChallenge(verifier));
    query.set("code_challenge_method", "S256");
  }
  return `${base}?${query.toString()}`;
}

export interface LogInOptions {
  username?: string | null;
  password?: string | null;
  code?: string | null;
  redirect_uri?: string;
  refresh_token?: string | null;
  scopes?: string[];
  /** Write the token file (Mastodon.py's format, mode 0600). */
  to_file?: string | null;
  allow_http?: boolean;
  /** PKCE verifier for a `code` grant; defaults to the one made by authRequestUrl({ pkce: true }). */
  code_verifier?: string | null;
}

interface TokenResponse {
  access_token: string;
  scope?: string;
  refresh_token?: string;
  expires_in?: number;
}

/**
 * Gets a user token by password (servers before Mastodon 4.4), authorization code, or refresh
 * token; stores it on the client and resolves to it. Fails if fewer scopes were granted than asked.
 */
export async function logIn(this: MastodonClient, options: LogInOptions = {}): Promise<string> {
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  checkScopes(scopes);
  if (!this.client_id || !this.client_secret) throw new MastodonIllegalArgumentError("logIn needs client_id and client_secret (from createApp)");
  const redirect_uri = options.redirect_uri ?? OOB_REDIRECT;
  let grant: Record<string, string | undefined>;
  if (options.username && options.password) {
    grant = { grant_type: "password", username: options.username, password: options.password, redirect_uri };
  } else if (options.code) {
    grant = { grant_type: "authorization_code", code: options.code, redirect_uri, code_verifier: options.code_verifier ?? this.code_verifier ?? undefined };
  } else if (options.refresh_token) {
    grant = { grant_type: "refresh_token", refresh_token: options.refresh_token };
  } else {
    throw new MastodonIllegalArgumentError("logIn needs username and password, a code, or a refresh_token");
  }
  if (options.to_file) checkCredentialFileWritable(options.to_file);
  const info = await oauthAuthorizationServerInfo.call(this);
  const url = endpoint(this, info.token_endpoint, "/oauth/token", options.allow_http ?? false);
  let response: TokenResponse;
  try {
    response = await this.request<TokenResponse>({
      method: "POST", path: url, raw: true,
      params: { ...grant, client_id: this.client_id, client_secret: this.client_secret, scope: scopes.join(" ") },
    });
  } catch (error) {
    if (error instanceof MastodonAPIError && error.status >= 400 && error.status < 500) {
      throw new MastodonIllegalArgumentError(`Invalid user name, password, code or redirect_uri: ${error.error_description ?? error.error ?? error.reason}`, { cause: error });
    }
    throw error;
  }
  const missing = missingScopes(scopes, (response.scope ?? "").split(/\s+/).filter(Boolean));
  if (missing.length > 0) {
    throw new MastodonAPIError({
      status: 200, reason: "Scopes not granted", error: `The server granted ${JSON.stringify(response.scope ?? "")}, without: ${missing.join(" ")}`,
      error_description: null, headers: {}, method: "POST", url, body: null,
    });
  }
  this.access_token = response.access_token;
  this.cache.delete("me"); // the logged-in account may have changed
  this.refresh_token = response.refresh_token ?? null;
  this.access_token_expires_at = typeof response.expires_in === "number" ? new Date(this.clock.now() + response.expires_in * 1000) : null;
  this.code_verifier = null;
  if (options.to_file) {
    writeTokenFile(options.to_file, { access_token: response.access_token, api_base_url: this.api_base_url, client_id: this.client_id, client_secret: this.client_secret });
  }
  return response.access_token;
}

/** Invalidates the client's access token on the server and forgets it. */
export async function revokeAccessToken(this: MastodonClient, options: { allow_http?: boolean } = {}): Promise<EmptyResult> {
  if (!this.access_token) throw new MastodonIllegalArgumentError("revokeAccessToken: this client has no access token");
  const info = await oauthAuthorizationServerInfo.call(this);
  const url = endpoint(this, info.revocation_endpoint, "/oauth/revoke", options.allow_http ?? false);
  const result = await this.request<EmptyResult>({
    method: "POST", path: url, raw: true,
    params: { client_id: this.client_id, client_secret: this.client_secret, token: this.access_token },
  });
  this.access_token = null;
  this.cache.delete("me");
  return result;
}
