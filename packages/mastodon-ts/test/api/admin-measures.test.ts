import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { type RecordedRequest } from "../support/scripted-server.ts";
import { withServer } from "../support/wire.ts";

function jsonBody(r: RecordedRequest | undefined): unknown {
  assert.equal(r?.headers["content-type"], "application/json");
  return JSON.parse(r.body.toString("utf8"));
}

const START = new Date("2020-10-04T21:00:00Z");
const END = new Date("2020-10-09T21:00:00.250Z"); // milliseconds are dropped, as Mastodon.py formats it

test("adminMeasures posts JSON with the keys in Mastodon.py's order and per-key ids and domains", async () => {
  const measure = { key: "active_users", unit: null, total: "0", previous_total: "0", data: [{ date: "2020-10-04T00:00:00Z", value: "0" }, { date: "2020-10-05", value: "1" }] };
  await withServer(() => ({ body: [measure] }), async (m, requests) => {
    const result = await m.adminMeasures(START, END, {
      active_users: true, new_users: true, interactions: false, resolved_reports: true,
      tag_accounts: "12", tag_servers: { id: "13", name: "cats", url: "u" },
      instance_accounts: "https://chitter.xyz/about", instance_followers: "chitter.xyz",
    });
    assert.equal(requests[0]?.method, "POST");
    assert.equal(requests[0]?.path, "/api/v1/admin/measures");
    assert.deepEqual(jsonBody(requests[0]), {
      tag_accounts: { id: "12" }, tag_servers: { id: "13" },
      instance_accounts: { domain: "chitter.xyz" }, instance_followers: { domain: "chitter.xyz" },
      keys: ["active_users", "new_users", "resolved_reports", "tag_accounts", "tag_servers", "instance_accounts", "instance_followers"],
      start_at: "2020-10-04T21:00:00+00:00", end_at: "2020-10-09T21:00:00+00:00",
    });
    assert.equal(result[0]?.key, "active_users");
    assert.deepEqual(result[0]?.data.map((d) => d.date.toISOString()), ["2020-10-04T00:00:00.000Z", "2020-10-05T00:00:00.000Z"]);

    // A string date is sent as given.
    await m.adminMeasures("2020-10-04", "2020-10-09", { opened_reports: true });
    assert.deepEqual(jsonBody(requests[1]), { keys: ["opened_reports"], start_at: "2020-10-04", end_at: "2020-10-09" });
  });
});

test("adminDimensions posts JSON with keys, limit and per-key parameters", async () => {
  const dimension = { key: "space_usage", data: [{ key: "postgresql", human_key: "PostgreSQL", value: "20230959", unit: "bytes", human_value: "19.3 MB" }] };
  await withServer(() => ({ body: [dimension] }), async (m, requests) => {
    const result = await m.adminDimensions(START, END, {
      limit: 3, languages: true, sources: true, servers: true, space_usage: true, software_versions: false,
      tag_languages: "7", instance_accounts: "chitter.xyz", instance_languages: "http://chitter.xyz",
    });
    assert.equal(requests[0]?.path, "/api/v1/admin/dimensions");
    assert.deepEqual(jsonBody(requests[0]), {
      tag_languages: { id: "7" }, instance_accounts: { domain: "chitter.xyz" }, instance_languages: { domain: "chitter.xyz" },
      keys: ["languages", "sources", "servers", "space_usage", "tag_languages", "instance_accounts", "instance_languages"],
      limit: 3, start_at: "2020-10-04T21:00:00+00:00", end_at: "2020-10-09T21:00:00+00:00",
    });
    assert.equal(result[0]?.data[0]?.human_value, "19.3 MB");
  });
});

test("adminRetention posts a form with the dates and the frequency (day by default)", async () => {
  const cohort = { period: "2020-09-29T00:00:00+00:00", frequency: "day", data: [{ date: "2020-09-29T00:00:00+00:00", rate: 0.5, value: "1" }] };
  await withServer(() => ({ body: [cohort] }), async (m, requests) => {
    const result = await m.adminRetention(new Date("2020-09-29T21:00:00Z"), END);
    await m.adminRetention(START, END, { frequency: "month" });
    assert.equal(requests[0]?.path, "/api/v1/admin/retention");
    assert.deepEqual([...(requests[0]?.form.entries() ?? [])], [
      ["start_at", "2020-09-29T21:00:00+00:00"], ["end_at", "2020-10-09T21:00:00+00:00"], ["frequency", "day"],
    ]);
    assert.equal(requests[1]?.form.get("frequency"), "month");
    assert.ok(result[0]?.period instanceof Date);
    assert.equal(result[0]?.data[0]?.rate, 0.5);
  });
});

test("statistics requests that cannot work are refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  const cases: Array<[() => Promise<unknown>, RegExp]> = [
    [() => m.adminMeasures(START, END), /at least one measure/],
    [() => m.adminMeasures(START, END, { active_users: false }), /at least one measure/],
    [() => m.adminDimensions(START, END, { limit: 3 }), /at least one dimension/],
    [() => m.adminMeasures(new Date("nope"), END, { new_users: true }), /start_at is an invalid Date/],
    [() => m.adminDimensions(START, "", { languages: true }), /end_at/],
    [() => m.adminDimensions(START, END, { languages: true, limit: 0 }), /limit/],
    [() => m.adminMeasures(START, END, { tag_uses: { name: "cats", url: "u" } }), /tag_uses must be a tag id or a Tag with an id/],
    [() => m.adminMeasures(START, END, { instance_statuses: "https://" }), /instance_statuses must be a domain/],
    [() => m.adminRetention(START, END, { frequency: "week" }), /frequency must be one of day, month/],
  ];
  for (const [call, message] of cases) {
    await assert.rejects(call(), (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  }
});
