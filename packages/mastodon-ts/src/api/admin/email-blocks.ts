/**
 * Admin: sign-up blocks on e-mail addresses (by canonical hash) and on e-mail domains.
 * https://docs.joinmastodon.org/methods/admin/canonical_email_blocks/ and .../admin/email_domain_blocks/
 */
import type { MastodonClient } from "../../core/client.js";
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import type { IdLike } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { EmptyResult, NonPaginatedList, PaginatedList } from "../../core/types.js";
import { requireText } from "../../internal/admin-params.js";
import { pagingParams, type PagingOptions } from "../../internal/params.js";
import type { AdminCanonicalEmailBlock, AdminEmailDomainBlock } from "../../entities/index.js";

/** The blocked e-mail addresses (as hashes of their canonical form). */
export async function adminCanonicalEmailBlocks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<AdminCanonicalEmailBlock>> {
  return this.request({ method: "GET", path: "/api/v1/admin/canonical_email_blocks", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

export async function adminCanonicalEmailBlock(this: MastodonClient, id: IdLike): Promise<AdminCanonicalEmailBlock> {
  return this.request({ method: "GET", path: path`/api/v1/admin/canonical_email_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}

/** The blocks that match an e-mail address once canonicalized (empty when it is not blocked). */
export async function adminTestCanonicalEmailBlock(this: MastodonClient, email: string): Promise<NonPaginatedList<AdminCanonicalEmailBlock>> {
  return this.request({
    method: "POST", path: "/api/v1/admin/canonical_email_blocks/test", params: { email: requireText("email", email) }, version: ["4.0.0", "4.0.0"],
  });
}

export interface AdminCreateCanonicalEmailBlockOptions {
  /** The address to block; the server canonicalizes and hashes it. */
  email?: string | null;
  /** Or the hash of a canonical address, to block without knowing the address. */
  canonical_email_hash?: string | null;
}

/** Blocks an e-mail address (and its variants: case, dots, +suffix) from signing up; give `email` or `canonical_email_hash`. */
export async function adminCreateCanonicalEmailBlock(this: MastodonClient, options: AdminCreateCanonicalEmailBlockOptions = {}): Promise<AdminCanonicalEmailBlock> {
  if (!options.email && !options.canonical_email_hash) {
    throw new MastodonIllegalArgumentError("email or canonical_email_hash is required");
  }
  return this.request({
    method: "POST",
    path: "/api/v1/admin/canonical_email_blocks",
    // With both, the server uses `email` and ignores the hash (docs).
    params: { email: options.email, canonical_email_hash: options.canonical_email_hash },
    version: ["4.0.0", "4.0.0"],
  });
}

/** Lifts an e-mail address block. */
export async function adminDeleteCanonicalEmailBlock(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/canonical_email_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}

/** The e-mail domains blocked from signing up. */
export async function adminEmailDomainBlocks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<AdminEmailDomainBlock>> {
  return this.request({ method: "GET", path: "/api/v1/admin/email_domain_blocks", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

export async function adminEmailDomainBlock(this: MastodonClient, id: IdLike): Promise<AdminEmailDomainBlock> {
  return this.request({ method: "GET", path: path`/api/v1/admin/email_domain_blocks/${id}`, version: ["4.1.0", "4.1.0"] });
}

/** Blocks sign-ups with addresses at a domain. */
export async function adminCreateEmailDomainBlock(this: MastodonClient, domain: string): Promise<AdminEmailDomainBlock> {
  return this.request({
    method: "POST", path: "/api/v1/admin/email_domain_blocks", params: { domain: requireText("domain", domain) }, version: ["4.0.0", "4.0.0"],
  });
}

/** Lifts an e-mail domain block. */
export async function adminDeleteEmailDomainBlock(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/email_domain_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}
