import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonNetworkError, MastodonNotFoundError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";
import { wire } from "../support/wire.ts";

const ANSWERS: Record<string, unknown> = {
  "/api/v1/instance/activity": [{ week: "1785592262", statuses: "18", logins: "4", registrations: "4" }],
  "/api/v1/instance/peers": ["chitter.xyz"],
  "/api/v1/instance/rules": [{ id: "1", text: "Be nice", hint: "", translations: {} }],
  "/api/v1/instance/extended_description": { updated_at: null, content: "" },
  "/api/v1/instance/privacy_policy": { updated_at: "2022-10-07T00:00:00+00:00", content: "<p>policy</p>" },
  "/api/v1/instance/terms_of_service": { effective_date: "2025-01-01", effective: true, content: "<p>now</p>" },
  "/api/v1/instance/terms_of_service/2024-06-30": { effective_date: "2024-06-30", effective: false, content: "<p>then</p>", succeeded_by: "2025-01-01" },
  "/api/v1/instance/translation_languages": { en: ["de", "es"] },
  "/api/v1/instance/languages": [{ code: "aa", name: "Afar" }],
  "/api/oembed": { type: "rich", version: "1.0", html: "<iframe></iframe>", width: 400, height: null },
};

test("instance information: activity, peers, rules, descriptions, policies, terms by date, languages, oEmbed", async () => {
  const server = await startScriptedServer((r) => (r.path in ANSWERS ? { body: ANSWERS[r.path] } : { status: 404, body: { error: "Record not found" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const [week] = await m.instanceActivity();
    assert.equal(week?.week.getTime(), 1785592262000);
    assert.deepEqual(await m.instancePeers(), ["chitter.xyz"]);
    assert.equal((await m.instanceRules())[0]?.text, "Be nice");
    assert.equal((await m.instanceExtendedDescription()).updated_at, null);
    assert.deepEqual((await m.instancePrivacyPolicy()).updated_at, new Date("2022-10-07T00:00:00Z"));
    assert.equal((await m.instanceTermsOfService()).content, "<p>now</p>");
    const then = await m.instanceTermsOfService({ date: new Date("2024-06-30T00:00:00Z") });
    assert.deepEqual(then.succeeded_by, new Date("2025-01-01T00:00:00Z"));
    await m.instanceTermsOfService({ date: "2024-06-30" });
    assert.deepEqual(await m.instanceTranslationLanguages(), { en: ["de", "es"] });
    assert.equal((await m.instanceLanguages())[0]?.name, "Afar");
    await assert.rejects(m.instanceDomainBlocks(), MastodonNotFoundError);
    const embed = await m.oembed("https://example.social/@a/1", { maxwidth: 300 });
    assert.equal(embed.html, "<iframe></iframe>");
    assert.deepEqual(server.requests.map(wire), [
      "GET /api/v1/instance/activity",
      "GET /api/v1/instance/peers",
      "GET /api/v1/instance/rules",
      "GET /api/v1/instance/extended_description",
      "GET /api/v1/instance/privacy_policy",
      "GET /api/v1/instance/terms_of_service",
      "GET /api/v1/instance/terms_of_service/2024-06-30",
      "GET /api/v1/instance/terms_of_service/2024-06-30",
      "GET /api/v1/instance/translation_languages",
      "GET /api/v1/instance/languages",
      "GET /api/v1/instance/domain_blocks",
      "GET /api/oembed?url=https://example.social/@a/1&maxwidth=300",
    ]);
    assert.equal(server.requests.at(-1)?.headers.authorization, undefined, "oEmbed is public");
    await assert.rejects(m.instanceTermsOfService({ date: "30.06.2024" }), MastodonIllegalArgumentError);
    await assert.rejects(m.instanceTermsOfService({ date: new Date("nope") }), MastodonIllegalArgumentError);
    await assert.rejects(m.oembed("https://example.social/@a/1", { maxheight: 0 }), /maxheight/);
    assert.equal(server.requests.length, 12);
  } finally {
    await server.close();
  }
});

test("instance and instanceV1/V2 choose the endpoint by server version", async () => {
  const server = await startScriptedServer((r) => ({ body: { domain: "example.social", uri: "example.social", version: "4.6.4", path: r.path } }));
  try {
    await new Mastodon({ api_base_url: server.url }).instance();
    await new Mastodon({ api_base_url: server.url, mastodon_version: "3.5.0" }).instance();
    assert.deepEqual(server.requests.map(wire), ["GET /api/v2/instance/", "GET /api/v1/instance/"]);
  } finally {
    await server.close();
  }
});

test("instanceHealth: the text OK (or JSON status UP) is healthy; other text and 5xx are not", async () => {
  const answers = [{ raw: "OK" }, { body: { status: "UP" } }, { raw: "maintenance" }, { status: 503, raw: "down" }, { status: 404, raw: "gone" }];
  const server = await startScriptedServer(() => answers.shift() ?? { status: 500 });
  try {
    const m = new Mastodon({ api_base_url: server.url });
    assert.equal(await m.instanceHealth(), true);
    assert.equal(await m.instanceHealth(), true);
    assert.equal(await m.instanceHealth(), false);
    assert.equal(await m.instanceHealth(), false);
    await assert.rejects(m.instanceHealth(), MastodonNotFoundError);
    assert.deepEqual(new Set(server.requests.map(wire)), new Set(["GET /health"]));
  } finally {
    await server.close();
  }
  await assert.rejects(new Mastodon({ api_base_url: server.url, request_timeout: 2 }).instanceHealth(), MastodonNetworkError);
});

test("instanceNodeinfo follows /.well-known/nodeinfo; the token goes only to the API's own origin; 404 falls back to the path", async () => {
  const other = await startScriptedServer((r) => (r.path === "/nodeinfo/2.0" ? { body: { version: "2.0", software: { name: "mastodon", version: "4.6.4" } } } : { status: 404 }));
  let target = `${other.url}/nodeinfo/2.0`;
  const api = await startScriptedServer((r) => {
    if (r.path === "/.well-known/nodeinfo") {
      return { body: { links: [{ rel: "http://nodeinfo.diaspora.software/ns/schema/2.1", href: "https://elsewhere/2.1" }, { rel: "http://nodeinfo.diaspora.software/ns/schema/2.0", href: target }] } };
    }
    return { body: { version: "2.0", software: { name: "mastodon", version: "local" } } };
  });
  try {
    const m = new Mastodon({ api_base_url: api.url, access_token: "tok" });
    assert.equal((await m.instanceNodeinfo()).software.version, "4.6.4");
    assert.equal(other.requests[0]?.headers.authorization, undefined);
    target = `${other.url}/missing`;
    assert.equal((await m.instanceNodeinfo()).software.version, "local");
    target = `${api.url}/nodeinfo/2.0`;
    await m.instanceNodeinfo();
    assert.deepEqual(api.requests.map(wire), ["GET /.well-known/nodeinfo", "GET /.well-known/nodeinfo", "GET /missing", "GET /.well-known/nodeinfo", "GET /nodeinfo/2.0"]);
    assert.equal(api.requests[2]?.headers.authorization, "Bearer tok");
    assert.equal(api.requests[4]?.headers.authorization, "Bearer tok");
    await assert.rejects(m.instanceNodeinfo({ schema: "http://nodeinfo.diaspora.software/ns/schema/1.0" }),
      (e: unknown) => e instanceof MastodonIllegalArgumentError && /schema is not available/.test(e.message));
  } finally {
    await api.close();
    await other.close();
  }
});
