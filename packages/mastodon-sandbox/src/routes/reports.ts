// Reports (docs: methods/reports.md). Admins are notified with admin.report.
import { renderReport } from "../render/misc.js";
import { validationFailed } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { notify } from "../services/notify.js";
import type { ReportRecord } from "../state/types.js";
import { findAccount } from "./helpers.js";

const CATEGORIES = ["spam", "legal", "violation", "other"];

export function reportRoutes(r: Router): void {
  r.post("/api/v1/reports", { access: "user", scopes: ["write:reports"] }, (c) => {
    const reporter = c.user();
    const target = findAccount(c, c.params.str("account_id") ?? "");
    const statusIds = c.params.list("status_ids");
    for (const id of statusIds) {
      if (c.store.statuses.get(id)?.accountId !== target.id) throw validationFailed("Status ids are not by the reported account");
    }
    const ruleIds = c.params.list("rule_ids");
    const category = c.params.str("category") ?? (ruleIds.length > 0 ? "violation" : "other");
    if (!CATEGORIES.includes(category)) throw validationFailed("Category is not included in the list");
    const comment = c.params.str("comment") ?? "";
    if ([...comment].length > 1000) throw validationFailed("Comment is too long (maximum is 1000 characters)");
    const report: ReportRecord = {
      id: c.store.sequences.next("reports"),
      accountId: reporter.id,
      targetId: target.id,
      statusIds,
      ruleIds: ruleIds.length > 0 ? ruleIds : null,
      comment,
      category,
      forward: c.params.bool("forward") ?? false,
      createdAt: c.core.now(),
    };
    c.store.reports.set(report.id, report);
    for (const staff of c.store.accounts.values()) {
      if (staff.role !== "user") notify(c.core, { recipientId: staff.id, type: "admin.report", fromId: reporter.id, reportId: report.id });
    }
    return json(renderReport(c.core, report));
  });
}
