import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const subscription = {
  id: 1, endpoint: "https://push.example/inbox", standard: false, policy: "all",
  alerts: { mention: true, follow: false }, server_key: "BAhxXyHfAoMqrZECjRI56F5QrE4ynVlkZFMdKSpTIsWRNoWUVgut-Bnz2xsMSwiN4AF0b4I7ixF24OwiicOJivw=",
};

const pairs = (form: URLSearchParams): string[] => [...form].map(([key, value]) => `${key}=${value}`).sort();

test("push subscription: set, read, update and delete send Mastodon's parameters", async () => {
  const server = await startScriptedServer((req) => (req.method === "DELETE" ? { body: {} } : { body: subscription }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const [, pub] = await m.pushSubscriptionGenerateKeys();
    const result = await m.pushSubscriptionSet("push.example/inbox/", pub, {
      follow_events: true, mention_events: false, admin_sign_up_events: true, quoted_update_events: true, policy: "followed", standard: true,
    });
    assert.deepEqual(result, subscription);
    const set = server.requests[0]!;
    assert.equal(set.method, "POST");
    assert.equal(set.path, "/api/v1/push/subscription");
    assert.equal(set.headers.authorization, "Bearer tok");
    // Keys go as standard base64 with padding, as Mastodon.py sends them.
    const p256dh = Buffer.from(pub.pubkey, "base64url").toString("base64");
    const auth = Buffer.from(pub.auth, "base64url").toString("base64");
    assert.match(auth, /==$/);
    assert.deepEqual(pairs(set.form), [
      "data[alerts][admin.sign_up]=true", "data[alerts][follow]=true", "data[alerts][mention]=false",
      "data[alerts][quoted_update]=true", "data[policy]=followed", "policy=followed",
      "subscription[endpoint]=https://push.example/inbox", `subscription[keys][auth]=${auth}`,
      `subscription[keys][p256dh]=${p256dh}`, "subscription[standard]=true",
    ]);

    assert.deepEqual(await m.pushSubscription(), subscription);
    await m.pushSubscriptionUpdate({ favourite_events: true, reblog_events: false, status_events: true, update_events: false });
    assert.deepEqual(await m.pushSubscriptionDelete(), {});
    const [, get, update, del] = server.requests;
    assert.equal(`${get!.method} ${get!.path}`, "GET /api/v1/push/subscription");
    assert.equal(`${update!.method} ${update!.path}`, "PUT /api/v1/push/subscription");
    assert.deepEqual(pairs(update!.form), [
      "data[alerts][favourite]=true", "data[alerts][reblog]=false", "data[alerts][status]=true", "data[alerts][update]=false",
      "data[policy]=all", "policy=all",
    ]);
    assert.equal(`${del!.method} ${del!.path}`, "DELETE /api/v1/push/subscription");
  } finally {
    await server.close();
  }
});

test("keys from elsewhere (bytes, base64url) are accepted; a missing subscription is a 404", async () => {
  const server = await startScriptedServer((req) => (req.method === "GET" ? { status: 404, body: { error: "Record not found" } } : { body: subscription }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const point = new Uint8Array(65).fill(7);
    point[0] = 4;
    await m.pushSubscriptionSet("https://push.example/inbox", { pubkey: point, auth: "AAECAwQFBgcICQoLDA0ODw" });
    const form = server.requests[0]!.form;
    assert.equal(form.get("subscription[keys][p256dh]"), Buffer.from(point).toString("base64"));
    assert.equal(form.get("subscription[keys][auth]"), "AAECAwQFBgcICQoLDA0ODw==");
    assert.equal(form.get("subscription[standard]"), null);
    await assert.rejects(m.pushSubscription(), MastodonNotFoundError);
  } finally {
    await server.close();
  }
});

test("bad push arguments are refused before any request", async () => {
  const m = new Mastodon({ api_base_url: "https://example.social", access_token: "tok", fetch: async () => { throw new Error("sent"); } });
  const [, pub] = await m.pushSubscriptionGenerateKeys();
  const refused = async (call: Promise<unknown>, message: RegExp) =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(m.pushSubscriptionSet("https://push.example", pub, { policy: "friends" as "all" }), /policy must be one of/);
  await refused(m.pushSubscriptionUpdate({ policy: "everyone" as "all" }), /policy must be one of/);
  await refused(m.pushSubscriptionSet("https://push.example", { pubkey: "AAAA", auth: pub.auth }), /encrypt_params.pubkey/);
  await refused(m.pushSubscriptionSet("https://push.example", { pubkey: pub.pubkey, auth: "AAAA" }), /encrypt_params.auth must be 16 bytes/);
  await refused(m.pushSubscriptionSet("https://push.example", { pubkey: "not base64!", auth: pub.auth }), /not valid base64/);
  await refused(m.pushSubscriptionSet("", pub), /endpoint/);
});
