import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const REPORT = {
  year: 2025, schema_version: 2, share_url: "https://example.com/@Foobar/wrapstodon/2025/7fa0231c0f206390", account_id: "55911",
  data: { archetype: "oracle", time_series: [{ month: 12, statuses: 7123, followers: 48 }], top_hashtags: [{ name: "Mastodon", count: 12 }] },
};

test("annual reports: all, one year, its state, read and generate", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/annual_reports/2019") return { status: 404, body: { error: "Record not found" } };
    if (r.path.endsWith("/state")) return { body: { state: "generating" } };
    if (r.path.endsWith("/generate")) return { status: 202, body: {} };
    if (r.method === "POST") return { body: {} };
    return { body: { annual_reports: [REPORT], accounts: [], statuses: [] } };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const all = await m.annualReports();
    assert.equal(all.annual_reports[0]?.data.archetype, "oracle");
    assert.equal((await m.annualReport(2025)).annual_reports[0]?.year, 2025);
    await assert.rejects(m.annualReport("2019"), MastodonNotFoundError);
    assert.deepEqual(await m.annualReportState(2026), { state: "generating" });
    assert.deepEqual(await m.annualReportGenerate(2026), {});
    assert.deepEqual(await m.annualReportRead(2025), {});
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), [
      "GET /api/v1/annual_reports",
      "GET /api/v1/annual_reports/2025",
      "GET /api/v1/annual_reports/2019",
      "GET /api/v1/annual_reports/2026/state",
      "POST /api/v1/annual_reports/2026/generate",
      "POST /api/v1/annual_reports/2025/read",
    ]);
  } finally {
    await server.close();
  }
});

test("a year that is not a four-digit year is refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  for (const year of [25, "last", 2025.5, "2025/read"]) {
    await assert.rejects(m.annualReport(year), (e: unknown) => e instanceof MastodonIllegalArgumentError && /year/.test(e.message));
  }
});
