/**
 * Admin: federation with other domains, blocked or (in allow-list mode) allowed.
 * https://docs.joinmastodon.org/methods/admin/domain_blocks/ and .../admin/domain_allows/
 */
import type { MastodonClient } from "../../core/client.js";
import type { IdLike } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { EmptyResult, PaginatedList } from "../../core/types.js";
import { requireText } from "../../internal/admin-params.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../../internal/params.js";
import type { AdminDomainAllow, AdminDomainBlock } from "../../entities/index.js";

const SEVERITIES = ["silence", "suspend", "noop"] as const;

export interface AdminDomainBlockSettings {
  /** silence (the server's default), suspend, or noop (with reject_media / reject_reports only). */
  severity?: (typeof SEVERITIES)[number] | (string & {}) | null;
  /** Do not download media from the domain. */
  reject_media?: boolean | null;
  /** Ignore reports from the domain. */
  reject_reports?: boolean | null;
  /** A note only moderators see. */
  private_comment?: string | null;
  /** A note that may be shown publicly (on the about page). */
  public_comment?: string | null;
  /** Partly hide the domain's name where it is shown publicly. */
  obfuscate?: boolean | null;
}

function blockParams(settings: AdminDomainBlockSettings): Record<string, unknown> {
  checkOneOf("severity", settings.severity, SEVERITIES);
  return {
    severity: settings.severity,
    reject_media: settings.reject_media,
    reject_reports: settings.reject_reports,
    private_comment: settings.private_comment,
    public_comment: settings.public_comment,
    obfuscate: settings.obfuscate,
  };
}

/** The blocked domains, or with `id`, one domain block. */
export function adminDomainBlocks(this: MastodonClient, options: PagingOptions & { id: IdLike }): Promise<AdminDomainBlock>;
export function adminDomainBlocks(this: MastodonClient, options?: PagingOptions & { id?: null }): Promise<PaginatedList<AdminDomainBlock>>;
export async function adminDomainBlocks(this: MastodonClient, options: PagingOptions & { id?: IdLike | null } = {}): Promise<AdminDomainBlock | PaginatedList<AdminDomainBlock>> {
  if (options.id !== undefined && options.id !== null) {
    return this.request({ method: "GET", path: path`/api/v1/admin/domain_blocks/${options.id}`, version: ["4.0.0", "4.0.0"] });
  }
  // The trailing "/" is Mastodon.py's; the server routes both.
  return this.request({ method: "GET", path: "/api/v1/admin/domain_blocks/", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

/** Blocks (by default: silences) a domain and its subdomains. */
export async function adminCreateDomainBlock(this: MastodonClient, domain: string, options: AdminDomainBlockSettings = {}): Promise<AdminDomainBlock> {
  return this.request({
    method: "POST",
    path: "/api/v1/admin/domain_blocks/",
    params: { domain: requireText("domain", domain), ...blockParams(options) },
    version: ["4.0.0", "4.0.0"],
  });
}

/** Changes a domain block; only the settings given change. */
export async function adminUpdateDomainBlock(this: MastodonClient, id: IdLike, options: AdminDomainBlockSettings = {}): Promise<AdminDomainBlock> {
  return this.request({ method: "PUT", path: path`/api/v1/admin/domain_blocks/${id}`, params: blockParams(options), version: ["4.0.0", "4.0.0"] });
}

/** Lifts a domain block. */
export async function adminDeleteDomainBlock(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/domain_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}

/** The domains allowed to federate (in allow-list mode). */
export async function adminDomainAllows(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<AdminDomainAllow>> {
  return this.request({ method: "GET", path: "/api/v1/admin/domain_allows", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

export async function adminDomainAllow(this: MastodonClient, id: IdLike): Promise<AdminDomainAllow> {
  return this.request({ method: "GET", path: path`/api/v1/admin/domain_allows/${id}`, version: ["4.0.0", "4.0.0"] });
}

/** Allows a domain to federate (in allow-list mode). */
export async function adminCreateDomainAllow(this: MastodonClient, domain: string): Promise<AdminDomainAllow> {
  return this.request({ method: "POST", path: "/api/v1/admin/domain_allows", params: { domain: requireText("domain", domain) }, version: ["4.0.0", "4.0.0"] });
}

/** Takes a domain off the allow list. */
export async function adminDeleteDomainAllow(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/domain_allows/${id}`, version: ["4.0.0", "4.0.0"] });
}
