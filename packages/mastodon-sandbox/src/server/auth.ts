// Finding the access token of a request and checking it against what a route needs,
// in Doorkeeper's order: valid token (401), scopes (403), then a user behind it (422).
import type { Core } from "../core.js";
import { hasAnyScope } from "../oauth/scopes.js";
import type { TokenRecord } from "../state/types.js";
import type { AuthInfo } from "./context.js";
import { invalidToken, outsideScopes, revokedToken, userRequired } from "./errors.js";
import type { Route } from "./router.js";

/** Doorkeeper reads `Authorization: Bearer`, then the `access_token` and `bearer_token` params. */
export function tokenFromRequest(request: Request, url: URL): string | undefined {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (match?.[1]) return match[1].trim();
  return url.searchParams.get("access_token") ?? url.searchParams.get("bearer_token") ?? undefined;
}

/** Returns the token record only when it is usable. */
export function usableToken(core: Core, tokenString: string | undefined): TokenRecord | undefined {
  const token = tokenString === undefined ? undefined : core.store.tokens.get(tokenString);
  return token && !token.revoked ? token : undefined;
}

export function authInfo(core: Core, token: TokenRecord | undefined): AuthInfo | null {
  if (!token) return null;
  const application = core.store.applications.get(token.applicationId);
  if (!application) return null;
  const account = token.accountId ? (core.store.accounts.get(token.accountId) ?? null) : null;
  return { token, account, application };
}

/** Throws the error Mastodon gives when the request may not use the route. */
export function authorize(core: Core, route: Route, tokenString: string | undefined): AuthInfo | null {
  const record = tokenString === undefined ? undefined : core.store.tokens.get(tokenString);
  const info = authInfo(core, record && !record.revoked ? record : undefined);
  if (route.access === "public") return info;
  if (route.access === "optional" && record === undefined) return null;
  if (!info) throw record?.revoked ? revokedToken() : invalidToken();
  if (!hasAnyScope(info.token.scopes, route.scopes)) throw outsideScopes();
  if (route.access === "user" && !info.account) throw userRequired();
  return info;
}
