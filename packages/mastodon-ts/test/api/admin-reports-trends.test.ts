import { test } from "node:test";
import assert from "node:assert/strict";
import { type Tag } from "../../src/index.ts";
import type { RecordedRequest, Reply } from "../support/scripted-server.ts";
import { withServer, refuseAll, refused } from "../support/wire.ts";

const REPORT = {
  id: "1", action_taken: false, action_taken_at: null, category: "other", comment: "api crimes", forwarded: false,
  created_at: "2026-08-01T13:49:58.480Z", updated_at: "2026-08-01T13:49:58.480Z", statuses: [], rules: [],
};

function pairs(search: URLSearchParams | undefined): string[] {
  return [...(search ?? new URLSearchParams()).entries()].map(([k, v]) => `${k}=${v}`).sort();
}

test("adminReports lists open reports by default and sends only the filters given", async () => {
  await withServer(() => ({ body: [REPORT] }), async (m, requests) => {
    const open = await m.adminReports();
    await m.adminReports({ resolved: true, account_id: { id: "5" }, target_account_id: "6", min_id: "2", limit: 10 });
    await m.adminReports({ resolved: false });
    assert.equal(requests[0]?.path, "/api/v1/admin/reports");
    assert.deepEqual(pairs(requests[0]?.query), []);
    assert.deepEqual(pairs(requests[1]?.query), ["account_id=5", "limit=10", "min_id=2", "resolved=true", "target_account_id=6"]);
    assert.deepEqual(pairs(requests[2]?.query), []);
    assert.equal(open[0]?.comment, "api crimes");
    assert.ok(open[0]?.created_at instanceof Date);
    assert.equal(open[0]?.action_taken_at, null);
  });
});

test("report actions post to their paths; adminUpdateReport puts category and rule_ids[]", async () => {
  await withServer(() => ({ body: REPORT }), async (m, requests) => {
    const report = await m.adminReport("1");
    await m.adminReportAssign(report);
    await m.adminReportUnassign("1");
    await m.adminReportReopen("1");
    await m.adminReportResolve("1");
    const updated = await m.adminUpdateReport(report, { category: "violation", rule_ids: ["3", { id: "4" }] });
    await m.adminUpdateReport("1", { rule_ids: "3" });
    await m.adminUpdateReport("1", { category: "spam" });
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [
      "GET /api/v1/admin/reports/1",
      "POST /api/v1/admin/reports/1/assign_to_self",
      "POST /api/v1/admin/reports/1/unassign",
      "POST /api/v1/admin/reports/1/reopen",
      "POST /api/v1/admin/reports/1/resolve",
      "PUT /api/v1/admin/reports/1",
      "PUT /api/v1/admin/reports/1",
      "PUT /api/v1/admin/reports/1",
    ]);
    assert.deepEqual(pairs(requests[5]?.form), ["category=violation", "rule_ids[]=3", "rule_ids[]=4"]);
    assert.deepEqual(pairs(requests[6]?.form), ["rule_ids[]=3"]);
    assert.deepEqual(pairs(requests[7]?.form), ["category=spam"]);
    assert.ok(updated.updated_at instanceof Date);
  });
});

test("report arguments that cannot work are refused before any request", async () => {
  await refused(() => refuseAll.adminUpdateReport("1", { category: "rude" }), /category must be one of spam, legal, violation, other/);
  await refused(() => refuseAll.adminUpdateReport("1", { category: "spam", rule_ids: ["1"] }), /rule_ids/);
  await refused(() => refuseAll.adminReports({ account_id: "" }), /account_id/);
  await refused(() => refuseAll.adminReport(".."), /not a valid id/);
});

test("admin trends: the lists, and approving or rejecting links, statuses and tags", async () => {
  const tag: Tag = { id: "12", name: "cats", url: "https://x/tags/cats" };
  const card = { id: "21", url: "https://a.example/", title: "A", requires_review: true, published_at: "2026-08-01T00:00:00Z" };
  const reply = (r: RecordedRequest): Reply => {
    if (r.path.endsWith("/trends/links")) return { body: [card] };
    return { body: r.method === "GET" ? [] : { id: "12", name: "cats", url: "u", created_at: "2026-08-01T00:00:00Z" } };
  };
  await withServer(reply, async (m, requests) => {
    assert.deepEqual(await m.adminTrendingTags(), []);
    await m.adminTrendingTags({ limit: 5 });
    await m.adminTrendingStatuses();
    const [link] = await m.adminTrendingLinks();
    assert.ok(link?.published_at instanceof Date);
    assert.equal(link.requires_review, true);
    await m.adminApproveTrendingLink("20");
    await m.adminRejectTrendingLink(link);
    const status = await m.adminApproveTrendingStatus({ id: "30" });
    await m.adminRejectTrendingStatus("31");
    const approved = await m.adminApproveTrendingTag(tag);
    await m.adminRejectTrendingTag("13");
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}?${r.query.toString()}`), [
      "GET /api/v1/admin/trends/tags?",
      "GET /api/v1/admin/trends/tags?limit=5",
      "GET /api/v1/admin/trends/statuses?",
      "GET /api/v1/admin/trends/links?",
      "POST /api/v1/admin/trends/links/20/approve?",
      "POST /api/v1/admin/trends/links/21/reject?",
      "POST /api/v1/admin/trends/statuses/30/approve?",
      "POST /api/v1/admin/trends/statuses/31/reject?",
      "POST /api/v1/admin/trends/tags/12/approve?",
      "POST /api/v1/admin/trends/tags/13/reject?",
    ]);
    assert.equal(approved.name, "cats");
    assert.ok(status.created_at instanceof Date);
  });
  // A Tag from an old server has no id: that cannot name a trend.
  await refused(() => refuseAll.adminApproveTrendingTag({ name: "cats", url: "u" }), /has none/);
});
