import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest } from "../support/scripted-server.ts";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const ATTACHMENT = { id: "8", type: "image", url: "https://files.example/8.jpg", description: "alt" };

async function multipart(request: RecordedRequest | undefined): Promise<FormData> {
  return new Response(new Uint8Array(request?.body ?? []), { headers: { "content-type": String(request?.headers["content-type"]) } }).formData();
}

test("media reads an attachment; mediaUpdate sends a form, or multipart with a thumbnail; mediaDelete", async () => {
  const server = await startScriptedServer((request) => ({ body: request.method === "DELETE" ? {} : ATTACHMENT }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    assert.equal((await m.media({ id: "8" })).url, ATTACHMENT.url);
    await m.mediaUpdate("8", { description: "alt", focus: [0.69, -0.5] });
    await m.mediaUpdate(ATTACHMENT, { description: "walk", thumbnail: new Blob([JPEG]) });
    assert.deepEqual(await m.mediaDelete("8"), {});
    const [get, form, withThumb, del] = server.requests;
    assert.equal(`${get?.method} ${get?.path}`, "GET /api/v1/media/8");
    assert.equal(`${form?.method} ${form?.path}`, "PUT /api/v1/media/8");
    assert.deepEqual([...(form?.form.entries() ?? [])], [["description", "alt"], ["focus", "0.69,-0.5"]]);
    assert.equal(withThumb?.method, "PUT");
    assert.match(String(withThumb?.headers["content-type"]), /^multipart\/form-data/);
    const parts = await multipart(withThumb);
    assert.equal(parts.get("description"), "walk");
    const thumbnail = parts.get("thumbnail");
    assert.ok(thumbnail instanceof Blob);
    assert.equal(thumbnail.type, "image/jpeg");
    assert.deepEqual(new Uint8Array(await thumbnail.arrayBuffer()), JPEG);
    assert.equal(`${del?.method} ${del?.path}`, "DELETE /api/v1/media/8");
  } finally {
    await server.close();
  }
});

test("media arguments: bad focus, unknown thumbnail type, and a thumbnail on a server before 3.2.0", async () => {
  const noFetch = () => Promise.reject(new Error("no request expected"));
  const m = new Mastodon({ api_base_url: "https://example.social", fetch: noFetch });
  await assert.rejects(m.mediaUpdate("8", { focus: [0, 1.5] }), MastodonIllegalArgumentError);
  await assert.rejects(m.mediaUpdate("8", { thumbnail: new Uint8Array([1, 2, 3, 4]) }), /thumbnail/);
  const old = new Mastodon({ api_base_url: "https://example.social", fetch: noFetch, mastodon_version: "3.1.4" });
  await assert.rejects(old.mediaUpdate("8", { thumbnail: JPEG }), MastodonVersionError);
  await assert.rejects(old.mediaPost(JPEG, { thumbnail: JPEG }), MastodonVersionError);
});
