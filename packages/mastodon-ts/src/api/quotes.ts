/**
 * Quote posts (Mastodon 4.5): who quoted a status, revoking a quote, and who may quote.
 * Posting a quote is `statusPost(text, { quoted_status_id })`.
 * https://docs.joinmastodon.org/methods/statuses/#quotes
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import type { PaginatedList } from "../core/types.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../internal/params.js";
import { QUOTE_POLICIES } from "../internal/status-params.js";
import type { Status } from "../entities/index.js";

/** The statuses that quote a status of the logged-in user. */
export async function statusQuotes(this: MastodonClient, id: IdLike, options: PagingOptions = {}): Promise<PaginatedList<Status>> {
  return this.request({ method: "GET", path: path`/api/v1/statuses/${id}/quotes`, params: pagingParams(options), version: ["4.5.0", "4.5.0"] });
}

/** Withdraws the permission to quote status `id` from the quoting status; resolves to the quoting status. */
export async function statusQuoteRevoke(this: MastodonClient, id: IdLike, quoting_status_id: IdLike): Promise<Status> {
  return this.request({
    method: "POST", path: path`/api/v1/statuses/${id}/quotes/${quoting_status_id}/revoke`, version: ["4.5.0", "4.5.0"],
  });
}

/** Changes who may quote a status: "public", "followers" or "nobody" (PUT /api/v1/statuses/:id/interaction_policy). */
export async function statusUpdateQuoteApprovalPolicy(
  this: MastodonClient, id: IdLike, quote_approval_policy: "public" | "followers" | "nobody" | (string & {}),
): Promise<Status> {
  if (typeof quote_approval_policy !== "string") throw new MastodonIllegalArgumentError("quote_approval_policy is required");
  checkOneOf("quote_approval_policy", quote_approval_policy, QUOTE_POLICIES);
  return this.request({
    method: "PUT", path: path`/api/v1/statuses/${id}/interaction_policy`, params: { quote_approval_policy }, version: ["4.5.0", "4.5.0"],
  });
}
