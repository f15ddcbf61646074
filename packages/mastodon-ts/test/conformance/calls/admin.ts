/** The admin API. */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

const ACCOUNT_STATUSES = ["active", "pending", "disabled", "silenced", "suspended"];

/** admin_accounts_v1's options: the status filter is one of the flags active=, pending=, ... */
function adminAccountsOptions(r: RecordedCall): Record<string, unknown> {
  return {
    remote: r.bool("remote"), by_domain: r.str("by_domain"), status: ACCOUNT_STATUSES.find((s) => r.bool(s)),
    username: r.str("username"), display_name: r.str("display_name"), email: r.str("email"), ip: r.str("ip"),
    staff_only: r.bool("staff"), ...r.paging(),
  };
}

/** admin_measures / admin_dimensions: keys[] lists the wanted ones; the per-instance or per-tag ones carry a domain or id. */
function statsOptions(r: RecordedCall, flags: string[], scoped: string[]): Record<string, unknown> {
  const keys = r.list("keys") ?? [];
  const options: Record<string, unknown> = {};
  for (const flag of flags) if (keys.includes(flag)) options[flag] = true;
  for (const key of scoped) {
    const scope = r.json[key] as { domain?: string; id?: string } | undefined;
    if (scope) options[key] = scope.domain ?? scope.id;
  }
  if (r.has("limit")) options.limit = r.num("limit");
  return options;
}

const domainBlockOptions = (r: RecordedCall): Record<string, unknown> => ({
  severity: r.str("severity"), reject_media: r.bool("reject_media"), reject_reports: r.bool("reject_reports"),
  private_comment: r.str("private_comment"), public_comment: r.str("public_comment"), obfuscate: r.bool("obfuscate"),
});

export const ADMIN_CALLS: readonly CallEntry[] = [
  call("GET /api/v1/admin/accounts", "adminAccounts", "AdminAccount[]", (m, r) => m.adminAccounts(adminAccountsOptions(r)),
    { when: (r) => r.env.cassette.name === "test_admin_accounts" }),
  call("GET /api/v1/admin/accounts", "adminAccountsV1", "AdminAccount[]", (m, r) => m.adminAccountsV1(adminAccountsOptions(r))),
  call("GET /api/v2/admin/accounts", "adminAccountsV2", "AdminAccount[]", (m, r) => m.adminAccountsV2({
    origin: r.str("origin"), by_domain: r.str("by_domain"), status: r.str("status"), username: r.str("username"),
    display_name: r.str("display_name"), email: r.str("email"), ip: r.str("ip"), permissions: r.str("permissions"),
    invited_by: r.str("invited_by"), role_ids: r.list("role_ids"), ...r.paging(),
  })),
  call("GET /api/v1/admin/accounts/:id", "adminAccount", "AdminAccount", (m, r) => m.adminAccount(r.ref())),
  call("DELETE /api/v1/admin/accounts/:id", "adminAccountDelete", "AdminAccount", (m, r) => m.adminAccountDelete(r.ref())),
  call("POST /api/v1/admin/accounts/:id/enable", "adminAccountEnable", "AdminAccount", (m, r) => m.adminAccountEnable(r.ref())),
  call("POST /api/v1/admin/accounts/:id/approve", "adminAccountApprove", "AdminAccount", (m, r) => m.adminAccountApprove(r.ref())),
  call("POST /api/v1/admin/accounts/:id/reject", "adminAccountReject", "AdminAccount", (m, r) => m.adminAccountReject(r.ref())),
  call("POST /api/v1/admin/accounts/:id/unsilence", "adminAccountUnsilence", "AdminAccount", (m, r) => m.adminAccountUnsilence(r.ref())),
  call("POST /api/v1/admin/accounts/:id/unsuspend", "adminAccountUnsuspend", "AdminAccount", (m, r) => m.adminAccountUnsuspend(r.ref())),
  call("POST /api/v1/admin/accounts/:id/unsensitive", "adminAccountUnsensitive", "AdminAccount",
    (m, r) => m.adminAccountUnsensitive(r.ref())),
  call("POST /api/v1/admin/accounts/:id/action", "adminAccountModerate", "any", (m, r) => m.adminAccountModerate(r.ref(), {
    action: r.str("type"), report_id: r.str("report_id"), warning_preset_id: r.str("warning_preset_id"), text: r.str("text"),
    send_email_notification: r.bool("send_email_notification"),
  })),

  call("GET /api/v1/admin/reports", "adminReports", "AdminReport[]", (m, r) => m.adminReports({
    resolved: r.bool("resolved"), account_id: r.str("account_id"), target_account_id: r.str("target_account_id"), ...r.paging(),
  })),
  call("GET /api/v1/admin/reports/:id", "adminReport", "AdminReport", (m, r) => m.adminReport(r.ref())),
  call("POST /api/v1/admin/reports/:id/assign_to_self", "adminReportAssign", "AdminReport", (m, r) => m.adminReportAssign(r.ref())),
  call("POST /api/v1/admin/reports/:id/unassign", "adminReportUnassign", "AdminReport", (m, r) => m.adminReportUnassign(r.ref())),
  call("POST /api/v1/admin/reports/:id/reopen", "adminReportReopen", "AdminReport", (m, r) => m.adminReportReopen(r.ref())),
  call("POST /api/v1/admin/reports/:id/resolve", "adminReportResolve", "AdminReport", (m, r) => m.adminReportResolve(r.ref())),

  call("GET /api/v1/admin/trends/tags", "adminTrendingTags", "Tag[]", (m, r) => m.adminTrendingTags({ limit: r.num("limit") })),
  call("GET /api/v1/admin/trends/statuses", "adminTrendingStatuses", "Status[]", (m) => m.adminTrendingStatuses()),
  call("GET /api/v1/admin/trends/links", "adminTrendingLinks", "PreviewCard[]", (m) => m.adminTrendingLinks()),

  call("GET /api/v1/admin/domain_blocks", "adminDomainBlocks", "AdminDomainBlock[]", (m, r) => m.adminDomainBlocks(r.paging())),
  call("GET /api/v1/admin/domain_blocks/:id", "adminDomainBlocks", "AdminDomainBlock", (m, r) => m.adminDomainBlocks({ id: r.ref() })),
  call("POST /api/v1/admin/domain_blocks", "adminCreateDomainBlock", "AdminDomainBlock",
    (m, r) => m.adminCreateDomainBlock(r.str("domain"), domainBlockOptions(r))),
  call("PUT /api/v1/admin/domain_blocks/:id", "adminUpdateDomainBlock", "AdminDomainBlock",
    (m, r) => m.adminUpdateDomainBlock(r.ref(), domainBlockOptions(r))),
  call("DELETE /api/v1/admin/domain_blocks/:id", "adminDeleteDomainBlock", "any", (m, r) => m.adminDeleteDomainBlock(r.ref())),

  call("POST /api/v1/admin/measures", "adminMeasures", "AdminMeasure[]", (m, r) => m.adminMeasures(r.date("start_at"), r.date("end_at"),
    statsOptions(r, ["active_users", "new_users", "interactions", "opened_reports", "resolved_reports"],
      ["tag_accounts", "tag_uses", "tag_servers", "instance_accounts", "instance_media_attachments", "instance_reports",
        "instance_statuses", "instance_follows", "instance_followers"]))),
  call("POST /api/v1/admin/dimensions", "adminDimensions", "AdminDimension[]", (m, r) => m.adminDimensions(r.date("start_at"), r.date("end_at"),
    statsOptions(r, ["languages", "sources", "servers", "space_usage", "software_versions"],
      ["tag_servers", "tag_languages", "instance_accounts", "instance_languages"]))),
  call("POST /api/v1/admin/retention", "adminRetention", "AdminRetention[]",
    (m, r) => m.adminRetention(r.date("start_at"), r.date("end_at"), { frequency: r.str("frequency") })),

  call("GET /api/v1/admin/canonical_email_blocks", "adminCanonicalEmailBlocks", "AdminCanonicalEmailBlock[]",
    (m, r) => m.adminCanonicalEmailBlocks(r.paging())),
  call("POST /api/v1/admin/canonical_email_blocks/test", "adminTestCanonicalEmailBlock", "AdminCanonicalEmailBlock[]",
    (m, r) => m.adminTestCanonicalEmailBlock(r.str("email"))),
  call("GET /api/v1/admin/canonical_email_blocks/:id", "adminCanonicalEmailBlock", "AdminCanonicalEmailBlock",
    (m, r) => m.adminCanonicalEmailBlock(r.ref())),
  call("POST /api/v1/admin/canonical_email_blocks", "adminCreateCanonicalEmailBlock", "AdminCanonicalEmailBlock",
    (m, r) => m.adminCreateCanonicalEmailBlock({ email: r.str("email"), canonical_email_hash: r.str("canonical_email_hash") })),
  call("DELETE /api/v1/admin/canonical_email_blocks/:id", "adminDeleteCanonicalEmailBlock", "any",
    (m, r) => m.adminDeleteCanonicalEmailBlock(r.ref())),

  call("GET /api/v1/admin/email_domain_blocks", "adminEmailDomainBlocks", "AdminEmailDomainBlock[]",
    (m, r) => m.adminEmailDomainBlocks(r.paging())),
  call("GET /api/v1/admin/email_domain_blocks/:id", "adminEmailDomainBlock", "AdminEmailDomainBlock",
    (m, r) => m.adminEmailDomainBlock(r.ref())),
  call("POST /api/v1/admin/email_domain_blocks", "adminCreateEmailDomainBlock", "AdminEmailDomainBlock",
    (m, r) => m.adminCreateEmailDomainBlock(r.str("domain"))),
  call("DELETE /api/v1/admin/email_domain_blocks/:id", "adminDeleteEmailDomainBlock", "any", (m, r) => m.adminDeleteEmailDomainBlock(r.ref())),

  call("GET /api/v1/admin/ip_blocks", "adminIpBlocks", "AdminIpBlock[]", (m, r) => m.adminIpBlocks(r.paging())),
  call("GET /api/v1/admin/ip_blocks/:id", "adminIpBlock", "AdminIpBlock", (m, r) => m.adminIpBlock(r.ref())),
  call("POST /api/v1/admin/ip_blocks", "adminCreateIpBlock", "AdminIpBlock", (m, r) => m.adminCreateIpBlock(r.str("ip"), r.str("severity"), {
    comment: r.str("comment"), expires_in: r.num("expires_in"),
  })),
  call("PUT /api/v1/admin/ip_blocks/:id", "adminUpdateIpBlock", "AdminIpBlock", (m, r) => m.adminUpdateIpBlock(r.ref(), {
    ip: r.str("ip"), severity: r.str("severity"), comment: r.str("comment"), expires_in: r.num("expires_in"),
  })),
  call("DELETE /api/v1/admin/ip_blocks/:id", "adminDeleteIpBlock", "any", (m, r) => m.adminDeleteIpBlock(r.ref())),
];
