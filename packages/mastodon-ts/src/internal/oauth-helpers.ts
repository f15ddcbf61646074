/** OAuth details shared by app registration and login: scopes and PKCE (RFC 7636). */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { base64UrlEncode } from "./base64.js";
import type { OAuthServerInfo } from "../entities/index.js";

/**
 * The server's OAuth metadata (RFC 8414). Servers without the document (before Mastodon 4.3)
 * get Mastodon's fixed endpoints, so only the three endpoints are sure to be there.
 */
export type DiscoveredOAuthServerInfo = Partial<OAuthServerInfo> & Pick<OAuthServerInfo, "issuer" | "authorization_endpoint" | "token_endpoint">;

/** Top-level scopes; granular ones are "read:statuses", "admin:write:accounts" and so on. */
const SCOPE_ROOTS = ["read", "write", "follow", "push", "profile", "admin:read", "admin:write", "crypto"];

export function checkScopes(scopes: readonly string[]): void {
  if (!Array.isArray(scopes) || scopes.length === 0) throw new MastodonIllegalArgumentError("scopes must be a non-empty list");
  for (const scope of scopes) {
    const known = SCOPE_ROOTS.some((root) => scope === root || scope.startsWith(`${root}:`));
    if (!known) throw new MastodonIllegalArgumentError(`Unknown scope ${JSON.stringify(scope)}; scopes start with one of ${SCOPE_ROOTS.join(", ")}`);
  }
}

/** The requested scopes that the granted ones do not cover ("read" covers "read:statuses"). */
export function missingScopes(requested: readonly string[], granted: readonly string[]): string[] {
  return requested.filter((scope) => !granted.some((have) => have === scope || scope.startsWith(`${have}:`)));
}

/** A fresh PKCE verifier: 32 random bytes, base64url (43 characters). */
export function generateCodeVerifier(): string {
  return base64UrlEncode(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}
