import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const ANNOUNCEMENT = {
  id: "42", content: "<p>Upgrade tonight</p>", starts_at: null, ends_at: null, all_day: false, published_at: "2026-08-01T10:00:00.000Z",
  updated_at: "2026-08-01T10:00:00.000Z", read: false, mentions: [], tags: [], emojis: [], reactions: [{ name: "👍", count: 1, me: false }], statuses: [],
};
const EMOJI = { shortcode: "blobcat", url: "https://example.social/blobcat.png", static_url: "https://example.social/blobcat.png", visible_in_picker: true };

test("announcements: list, dismiss, and reactions with Unicode or custom emoji in the path; custom emojis", async () => {
  const server = await startScriptedServer((r) => {
    if (r.path === "/api/v1/announcements") return { body: [ANNOUNCEMENT] };
    if (r.path === "/api/v1/custom_emojis") return { body: [EMOJI] };
    return { body: {} };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const [announcement] = await m.announcements();
    assert.ok(announcement?.published_at instanceof Date);
    assert.ok(announcement);
    assert.deepEqual(await m.announcementDismiss(announcement), {});
    await m.announcementReactionCreate(announcement, "👍");
    await m.announcementReactionCreate("42", "blobcat");
    await m.announcementReactionDelete(announcement, "👍");
    assert.deepEqual(await m.customEmojis(), [EMOJI]);
    assert.deepEqual(server.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`), [
      "GET /api/v1/announcements",
      "POST /api/v1/announcements/42/dismiss",
      "PUT /api/v1/announcements/42/reactions/👍",
      "PUT /api/v1/announcements/42/reactions/blobcat",
      "DELETE /api/v1/announcements/42/reactions/👍",
      "GET /api/v1/custom_emojis",
    ]);
    assert.equal(server.requests[2]?.path, "/api/v1/announcements/42/reactions/%F0%9F%91%8D");
    await assert.rejects(m.announcementReactionCreate("42", ""), MastodonIllegalArgumentError);
    await assert.rejects(m.announcementReactionDelete("42", ".."), MastodonIllegalArgumentError);
    assert.equal(server.requests.length, 6);
  } finally {
    await server.close();
  }
});
