import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";

// A fetch that fails the test if anything is sent: every case here must fail before a request.
const noFetch = async (): Promise<Response> => {
  throw new Error("a request was sent for an invalid argument");
};
const m = new Mastodon({ api_base_url: "https://example.social", access_token: "t", fetch: noFetch });

const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
  ["unknown visibility", () => m.statusPost("x", { visibility: "everyone" }), /visibility must be one of/],
  ["more than four media", () => m.statusPost("x", { media_ids: ["1", "2", "3", "4", "5"] }), /at most 4 media/],
  ["media and poll together", () => m.statusPost("x", { media_ids: ["1"], poll: { options: ["a", "b"], expires_in: 60 } }), /poll/],
  ["invalid scheduled_at", () => m.statusPost("x", { scheduled_at: new Date("nope") }), /scheduled_at/],
  ["a missing file", () => m.mediaPost("/definitely/not/here.png"), /does not exist/],
  ["an undeterminable media type", () => m.mediaPost(new Uint8Array([1, 2, 3, 4, 5])), /could not determine the media type/],
  ["a bad focus", () => m.mediaPost(new Uint8Array([0x47, 0x49, 0x46, 0x38]), { focus: [2, 0] }), /focus/],
  ["a hashtag with #", () => m.timelineHashtag("#cats"), /must not start with/],
  ["an unknown scope", () => m.logIn({ username: "a", password: "b", scopes: ["read", "sudo"] }), /Unknown scope/],
  ["an empty id", () => m.status(""), /must not be empty/],
  ["an object without id", () => m.status({} as { id: string }), /id/],
  ["a reblog visibility", () => m.statusReblog("1", { visibility: "direct" }), /visibility/],
  ["a report category", () => m.report("1", { category: "rude" }), /category/],
  ["a search type", () => m.searchV2("q", { result_type: "people" }), /result_type/],
  ["a pagination direction", async () => m.getPaginationInfo([], "up" as "next"), /pagination_direction/],
];

for (const [name, call, message] of cases) {
  test(`${name} is refused with MastodonIllegalArgumentError before any request`, async () => {
    await assert.rejects(call(), (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  });
}

test("bad constructor options are refused with a message naming them", () => {
  assert.throws(() => new Mastodon({ api_base_url: "https://x", ratelimit_method: "sometimes" as "wait" }), /ratelimit_method/);
  assert.throws(() => new Mastodon({ api_base_url: "https://x", version_check_mode: "strict" as "none" }), /version_check_mode/);
  assert.throws(() => new Mastodon({ api_base_url: "https://x", request_timeout: -1 }), /request_timeout/);
  assert.throws(() => new Mastodon({}), /api_base_url/);
});
