// Media uploads (docs: methods/media.md): v1 synchronous, v2 asynchronous with 202/206,
// updates, deletion, attaching to statuses and serving the files.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { arr, call, obj, sleep, str, TINY_PNG, useSandbox, user } from "./helpers.ts";

function upload(description?: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([TINY_PNG], { type: "image/png" }), "tiny.png");
  if (description) form.append("description", description);
  return form;
}

describe("media", () => {
  const sandbox = useSandbox({ mediaProcessingMs: 150, rateLimit: false });

  test("v1 upload is ready at once, with meta from the image and a served file", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const result = await call(s.url, "POST", "/api/v1/media", { token, multipart: upload("a tiny image") });
    assert.equal(result.status, 200, result.text);
    const media = obj(result.body);
    assert.equal(media["type"], "image");
    assert.equal(media["description"], "a tiny image");
    assert.deepEqual(obj(obj(media["meta"])["original"]), { width: 2, height: 3, size: "2x3", aspect: 2 / 3 });
    const file = await fetch(str(media["url"]));
    assert.equal(file.headers.get("content-type"), "image/png");
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), TINY_PNG);
  });

  test("v2 upload answers 202 with url null, GET answers 206 then 200", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const created = await call(s.url, "POST", "/api/v2/media", { token, multipart: upload() });
    assert.equal(created.status, 202);
    const id = str(obj(created.body)["id"]);
    assert.equal(obj(created.body)["url"], null);
    const early = await call(s.url, "GET", `/api/v1/media/${id}`, { token });
    assert.equal(early.status, 206);
    const tooEarly = await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: "x", "media_ids[]": id } });
    assert.equal(tooEarly.status, 422);
    await sleep(200);
    const ready = await call(s.url, "GET", `/api/v1/media/${id}`, { token });
    assert.equal(ready.status, 200);
    assert.notEqual(obj(ready.body)["url"], null);
    const updated = await call(s.url, "PUT", `/api/v1/media/${id}`, { token, form: { description: "described", focus: "0.5,-0.25" } });
    assert.deepEqual(obj(obj(updated.body)["meta"])["focus"], { x: 0.5, y: -0.25 });
    const status = obj((await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: "with media", "media_ids[]": id } })).body);
    assert.deepEqual(arr(status["media_attachments"]).map((m) => obj(m)["id"]), [id]);
    assert.equal((await call(s.url, "DELETE", `/api/v1/media/${id}`, { token })).status, 422);
    const onlyMedia = arr((await call(s.url, "GET", "/api/v1/timelines/public?only_media=true")).body);
    assert.deepEqual(onlyMedia.map((x) => obj(x)["id"]), [status["id"]]);
    assert.equal((await call(s.url, "GET", `/api/v1/media/${id}`, { token: user(s, "bob").access_token })).status, 404);
  });

  test("wrong content types and too many attachments are refused", async () => {
    const s = sandbox();
    const token = user(s, "alice").access_token;
    const text = new FormData();
    text.append("file", new Blob(["hello"], { type: "text/plain" }), "a.txt");
    const refused = await call(s.url, "POST", "/api/v1/media", { token, multipart: text });
    assert.equal(refused.status, 422);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(str(obj((await call(s.url, "POST", "/api/v1/media", { token, multipart: upload() })).body)["id"]));
    const tooMany = await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: "x", "media_ids[]": ids } });
    assert.equal(tooMany.status, 422);
    assert.equal((await call(s.url, "DELETE", `/api/v1/media/${ids[4] ?? ""}`, { token })).status, 200);
  });
});
