// OAuth scopes (docs: api/oauth-scopes.md). A token's scopes satisfy a route's scope if they
// contain it or one of its parents: `read` covers `read:*`, `write` covers `write:*`,
// `admin:read` covers `admin:read:*`, and the legacy `follow` covers follows, blocks and mutes.

export const SUPPORTED_SCOPES = [
  "read", "profile", "write",
  "write:accounts", "write:blocks", "write:bookmarks", "write:collections", "write:conversations",
  "write:favourites", "write:filters", "write:follows", "write:lists", "write:media", "write:mutes",
  "write:notifications", "write:reports", "write:statuses",
  "read:accounts", "read:blocks", "read:bookmarks", "read:collections", "read:favourites",
  "read:filters", "read:follows", "read:lists", "read:mutes", "read:notifications", "read:search",
  "read:statuses",
  "follow", "push",
  "admin:read", "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows",
  "admin:read:domain_blocks", "admin:read:ip_blocks", "admin:read:email_domain_blocks",
  "admin:read:canonical_email_blocks",
  "admin:write", "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows",
  "admin:write:domain_blocks", "admin:write:ip_blocks", "admin:write:email_domain_blocks",
  "admin:write:canonical_email_blocks",
] as const;

const SUPPORTED = new Set<string>(SUPPORTED_SCOPES);

const FOLLOW_COVERS = new Set(["read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"]);

/** Splits "read write" / "read+write" / ["read", "write"] into a list, dropping blanks. */
export function parseScopes(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return [...new Set(text.split(/[\s+]+/).filter((s) => s !== ""))];
}

export function isSupportedScope(scope: string): boolean {
  return SUPPORTED.has(scope);
}

export function scopeCovers(granted: string, required: string): boolean {
  if (granted === required) return true;
  if (granted === "follow") return FOLLOW_COVERS.has(required);
  return required.startsWith(`${granted}:`) && granted !== "profile";
}

/** True when the token scopes satisfy at least one of the accepted scopes (or none is required). */
export function hasAnyScope(tokenScopes: readonly string[], accepted: readonly string[]): boolean {
  if (accepted.length === 0) return true;
  return accepted.some((required) => tokenScopes.some((granted) => scopeCovers(granted, required)));
}
