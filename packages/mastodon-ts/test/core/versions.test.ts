import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonVersionError } from "../../src/index.ts";
import { parseVersion } from "../../src/core/versions.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

test("version strings of Mastodon and its forks parse to the API version they claim", () => {
  assert.deepEqual(parseVersion("4.6.0"), [4, 6, 0]);
  assert.deepEqual(parseVersion("4.3.0-beta.2+glitch"), [4, 3, 0]);
  assert.deepEqual(parseVersion("4.2.1+hometown-1.1.1"), [4, 2, 1]);
  assert.deepEqual(parseVersion("2.7.2 (compatible; Pleroma 2.5.0)"), [2, 7, 2]);
  assert.deepEqual(parseVersion("2.7.2 (compatible; Akkoma 3.10.4)"), [2, 7, 2]);
  assert.deepEqual(parseVersion("3.5.3 (compatible; GoToSocial 0.16.0 git-abc)"), [3, 5, 3]);
  assert.deepEqual(parseVersion("4.0"), [4, 0, 0]);
  assert.equal(parseVersion("nightly"), null);
});

test("version_check_mode created fetches the version once, lazily, and refuses too-new methods", async () => {
  const server = await startScriptedServer((req) => req.path === "/api/v1/instance"
    ? { body: { version: "3.5.3 (compatible; GoToSocial 0.16.0)" } }
    : { body: { uri: "x" } });
  try {
    const m = new Mastodon({ api_base_url: server.url, version_check_mode: "created" });
    assert.equal(server.requests.length, 0, "nothing fetched at construction");
    await assert.rejects(m.instanceV2(), (e: unknown) => e instanceof MastodonVersionError && /4\.0\.0/.test(e.message) && /3\.5\.3/.test(e.message));
    await m.instanceV1();
    assert.equal(server.requests.filter((r) => r.path === "/api/v1/instance").length, 1);
    assert.equal(m.mastodon_version, "3.5.3");
    // instance() chooses v1 on this server.
    await m.instance();
    assert.equal(server.requests.at(-1)?.path, "/api/v1/instance/");
  } finally {
    await server.close();
  }
});

test("changed mode checks the last-changed version; none never checks; odd versions never refuse", async () => {
  const server = await startScriptedServer(() => ({ body: [] }));
  try {
    const changed = new Mastodon({ api_base_url: server.url, version_check_mode: "changed", mastodon_version: "2.5.0" });
    await assert.rejects(changed.favourites(), MastodonVersionError); // changed in 2.6.0
    const created = new Mastodon({ api_base_url: server.url, version_check_mode: "created", mastodon_version: "2.5.0" });
    await created.favourites();
    const odd = new Mastodon({ api_base_url: server.url, version_check_mode: "created", mastodon_version: "wildebeest-nightly" });
    await odd.favourites();
    const none = new Mastodon({ api_base_url: server.url, mastodon_version: "1.0.0" });
    await none.favourites();
    assert.equal(server.requests.length, 3);
  } finally {
    await server.close();
  }
});

test("moved endpoints are chosen by server version: search, media, notification dismiss", async () => {
  const server = await startScriptedServer((req) => ({ body: req.path.includes("media") ? { id: "m", url: "u" } : {} }));
  try {
    const old = new Mastodon({ api_base_url: server.url, mastodon_version: "2.4.0" });
    await old.search("cats");
    await old.notificationsDismiss("5");
    await old.mediaPost(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const recent = new Mastodon({ api_base_url: server.url, mastodon_version: "4.6.0" });
    await recent.search("cats");
    await recent.notificationsDismiss("5");
    await recent.mediaPost(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), [
      "GET /api/v1/search", "POST /api/v1/notifications/dismiss", "POST /api/v1/media",
      "GET /api/v2/search", "POST /api/v1/notifications/5/dismiss", "POST /api/v2/media",
    ]);
    assert.equal(server.requests[1]?.form.get("id"), "5");
  } finally {
    await server.close();
  }
});
