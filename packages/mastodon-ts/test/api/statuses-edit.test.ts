import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from "../../src/index.ts";
import { type RecordedRequest, type Reply } from "../support/scripted-server.ts";
import { withServer } from "../support/wire.ts";

// The smallest JPEG header: enough for the type to be recognised from the bytes.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

const json = (request: RecordedRequest | undefined): Record<string, unknown> => JSON.parse(request?.body.toString("utf8") ?? "{}") as Record<string, unknown>;

test("statusUpdate sends a form PUT without Idempotency-Key; sensitive only when true", async () => {
  await withServer(() => ({ body: { id: "5", edited_at: "2026-08-01T14:00:00.000Z" } }), async (m, requests) => {
    const edited = await m.statusUpdate({ id: "5" }, "new text", { spoiler_text: "cw", sensitive: false, media_ids: "8", language: "en" });
    assert.ok(edited.edited_at instanceof Date);
    const [put] = requests;
    assert.equal(put?.method, "PUT");
    assert.equal(put?.path, "/api/v1/statuses/5");
    assert.equal(put?.headers["content-type"], "application/x-www-form-urlencoded");
    assert.deepEqual([...(put?.form.entries() ?? [])], [["status", "new text"], ["media_ids[]", "8"], ["spoiler_text", "cw"], ["language", "en"]]);
    assert.equal(put?.headers["idempotency-key"], undefined);
  });
});

test("statusUpdate with media_attributes or a poll sends JSON; the thumbnail travels as a data: URI", async () => {
  await withServer(() => ({ body: { id: "5" } }), async (m, requests) => {
    const attributes = await m.generateMediaEditAttributes({ id: "8" }, { description: "alt", focus: [0.2, -0.1], thumbnail: JPEG });
    assert.deepEqual(attributes, {
      id: "8", description: "alt", focus: "0.2,-0.1", thumbnail: `data:image/jpeg;base64,${Buffer.from(JPEG).toString("base64")}`,
    });
    assert.deepEqual(await m.generateMediaEditAttributes("9"), { id: "9" });
    await m.statusUpdate("5", "with media", { media_ids: ["8"], media_attributes: [attributes] });
    await m.statusUpdate("5", "with poll", { poll: m.makePoll(["a", "b"], 600) });
    assert.equal(requests.length, 2);
    assert.equal(requests[0]?.headers["content-type"], "application/json");
    assert.deepEqual(json(requests[0]), { status: "with media", media_ids: ["8"], media_attributes: [attributes] });
    assert.deepEqual(json(requests[1]), { status: "with poll", poll: { options: ["a", "b"], expires_in: 600, multiple: false, hide_totals: false } });
  });
});

test("media edit attributes: bad focus and old servers are refused before any request", async () => {
  await withServer(() => ({ body: {} }), async (m, requests) => {
    await assert.rejects(m.generateMediaEditAttributes("8", { focus: [3, 0] }), MastodonIllegalArgumentError);
    await assert.rejects(m.statusUpdate("5", "x", { media_attributes: [{ description: "no id" }] as never }), /media_attributes/);
    await assert.rejects(m.statusUpdate("5", "x", { quote_approval_policy: "anyone" }), /quote_approval_policy/);
    const old = new Mastodon({ api_base_url: "https://old.example", mastodon_version: "3.1.0", fetch: () => Promise.reject(new Error("no request expected")) });
    await assert.rejects(old.generateMediaEditAttributes("8", { thumbnail: JPEG }), MastodonVersionError);
    assert.equal(requests.length, 0);
  });
});

test("history and source are GETs; quotes: list, revoke, interaction policy", async () => {
  const reply = (request: RecordedRequest): Reply => {
    if (request.path.endsWith("/history")) return { body: [{ content: "a", created_at: "2026-08-01T13:00:00.000Z" }] };
    if (request.path.endsWith("/source")) return { body: { id: "5", text: "a", spoiler_text: "" } };
    if (request.path.endsWith("/quotes")) return { body: [], headers: { link: '<https://x.example/api/v1/statuses/5/quotes?max_id=3>; rel="next"' } };
    return { body: { id: "6" } };
  };
  await withServer(reply, async (m, requests) => {
    const history = await m.statusHistory("5");
    assert.ok(history[0]?.created_at instanceof Date);
    assert.equal((await m.statusSource("5")).text, "a");
    const quotes = await m.statusQuotes({ id: "5" }, { limit: 10, max_id: "20" });
    assert.equal(m.getPaginationInfo(quotes, "next")?.params.max_id, "3");
    assert.equal((await m.statusQuoteRevoke("5", { id: "6" })).id, "6");
    await m.statusUpdateQuoteApprovalPolicy("5", "followers");
    await assert.rejects(m.statusUpdateQuoteApprovalPolicy("5", "friends"), MastodonIllegalArgumentError);
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [
      "GET /api/v1/statuses/5/history", "GET /api/v1/statuses/5/source", "GET /api/v1/statuses/5/quotes",
      "POST /api/v1/statuses/5/quotes/6/revoke", "PUT /api/v1/statuses/5/interaction_policy",
    ]);
    assert.equal(requests[2]?.query.get("limit"), "10");
    assert.equal(requests[2]?.query.get("max_id"), "20");
    assert.equal(requests[4]?.form.get("quote_approval_policy"), "followers");
  });
});
