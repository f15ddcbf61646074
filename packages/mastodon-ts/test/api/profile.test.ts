import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { withServer } from "../support/wire.ts";

const PROFILE = {
  id: "116222600881276277", display_name: "Documentation user", note: "I'm only here as an example",
  fields: [{ name: "pronouns", value: "it/its", verified_at: null }], avatar: null, avatar_static: null, avatar_description: "",
  header: null, header_static: null, header_description: "", locked: false, bot: false, hide_collections: null, discoverable: true,
  indexable: true, show_media: true, show_media_replies: true, show_featured: true, attribution_domains: ["articles.example.com"],
};
const CREDENTIAL_ACCOUNT = { id: "110", username: "rob", created_at: "2023-05-12T00:00:00.000Z", last_status_at: "2023-06-26", source: { privacy: "public" } };
/** The smallest GIF: enough for the type to be recognised. */
const GIF = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]);

test("the 4.6 profile: read it, update it with a form, and with images as multipart", async () => {
  await withServer(() => ({ body: PROFILE }), async (m, requests) => {
    const profile = await m.profile();
    assert.equal(profile.fields[0]?.name, "pronouns");
    assert.equal(profile.avatar, null);
    await m.profileUpdate({
      display_name: "Ann", note: "raw *text*", show_media: false, show_featured: true, hide_collections: false,
      attribution_domains: ["a.example", "b.example"], fields: [["pronouns", "she/her"], ["site", "https://ann.example"]],
    });
    await m.profileUpdate({ avatar: GIF, avatar_description: "a dot", header: new Blob([GIF], { type: "image/gif" }), locked: true });

    const [get, form, multipart] = requests;
    assert.equal(`${get?.method} ${get?.path}`, "GET /api/v1/profile");
    assert.equal(form?.method, "PATCH");
    assert.equal(form?.path, "/api/v1/profile");
    assert.deepEqual([...(form?.form ?? [])], [
      ["display_name", "Ann"], ["note", "raw *text*"], ["hide_collections", "false"], ["show_media", "false"], ["show_featured", "true"],
      ["attribution_domains[]", "a.example"], ["attribution_domains[]", "b.example"],
      ["fields_attributes[0][name]", "pronouns"], ["fields_attributes[0][value]", "she/her"],
      ["fields_attributes[1][name]", "site"], ["fields_attributes[1][value]", "https://ann.example"],
    ]);
    assert.match(String(multipart?.headers["content-type"]), /^multipart\/form-data; boundary=/);
    const parts = await new Response(new Uint8Array(multipart?.body ?? []), { headers: { "content-type": String(multipart?.headers["content-type"]) } }).formData();
    assert.equal(parts.get("avatar_description"), "a dot");
    assert.equal(parts.get("locked"), "true");
    const avatar = parts.get("avatar");
    const header = parts.get("header");
    assert.ok(avatar instanceof Blob && avatar.type === "image/gif" && avatar.size === GIF.length);
    assert.ok(header instanceof Blob && header.type === "image/gif");
  });
});

test("deleting the avatar and the header resolves to the updated account", async () => {
  await withServer(() => ({ body: CREDENTIAL_ACCOUNT }), async (m, requests) => {
    const account = await m.accountDeleteAvatar();
    assert.ok(account.created_at instanceof Date);
    assert.equal(account.source.privacy, "public");
    await m.accountDeleteHeader();
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.body.length}`), ["DELETE /api/v1/profile/avatar 0", "DELETE /api/v1/profile/header 0"]);
  });
});

test("profile images that cannot be read are refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  await assert.rejects(m.profileUpdate({ avatar: "/definitely/not/here.png" }), (e: unknown) => e instanceof MastodonIllegalArgumentError && /avatar/.test(e.message));
  await assert.rejects(m.profileUpdate({ header: new Uint8Array([1, 2, 3, 4]) }), (e: unknown) => e instanceof MastodonIllegalArgumentError && /header/.test(e.message));
});
