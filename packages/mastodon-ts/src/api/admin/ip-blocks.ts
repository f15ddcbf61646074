/** Admin: rules for sign-ups and access from IP ranges. https://docs.joinmastodon.org/methods/admin/ip_blocks/ */
import type { MastodonClient } from "../../core/client.js";
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { idOf, type IdLike } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { EmptyResult, PaginatedList } from "../../core/types.js";
import { requireText } from "../../internal/admin-params.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../../internal/params.js";
import type { AdminIpBlock } from "../../entities/index.js";

const SEVERITIES = ["sign_up_requires_approval", "sign_up_block", "no_access"] as const;
type IpBlockSeverity = (typeof SEVERITIES)[number] | (string & {});

function checkExpiresIn(value: number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new MastodonIllegalArgumentError(`expires_in must be a positive number of seconds; got ${String(value)}`);
  }
  return value;
}

/** The IP blocks. */
export async function adminIpBlocks(this: MastodonClient, options: PagingOptions = {}): Promise<PaginatedList<AdminIpBlock>> {
  return this.request({ method: "GET", path: "/api/v1/admin/ip_blocks", params: pagingParams(options), version: ["4.0.0", "4.0.0"] });
}

export async function adminIpBlock(this: MastodonClient, id: IdLike): Promise<AdminIpBlock> {
  return this.request({ method: "GET", path: path`/api/v1/admin/ip_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}

export interface AdminIpBlockOptions {
  /** Why the range is blocked. */
  comment?: string | null;
  /** Seconds until the block expires (default: never). */
  expires_in?: number | null;
}

/**
 * Blocks an IP range ("8.8.8.0/24"): `severity` is sign_up_requires_approval, sign_up_block or
 * no_access.
 */
export async function adminCreateIpBlock(this: MastodonClient, ip: string, severity: IpBlockSeverity, options: AdminIpBlockOptions = {}): Promise<AdminIpBlock> {
  requireText("severity", severity);
  checkOneOf("severity", severity, SEVERITIES);
  return this.request({
    method: "POST",
    path: "/api/v1/admin/ip_blocks",
    params: { ip: requireText("ip", ip), severity, comment: options.comment, expires_in: checkExpiresIn(options.expires_in) },
    version: ["4.0.0", "4.0.0"],
  });
}

export interface AdminUpdateIpBlockOptions extends AdminIpBlockOptions {
  ip?: string | null;
  severity?: IpBlockSeverity | null;
}

/** Changes an IP block; only the settings given change. */
export async function adminUpdateIpBlock(this: MastodonClient, id: IdLike, options: AdminUpdateIpBlockOptions = {}): Promise<AdminIpBlock> {
  checkOneOf("severity", options.severity, SEVERITIES);
  return this.request({
    method: "PUT",
    path: path`/api/v1/admin/ip_blocks/${id}`,
    params: {
      // Mastodon.py repeats the id in the body; the server ignores it.
      id: idOf(id),
      ip: options.ip,
      severity: options.severity,
      comment: options.comment,
      expires_in: checkExpiresIn(options.expires_in),
    },
    version: ["4.0.0", "4.0.0"],
  });
}

/** Lifts an IP block. */
export async function adminDeleteIpBlock(this: MastodonClient, id: IdLike): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/ip_blocks/${id}`, version: ["4.0.0", "4.0.0"] });
}
