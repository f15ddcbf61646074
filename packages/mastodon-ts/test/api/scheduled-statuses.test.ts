import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const SCHEDULED = { id: "1", scheduled_at: "4000-01-01T14:23:14.000Z", params: { text: "later" }, media_attachments: [] };

test("scheduled statuses: list with paging, read one, move, cancel", async () => {
  const server = await startScriptedServer((request) => ({ body: request.method === "DELETE" ? {} : request.path.endsWith("statuses") ? [SCHEDULED] : SCHEDULED }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const list = await m.scheduledStatuses({ limit: 5, min_id: "3" });
    assert.ok(list[0]?.scheduled_at instanceof Date);
    await m.scheduledStatuses();
    assert.equal((await m.scheduledStatus({ id: "1" })).params.text, "later");
    const moved = await m.scheduledStatusUpdate("1", new Date(Date.UTC(4000, 0, 1, 14, 23, 14)));
    assert.equal(moved.scheduled_at.toISOString(), "4000-01-01T14:23:14.000Z");
    assert.deepEqual(await m.scheduledStatusDelete("1"), {});
    const [first, second, one, put, del] = server.requests;
    assert.equal(first?.path, "/api/v1/scheduled_statuses");
    assert.equal(first?.query.get("limit"), "5");
    assert.equal(first?.query.get("min_id"), "3");
    assert.equal(second?.query.toString(), "");
    assert.equal(one?.path, "/api/v1/scheduled_statuses/1");
    assert.equal(put?.method, "PUT");
    assert.equal(put?.form.get("scheduled_at"), "4000-01-01T14:23:14+00:00");
    assert.equal(del?.method, "DELETE");
    assert.equal(del?.path, "/api/v1/scheduled_statuses/1");
  } finally {
    await server.close();
  }
});

test("scheduledStatusUpdate refuses a missing or invalid date before any request", async () => {
  const m = new Mastodon({ api_base_url: "https://example.social", fetch: () => Promise.reject(new Error("no request expected")) });
  await assert.rejects(m.scheduledStatusUpdate("1", new Date("nope")), MastodonIllegalArgumentError);
  await assert.rejects(m.scheduledStatusUpdate("1", "2026-08-01" as unknown as Date), /scheduled_at/);
});
