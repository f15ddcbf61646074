/** Reports. https://docs.joinmastodon.org/methods/reports/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, type IdLike, optionalIdsOf } from "../core/ids.js";
import type { NonPaginatedList } from "../core/types.js";
import { checkOneOf, unlessDefault } from "../internal/params.js";
import type { Report } from "../entities/index.js";

/** The reports the logged-in user filed. (Removed from Mastodon 3.0; kept for older servers.) */
export async function reports(this: MastodonClient): Promise<NonPaginatedList<Report>> {
  return this.request({ method: "GET", path: "/api/v1/reports", version: ["1.1.0", "1.1.0"] });
}

export interface ReportOptions {
  status_ids?: IdLike | IdLike[] | null;
  comment?: string | null;
  forward?: boolean;
  category?: "spam" | "legal" | "violation" | "other" | (string & {}) | null;
  rule_ids?: IdLike | IdLike[] | null;
  forward_to_domains?: string[] | null;
}

/** Reports an account (and some of its statuses) to the moderators. */
export async function report(this: MastodonClient, account_id: IdLike, options: ReportOptions = {}): Promise<Report> {
  checkOneOf("category", options.category, ["spam", "legal", "violation", "other"]);
  const ruleIds = optionalIdsOf(options.rule_ids, "rule_ids");
  if (ruleIds && options.category && options.category !== "violation") {
    throw new MastodonIllegalArgumentError("rule_ids can only be given with category \"violation\"");
  }
  return this.request({
    method: "POST",
    path: "/api/v1/reports/",
    params: {
      account_id: idOf(account_id, "account_id"),
      status_ids: optionalIdsOf(options.status_ids, "status_ids"),
      comment: options.comment,
      forward: unlessDefault(options.forward, false),
      category: options.category,
      rule_ids: ruleIds,
      forward_to_domains: options.forward_to_domains ?? undefined,
    },
    version: ["1.1.0", "3.5.0"],
  });
}
