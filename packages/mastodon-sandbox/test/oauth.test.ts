// OAuth as Mastodon does it (docs: methods/apps.md, methods/oauth.md, spec/oauth.md).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { startSandbox } from "../src/index.ts";
import { call, obj, str, useSandbox, user } from "./helpers.ts";

async function registerApp(base: string, redirectUris: string, scopes = "read write follow push") {
  const result = await call(base, "POST", "/api/v1/apps", { form: { client_name: "test app", redirect_uris: redirectUris, scopes, website: "https://example.org" } });
  assert.equal(result.status, 200);
  return obj(result.body);
}

describe("apps and tokens", () => {
  const sandbox = useSandbox();

  test("POST /api/v1/apps (form and JSON) returns the Application with secrets", async () => {
    const s = sandbox();
    const app = await registerApp(s.url, "urn:ietf:wg:oauth:2.0:oob");
    assert.deepEqual(app["scopes"], ["read", "write", "follow", "push"]);
    assert.deepEqual(app["redirect_uris"], ["urn:ietf:wg:oauth:2.0:oob"]);
    assert.equal(app["redirect_uri"], "urn:ietf:wg:oauth:2.0:oob");
    assert.equal(app["website"], "https://example.org");
    assert.equal(typeof app["client_id"], "string");
    assert.equal(typeof app["client_secret"], "string");
    const viaJson = await call(s.url, "POST", "/api/v1/apps", { json: { client_name: "json app", redirect_uris: ["https://a.example/cb", "https://b.example/cb"] } });
    assert.deepEqual(obj(viaJson.body)["redirect_uris"], ["https://a.example/cb", "https://b.example/cb"]);
    assert.deepEqual(obj(viaJson.body)["scopes"], ["read"]);
    const invalid = await call(s.url, "POST", "/api/v1/apps", { form: { client_name: "" } });
    assert.equal(invalid.status, 422);
  });

  test("client_credentials gives an app token; verify_credentials works, user endpoints say 422", async () => {
    const s = sandbox();
    const app = await registerApp(s.url, "urn:ietf:wg:oauth:2.0:oob");
    const token = await call(s.url, "POST", "/oauth/token", {
      form: { grant_type: "client_credentials", client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), scope: "read write" },
    });
    assert.equal(token.status, 200);
    const body = obj(token.body);
    assert.equal(body["token_type"], "Bearer");
    assert.equal(body["scope"], "read write");
    assert.equal(typeof body["created_at"], "number");
    const accessToken = str(body["access_token"]);
    const verified = await call(s.url, "GET", "/api/v1/apps/verify_credentials", { token: accessToken });
    assert.equal(obj(verified.body)["name"], "test app");
    assert.equal(obj(verified.body)["client_secret"], undefined);
    const home = await call(s.url, "GET", "/api/v1/timelines/home", { token: accessToken });
    assert.equal(home.status, 422);
    assert.deepEqual(home.body, { error: "This method requires an authenticated user" });
    const badSecret = await call(s.url, "POST", "/oauth/token", { form: { grant_type: "client_credentials", client_id: str(app["client_id"]), client_secret: "x" } });
    assert.equal(badSecret.status, 401);
    assert.equal(obj(badSecret.body)["error"], "invalid_client");
    const badScope = await call(s.url, "POST", "/oauth/token", {
      form: { grant_type: "client_credentials", client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), scope: "admin:read" },
    });
    assert.equal(obj(badScope.body)["error"], "invalid_scope");
  });

  test("the password grant is refused like Mastodon 4.4+", async () => {
    const s = sandbox();
    const app = await registerApp(s.url, "urn:ietf:wg:oauth:2.0:oob");
    const result = await call(s.url, "POST", "/oauth/token", {
      form: { grant_type: "password", client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), username: "alice@localhost", password: "alice-password" },
    });
    assert.equal(result.status, 400);
    assert.equal(obj(result.body)["error"], "unsupported_grant_type");
    const metadata = obj((await call(s.url, "GET", "/.well-known/oauth-authorization-server")).body);
    assert.deepEqual(metadata["grant_types_supported"], ["authorization_code", "client_credentials"]);
    assert.deepEqual(metadata["code_challenge_methods_supported"], ["S256"]);
  });

  test("scopes are enforced: 403 outside the scopes, read implies read:*", async () => {
    const s = sandbox();
    const app = await registerApp(s.url, "urn:ietf:wg:oauth:2.0:oob", "read write");
    const readOnly = s.core.store.tokens.get(user(s, "alice").access_token);
    assert.ok(readOnly);
    const { issueToken } = await import("../src/services/accounts.ts");
    const token = issueToken(s.core, readOnly.applicationId, user(s, "alice").id, ["read:statuses"]).token;
    assert.equal((await call(s.url, "GET", "/api/v1/timelines/home", { token })).status, 200);
    const post = await call(s.url, "POST", "/api/v1/statuses", { token, form: { status: "nope" } });
    assert.equal(post.status, 403);
    assert.deepEqual(post.body, { error: "This action is outside the authorized scopes" });
    assert.equal((await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token })).status, 403);
    assert.ok(app);
  });
});

describe("authorization code flow", () => {
  const sandbox = useSandbox();

  test("sign-in + consent form, redirect with code and state, PKCE S256, token, revoke", async () => {
    const s = sandbox();
    const redirectUri = "http://127.0.0.1:9/callback";
    const app = await registerApp(s.url, redirectUri);
    const verifier = "a".repeat(43) + "-verifier";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const query = new URLSearchParams({
      response_type: "code",
      client_id: str(app["client_id"]),
      redirect_uri: redirectUri,
      scope: "read write",
      state: "xyz",
      code_challenge: challenge,
      code_challenge_method: "S256",
      lang: "de",
    });
    const page = await call(s.url, "GET", `/oauth/authorize?${query}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    assert.match(page.text, /<html lang="de">/);
    assert.match(page.text, /name="password"/);
    assert.match(page.text, /test app/);

    const wrong = await call(s.url, "POST", "/oauth/authorize", { form: { ...Object.fromEntries(query), username: "alice", password: "bad", decision: "approve" } });
    assert.equal(wrong.status, 422);

    const approved = await call(s.url, "POST", "/oauth/authorize", {
      form: { ...Object.fromEntries(query), username: "alice", password: "alice-password", decision: "approve" },
    });
    assert.equal(approved.status, 302);
    const location = new URL(approved.headers.get("location") ?? "");
    assert.equal(location.origin + location.pathname, redirectUri);
    assert.equal(location.searchParams.get("state"), "xyz");
    const code = location.searchParams.get("code") ?? "";
    assert.ok(code.length > 20);

    const base = { grant_type: "authorization_code", client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), redirect_uri: redirectUri, code };
    const noVerifier = await call(s.url, "POST", "/oauth/token", { form: base });
    assert.equal(obj(noVerifier.body)["error"], "invalid_grant");
    const token = await call(s.url, "POST", "/oauth/token", { form: { ...base, code_verifier: verifier } });
    assert.equal(token.status, 200);
    const tokenBody = obj(token.body);
    assert.equal(tokenBody["scope"], "read write");
    assert.equal(tokenBody["refresh_token"], undefined, "Mastodon issues no refresh tokens");
    const accessToken = str(tokenBody["access_token"]);
    const me = await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: accessToken });
    assert.equal(obj(me.body)["username"], "alice");
    const reused = await call(s.url, "POST", "/oauth/token", { form: { ...base, code_verifier: verifier } });
    assert.equal(obj(reused.body)["error"], "invalid_grant");

    const revoked = await call(s.url, "POST", "/oauth/revoke", { form: { client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), token: accessToken } });
    assert.equal(revoked.status, 200);
    assert.deepEqual(revoked.body, {});
    const after = await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: accessToken });
    assert.equal(after.status, 401);
  });

  test("out-of-band shows the code; a session skips sign-in unless force_login; deny redirects", async () => {
    const s = sandbox();
    const oob = "urn:ietf:wg:oauth:2.0:oob";
    const app = await registerApp(s.url, `${oob}\nhttp://127.0.0.1:9/cb`);
    const params = { response_type: "code", client_id: str(app["client_id"]), redirect_uri: oob, scope: "read" };
    const approved = await call(s.url, "POST", "/oauth/authorize", { form: { ...params, username: "bob@localhost", password: "bob-password", decision: "approve" } });
    assert.equal(approved.status, 302);
    const cookie = (approved.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const native = await call(s.url, "GET", approved.headers.get("location") ?? "");
    const code = /class="oauth-code" readonly type="text" value="([^"]+)"/.exec(native.text)?.[1];
    assert.ok(code);
    const token = await call(s.url, "POST", "/oauth/token", {
      form: { grant_type: "authorization_code", client_id: str(app["client_id"]), client_secret: str(app["client_secret"]), redirect_uri: oob, code },
    });
    assert.equal(token.status, 200);

    const consentOnly = await call(s.url, "GET", `/oauth/authorize?${new URLSearchParams(params)}`, { headers: { cookie } });
    assert.match(consentOnly.text, /@bob/);
    assert.doesNotMatch(consentOnly.text, /name="password"/);
    const forced = await call(s.url, "GET", `/oauth/authorize?${new URLSearchParams({ ...params, force_login: "true" })}`, { headers: { cookie } });
    assert.match(forced.text, /name="password"/);

    const denied = await call(s.url, "POST", "/oauth/authorize", {
      form: { ...params, redirect_uri: "http://127.0.0.1:9/cb", state: "s1", decision: "deny" },
      headers: { cookie },
    });
    const location = new URL(denied.headers.get("location") ?? "");
    assert.equal(location.searchParams.get("error"), "access_denied");
    assert.equal(location.searchParams.get("state"), "s1");

    const badRedirect = await call(s.url, "GET", `/oauth/authorize?${new URLSearchParams({ ...params, redirect_uri: "http://evil.example/" })}`);
    assert.equal(badRedirect.status, 400);
  });
});

describe("password and refresh grants when switched on", () => {
  test("allowPasswordGrant and issueRefreshTokens", async () => {
    const s = await startSandbox({ allowPasswordGrant: true, issueRefreshTokens: true });
    try {
      const app = await registerApp(s.url, "urn:ietf:wg:oauth:2.0:oob");
      const credentials = { client_id: str(app["client_id"]), client_secret: str(app["client_secret"]) };
      const wrong = await call(s.url, "POST", "/oauth/token", { form: { ...credentials, grant_type: "password", username: "alice@localhost", password: "hunter2" } });
      assert.equal(obj(wrong.body)["error"], "invalid_grant");
      const token = await call(s.url, "POST", "/oauth/token", { form: { ...credentials, grant_type: "password", username: "alice@localhost", password: "alice-password", scope: "read write" } });
      const body = obj(token.body);
      assert.equal(body["scope"], "read write");
      const refreshed = await call(s.url, "POST", "/oauth/token", { form: { ...credentials, grant_type: "refresh_token", refresh_token: str(body["refresh_token"]) } });
      assert.equal(refreshed.status, 200);
      assert.equal((await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: str(body["access_token"]) })).status, 401);
      assert.equal((await call(s.url, "GET", "/api/v1/accounts/verify_credentials", { token: str(obj(refreshed.body)["access_token"]) })).status, 200);
      const metadata = obj((await call(s.url, "GET", "/.well-known/oauth-authorization-server")).body);
      assert.deepEqual(metadata["grant_types_supported"], ["authorization_code", "password", "client_credentials", "refresh_token"]);
    } finally {
      await s.close();
    }
  });
});
