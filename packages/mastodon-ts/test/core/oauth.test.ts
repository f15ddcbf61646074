import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest } from "../support/scripted-server.ts";

function oauthServer(options: { wellKnown?: boolean; grantedScope?: string } = {}) {
  return startScriptedServer((req: RecordedRequest) => {
    const base = `http://${req.headers.host}`;
    if (req.path === "/.well-known/oauth-authorization-server") {
      if (options.wellKnown === false) return { status: 404, body: { error: "Not Found" } };
      return { body: { issuer: `${base}/`, authorization_endpoint: `${base}/oauth/authorize`, token_endpoint: `${base}/oauth/token`, revocation_endpoint: `${base}/oauth/revoke`, code_challenge_methods_supported: ["S256"] } };
    }
    if (req.path === "/.well-known/openid-configuration") return { status: 404, body: { error: "Not Found" } };
    if (req.path === "/api/v1/apps") return { body: { id: "1", name: req.form.get("client_name"), client_id: "the-client-id", client_secret: "the-client-secret", redirect_uri: req.form.get("redirect_uris") } };
    if (req.path === "/oauth/token") {
      if (req.form.get("password") === "wrong") return { status: 400, body: { error: "invalid_grant", error_description: "The provided authorization grant is invalid" } };
      return { body: { access_token: "user-token", token_type: "Bearer", scope: options.grantedScope ?? req.form.get("scope"), created_at: 1785592219, refresh_token: "refresh-1", expires_in: 3600 } };
    }
    if (req.path === "/oauth/revoke") return { body: {} };
    if (req.path === "/api/v1/accounts/verify_credentials") return { body: { id: "1", username: "ann", created_at: "2026-08-01T00:00:00.000Z" } };
    return { status: 404, body: { error: "Record not found" } };
  });
}

test("createApp and logIn write Mastodon.py's files (mode 0600), which a new client reads back", async () => {
  const server = await oauthServer();
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-"));
  try {
    const appFile = join(dir, "app.secret");
    const userFile = join(dir, "user.secret");
    const [id, secret] = await Mastodon.createApp("my app", { api_base_url: server.url, to_file: appFile, scopes: ["read", "write"], website: "https://example.org" });
    assert.deepEqual([id, secret], ["the-client-id", "the-client-secret"]);
    const appRequest = server.requests[0];
    assert.equal(appRequest?.form.get("scopes"), "read write");
    assert.equal(appRequest?.form.get("redirect_uris"), "urn:ietf:wg:oauth:2.0:oob");
    assert.equal(readFileSync(appFile, "utf8"), `the-client-id\nthe-client-secret\n${server.url}\nmy app\n`);
    assert.equal(statSync(appFile).mode & 0o777, 0o600);

    const m = new Mastodon({ client_id: appFile });
    assert.equal(m.api_base_url, server.url);
    assert.equal(m.client_secret, "the-client-secret");
    const token = await m.logIn({ username: "ann@example.org", password: "pw", scopes: ["read", "write"], to_file: userFile });
    assert.equal(token, "user-token");
    assert.equal(m.refresh_token, "refresh-1");
    assert.equal(readFileSync(userFile, "utf8"), `user-token\n${server.url}\nthe-client-id\nthe-client-secret\n`);
    assert.equal(statSync(userFile).mode & 0o777, 0o600);
    const tokenRequest = server.requests.find((r) => r.path === "/oauth/token");
    assert.equal(tokenRequest?.form.get("grant_type"), "password");
    assert.equal(tokenRequest?.form.get("scope"), "read write");

    const again = new Mastodon({ access_token: userFile });
    assert.equal(again.access_token, "user-token");
    assert.equal(again.client_id, "the-client-id");
    const me = await again.accountVerifyCredentials();
    assert.equal(me.username, "ann");
    assert.equal(server.requests.at(-1)?.headers.authorization, "Bearer user-token");
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test("a Mastodon.py 1.x two-line app file is read too", () => {
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-"));
  try {
    const file = join(dir, "old.secret");
    writeFileSync(file, "cid\ncsecret\n");
    const m = new Mastodon({ client_id: file, api_base_url: "https://example.social" });
    assert.equal(m.client_id, "cid");
    assert.equal(m.client_secret, "csecret");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("authRequestUrl uses the discovered endpoint, with state, force_login, lang and PKCE S256", async () => {
  const server = await oauthServer();
  try {
    const m = new Mastodon({ api_base_url: server.url, client_id: "cid", client_secret: "cs" });
    const url = new URL(await m.authRequestUrl({ state: "xyz", force_login: true, lang: "fr", pkce: true, scopes: ["read"], redirect_uris: "https://app.example/cb" }));
    assert.equal(url.origin + url.pathname, `${server.url}/oauth/authorize`);
    assert.equal(url.searchParams.get("client_id"), "cid");
    assert.equal(url.searchParams.get("response_type"), "code");
    assert.equal(url.searchParams.get("redirect_uri"), "https://app.example/cb");
    assert.equal(url.searchParams.get("scope"), "read");
    assert.equal(url.searchParams.get("state"), "xyz");
    assert.equal(url.searchParams.get("force_login"), "true");
    assert.equal(url.searchParams.get("lang"), "fr");
    assert.equal(url.searchParams.get("code_challenge_method"), "S256");
    const verifier = m.code_verifier ?? "";
    assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
    const expected = createHash("sha256").update(verifier).digest("base64url");
    assert.equal(url.searchParams.get("code_challenge"), expected);

    await m.logIn({ code: "the-code", redirect_uri: "https://app.example/cb", scopes: ["read"] });
    const tokenRequest = server.requests.find((r) => r.path === "/oauth/token");
    assert.equal(tokenRequest?.form.get("grant_type"), "authorization_code");
    assert.equal(tokenRequest?.form.get("code_verifier"), verifier);
    assert.equal(tokenRequest?.form.get("code"), "the-code");
  } finally {
    await server.close();
  }
});

test("without a well-known document the fixed /oauth paths are used; refresh tokens and revoke work", async () => {
  const server = await oauthServer({ wellKnown: false });
  try {
    const m = new Mastodon({ api_base_url: server.url, client_id: "cid", client_secret: "cs", access_token: "old" });
    const info = await m.oauthAuthorizationServerInfo();
    assert.equal(info.token_endpoint, `${server.url}/oauth/token`);
    await m.logIn({ refresh_token: "refresh-0" });
    assert.equal(server.requests.find((r) => r.path === "/oauth/token")?.form.get("grant_type"), "refresh_token");
    await m.revokeAccessToken();
    const revoke = server.requests.find((r) => r.path === "/oauth/revoke");
    assert.equal(revoke?.form.get("token"), "user-token");
    assert.equal(revoke?.form.get("client_secret"), "cs");
    assert.equal(m.access_token, null);
  } finally {
    await server.close();
  }
});

test("logIn refuses wrong credentials, missing scopes, and unknown scopes", async () => {
  const server = await oauthServer({ grantedScope: "read" });
  try {
    const m = new Mastodon({ api_base_url: server.url, client_id: "cid", client_secret: "cs" });
    await assert.rejects(m.logIn({ username: "a", password: "wrong" }), (e: unknown) => e instanceof MastodonIllegalArgumentError && /grant is invalid/.test(e.message));
    await assert.rejects(m.logIn({ username: "a", password: "right", scopes: ["read", "write"] }), (e: unknown) => e instanceof MastodonAPIError && /write/.test(e.message));
    const before = server.requests.length;
    await assert.rejects(m.logIn({ username: "a", password: "right", scopes: ["read", "everything"] }), MastodonIllegalArgumentError);
    await assert.rejects(m.logIn({}), MastodonIllegalArgumentError);
    assert.equal(server.requests.length, before, "nothing was sent for bad arguments");
  } finally {
    await server.close();
  }
});
