/** Admin: handling reports. https://docs.joinmastodon.org/methods/admin/reports/ */
import type { MastodonClient } from "../../core/client.js";
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { optionalIdOf, type IdLike, optionalIdsOf } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { PaginatedList } from "../../core/types.js";
import { checkOneOf, unlessDefault, pagingParams, type PagingOptions } from "../../internal/params.js";
import type { AdminReport } from "../../entities/index.js";

export interface AdminReportsOptions extends PagingOptions {
  /** Resolved reports instead of open ones. */
  resolved?: boolean | null;
  /** Only reports filed by this account. */
  account_id?: IdLike | null;
  /** Only reports about this account. */
  target_account_id?: IdLike | null;
}

/** Lists reports: open ones, or with `resolved: true` resolved ones. */
export async function adminReports(this: MastodonClient, options: AdminReportsOptions = {}): Promise<PaginatedList<AdminReport>> {
  return this.request({
    method: "GET",
    path: "/api/v1/admin/reports",
    params: {
      resolved: unlessDefault(options.resolved, false),
      account_id: optionalIdOf(options.account_id, "account_id"),
      target_account_id: optionalIdOf(options.target_account_id, "target_account_id"),
      ...pagingParams(options),
    },
    version: ["2.9.1", "2.9.1"],
  });
}

export async function adminReport(this: MastodonClient, id: IdLike): Promise<AdminReport> {
  return this.request({ method: "GET", path: path`/api/v1/admin/reports/${id}`, version: ["2.9.1", "2.9.1"] });
}

/** Assigns the report to the logged-in moderator. */
export async function adminReportAssign(this: MastodonClient, id: IdLike): Promise<AdminReport> {
  return this.request({ method: "POST", path: path`/api/v1/admin/reports/${id}/assign_to_self`, version: ["2.9.1", "2.9.1"] });
}

/** Removes the report's assignment. */
export async function adminReportUnassign(this: MastodonClient, id: IdLike): Promise<AdminReport> {
  return this.request({ method: "POST", path: path`/api/v1/admin/reports/${id}/unassign`, version: ["2.9.1", "2.9.1"] });
}

/** Reopens a resolved report. */
export async function adminReportReopen(this: MastodonClient, id: IdLike): Promise<AdminReport> {
  return this.request({ method: "POST", path: path`/api/v1/admin/reports/${id}/reopen`, version: ["2.9.1", "2.9.1"] });
}

/** Marks the report resolved, without taking action. */
export async function adminReportResolve(this: MastodonClient, id: IdLike): Promise<AdminReport> {
  return this.request({ method: "POST", path: path`/api/v1/admin/reports/${id}/resolve`, version: ["2.9.1", "2.9.1"] });
}

export interface AdminUpdateReportOptions {
  /** The new classification: spam, legal, violation or other. */
  category?: "spam" | "legal" | "violation" | "other" | (string & {}) | null;
  /** The rules broken (for the violation category), from `instanceRules()`. */
  rule_ids?: IdLike | IdLike[] | null;
}

/**
 * Changes a report's category and broken rules (PUT /api/v1/admin/reports/:id, Mastodon 3.5+).
 * Not in Mastodon.py: named in its style.
 */
export async function adminUpdateReport(this: MastodonClient, id: IdLike, options: AdminUpdateReportOptions = {}): Promise<AdminReport> {
  checkOneOf("category", options.category, ["spam", "legal", "violation", "other"]);
  const ruleIds = optionalIdsOf(options.rule_ids, "rule_ids");
  if (ruleIds && options.category && options.category !== "violation") {
    throw new MastodonIllegalArgumentError("rule_ids can only be given with category \"violation\"");
  }
  return this.request({
    method: "PUT",
    path: path`/api/v1/admin/reports/${id}`,
    params: { category: options.category, rule_ids: ruleIds },
    version: ["3.5.0", "3.5.0"],
  });
}
