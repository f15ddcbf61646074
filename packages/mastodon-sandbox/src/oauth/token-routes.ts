// POST /oauth/token, /oauth/revoke, /oauth/userinfo and the authorization server metadata
// (docs: methods/oauth.md). Mastodon 4.4 dropped the password grant; it comes back only
// with the allowPasswordGrant option, and refresh tokens only with issueRefreshTokens.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Core } from "../core.js";
import { renderToken } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { oauthErrors } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { issueToken } from "../services/accounts.js";
import type { TokenRecord } from "../state/types.js";
import { authenticateClient, clientCredentials, findClient, grantedScopes } from "./clients.js";
import { SUPPORTED_SCOPES } from "./scopes.js";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

function tokenResponse(token: TokenRecord): Response {
  return json(renderToken(token), 200, NO_STORE);
}

function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

function token(c: Context): Response {
  const p = c.params;
  const grantType = p.str("grant_type");
  if (!grantType) throw oauthErrors.invalidRequest("grant_type");
  const core = c.core;
  switch (grantType) {
    case "client_credentials": {
      const app = authenticateClient(core, c.request, p);
      const scopes = grantedScopes(app, p.str("scope"));
      if (!scopes) throw oauthErrors.invalidScope();
      return tokenResponse(issueToken(core, app.id, null, scopes));
    }
    case "authorization_code": {
      const app = authenticateClient(core, c.request, p);
      const code = p.str("code");
      if (!code) throw oauthErrors.invalidRequest("code");
      const grant = core.store.authCodes.get(code);
      if (!grant || grant.applicationId !== app.id || grant.expiresAt < core.now()) throw oauthErrors.invalidGrant();
      if ((p.str("redirect_uri") ?? grant.redirectUri) !== grant.redirectUri) throw oauthErrors.invalidGrant();
      if (grant.codeChallenge !== null) {
        const verifier = p.str("code_verifier");
        if (!verifier || !pkceMatches(verifier, grant.codeChallenge)) throw oauthErrors.invalidGrant();
      }
      core.store.authCodes.delete(code);
      return tokenResponse(issueToken(core, app.id, grant.accountId, grant.scopes));
    }
    case "password": {
      if (!core.options.allowPasswordGrant) throw oauthErrors.unsupportedGrantType();
      const app = authenticateClient(core, c.request, p);
      const account = core.store.accountByLogin(p.str("username") ?? "");
      if (!account || account.password !== p.str("password") || account.suspended) throw oauthErrors.invalidGrant();
      const scopes = grantedScopes(app, p.str("scope"));
      if (!scopes) throw oauthErrors.invalidScope();
      return tokenResponse(issueToken(core, app.id, account.id, scopes));
    }
    case "refresh_token": {
      if (!core.options.issueRefreshTokens) throw oauthErrors.unsupportedGrantType();
      const app = authenticateClient(core, c.request, p);
      const refresh = p.str("refresh_token");
      if (!refresh) throw oauthErrors.invalidRequest("refresh_token");
      const previous = [...core.store.tokens.values()].find((t) => t.refreshToken === refresh);
      if (!previous || previous.applicationId !== app.id || previous.accountId === null) throw oauthErrors.invalidGrant();
      previous.revoked = true;
      previous.refreshToken = null;
      return tokenResponse(issueToken(core, app.id, previous.accountId, previous.scopes));
    }
    default:
      throw oauthErrors.unsupportedGrantType();
  }
}

function revoke(c: Context): Response {
  const { clientId } = clientCredentials(c.request, c.params);
  const app = findClient(c.core, clientId);
  const value = c.params.str("token");
  if (!app || !value) throw oauthErrors.unauthorizedRevoke();
  authenticateClient(c.core, c.request, c.params);
  const record = c.core.store.tokens.get(value) ?? [...c.core.store.tokens.values()].find((t) => t.refreshToken === value);
  if (record && record.applicationId !== app.id) throw oauthErrors.unauthorizedRevoke();
  if (record) record.revoked = true;
  return json({}, 200, NO_STORE);
}

export function authorizationServerMetadata(core: Core) {
  const base = core.baseUrl();
  const grants = ["authorization_code", ...(core.options.allowPasswordGrant ? ["password"] : []), "client_credentials"];
  if (core.options.issueRefreshTokens) grants.push("refresh_token");
  return {
    issuer: `${base}/`,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    revocation_endpoint: `${base}/oauth/revoke`,
    userinfo_endpoint: `${base}/oauth/userinfo`,
    scopes_supported: [...SUPPORTED_SCOPES],
    response_types_supported: ["code"],
    response_modes_supported: ["query", "fragment", "form_post"],
    grant_types_supported: grants,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    service_documentation: "https://docs.joinmastodon.org/",
    app_registration_endpoint: `${base}/api/v1/apps`,
  };
}

export function oauthTokenRoutes(r: Router): void {
  r.post("/oauth/token", {}, token);
  r.post("/oauth/revoke", {}, revoke);
  r.get("/.well-known/oauth-authorization-server", {}, (c) => json(authorizationServerMetadata(c.core)));

  const userinfo = (c: Context) => {
    const account = c.user();
    const base = c.core.baseUrl();
    return json({
      iss: `${base}/`,
      sub: `${base}/ap/users/${account.id}`,
      name: account.displayName || account.username,
      preferred_username: account.username,
      profile: `${base}/@${account.username}`,
      picture: account.avatar ? `${base}${account.avatar.path}` : `${base}/avatars/original/missing.png`,
    });
  };
  r.get("/oauth/userinfo", { access: "user", scopes: ["profile"] }, userinfo);
  r.post("/oauth/userinfo", { access: "user", scopes: ["profile"] }, userinfo);
}
