import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, MastodonUnauthorizedError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const app = { id: "7", name: "test app", website: null, scopes: ["read", "profile"], redirect_uris: ["urn:ietf:wg:oauth:2.0:oob"], vapid_key: "BAhx" };
const userinfo = { iss: "https://example.social/", sub: "https://example.social/users/alice", name: "Alice", preferred_username: "alice" };

test("appVerifyCredentials GETs the app behind the token; a bad token is a 401", async () => {
  const server = await startScriptedServer((req) => (req.headers.authorization === "Bearer good" ? { body: app } : { status: 401, body: { error: "The access token is invalid" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "good" });
    assert.deepEqual(await m.appVerifyCredentials(), app);
    assert.equal(`${server.requests[0]!.method} ${server.requests[0]!.path}`, "GET /api/v1/apps/verify_credentials");
    m.access_token = "bad";
    await assert.rejects(m.appVerifyCredentials(), MastodonUnauthorizedError);
  } finally {
    await server.close();
  }
});

test("oauthUserinfo uses the discovered userinfo_endpoint, else /oauth/userinfo, with the user's token", async () => {
  let discovery = true;
  const server = await startScriptedServer((req) => {
    if (req.path === "/.well-known/oauth-authorization-server") {
      return discovery
        ? { body: { issuer: `${server.url}/`, authorization_endpoint: `${server.url}/oauth/authorize`, token_endpoint: `${server.url}/oauth/token`, userinfo_endpoint: `${server.url}/custom/userinfo` } }
        : { status: 404, body: { error: "Not found" } };
    }
    if (req.path === "/.well-known/openid-configuration") return { status: 404, body: { error: "Not found" } };
    return { body: userinfo };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    assert.deepEqual(await m.oauthUserinfo(), userinfo);
    const last = server.requests[server.requests.length - 1]!;
    assert.equal(`${last.method} ${last.path}`, "GET /custom/userinfo");
    assert.equal(last.headers.authorization, "Bearer tok");

    discovery = false;
    const old = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    assert.deepEqual(await old.oauthUserinfo(), userinfo);
    assert.equal(server.requests[server.requests.length - 1]!.path, "/oauth/userinfo");
  } finally {
    await server.close();
  }
});

test("oauthUserinfo will not send the token to a plain-http endpoint of an https instance", async () => {
  const fetch = async (url: string | URL | Request): Promise<Response> => {
    if (String(url).includes("/.well-known/oauth-authorization-server")) {
      return Response.json({ issuer: "https://example.social/", authorization_endpoint: "https://example.social/oauth/authorize", token_endpoint: "https://example.social/oauth/token", userinfo_endpoint: "http://example.social/oauth/userinfo" });
    }
    throw new Error(`unexpected request to ${String(url)}`);
  };
  const m = new Mastodon({ api_base_url: "https://example.social", access_token: "tok", fetch });
  await assert.rejects(m.oauthUserinfo(), (e: unknown) => e instanceof MastodonIllegalArgumentError && /not https/.test(e.message));
});

test("persistableLoginCredentials gives what the constructor needs to log in again", () => {
  const m = new Mastodon({ api_base_url: "example.social/", client_id: "cid", client_secret: "csecret", access_token: "tok" });
  const saved = JSON.parse(JSON.stringify(m.persistableLoginCredentials()));
  assert.deepEqual(saved, { api_base_url: "https://example.social", client_id: "cid", client_secret: "csecret", access_token: "tok" });
  const again = new Mastodon(saved);
  assert.equal(again.access_token, "tok");
  assert.equal(again.api_base_url, "https://example.social");
  assert.deepEqual(new Mastodon({ api_base_url: "https://x.example" }).persistableLoginCredentials(),
    { api_base_url: "https://x.example", client_id: null, client_secret: null, access_token: null });
});
