/**
 * The client against the sandbox over real sockets: the OAuth code flow with PKCE verified by
 * the server, uploads processed in the background, Link pagination, Mastodon's error bodies,
 * real X-RateLimit headers, and a WebSocket stream.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { startSandbox, type Sandbox } from "../../../mastodon-sandbox/src/index.ts";
import { CallbackStreamListener, Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, type Status } from "../../src/index.ts";
import { waitFor } from "../streaming/helpers.ts";

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox({ rateLimit: { api: { limit: 1000, windowMs: 300_000 } } });
});
after(() => sandbox.close());

function as(user: "alice" | "bob" | "admin", options: Partial<ConstructorParameters<typeof Mastodon>[0]> = {}): Mastodon {
  const seeded = sandbox.users[user];
  assert.ok(seeded);
  return new Mastodon({ api_base_url: sandbox.url, access_token: seeded.access_token, WebSocket, ...options });
}

/** Signs in on the sandbox's authorization page as a browser would; returns the redirect. */
async function approve(authorizeUrl: string, username: string, password: string): Promise<URL> {
  const page = await (await fetch(authorizeUrl)).text();
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.append(match[1] ?? "", (match[2] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, "\""));
  form.append("username", username);
  form.append("password", password);
  form.append("decision", "approve");
  const answer = await fetch(`${sandbox.url}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  return new URL(answer.headers.get("location") ?? "about:blank");
}

test("the authorization-code flow with PKCE S256, checked by the server", async () => {
  const redirect = "https://app.example/callback";
  const [client_id, client_secret] = await Mastodon.createApp("pkce test", { api_base_url: sandbox.url, redirect_uris: redirect, scopes: ["read", "write"] });
  const alice = sandbox.users.alice;
  assert.ok(alice);
  const m = new Mastodon({ api_base_url: sandbox.url, client_id, client_secret });
  const back = await approve(await m.authRequestUrl({ redirect_uris: redirect, scopes: ["read", "write"], state: "s-1", pkce: true }), alice.username, alice.password);
  assert.equal(back.searchParams.get("state"), "s-1");
  const code = back.searchParams.get("code") ?? "";
  await m.logIn({ code, redirect_uri: redirect, scopes: ["read", "write"] });
  assert.equal((await m.accountVerifyCredentials()).username, alice.username);

  // The same flow with a verifier that does not match the challenge is refused by the server.
  const other = new Mastodon({ api_base_url: sandbox.url, client_id, client_secret });
  const again = await approve(await other.authRequestUrl({ redirect_uris: redirect, scopes: ["read"], pkce: true }), alice.username, alice.password);
  await assert.rejects(
    other.logIn({ code: again.searchParams.get("code") ?? "", redirect_uri: redirect, scopes: ["read"], code_verifier: "x".repeat(43) }),
    MastodonIllegalArgumentError,
  );
});

test("a v2 upload processed in the background: synchronous waits until the URL is there", async () => {
  const m = as("alice");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const pending = await m.mediaPost(png, { description: "later" });
  assert.equal(pending.url, null, "202: still processing");
  const ready = await m.mediaPost(png, { description: "now", synchronous: true, focus: [0.5, -0.25] });
  assert.match(String(ready.url), /^http/);
  assert.equal(ready.description, "now");
});

test("paging through a real timeline with the Link header", async () => {
  const bob = as("bob");
  const posted: string[] = [];
  for (let i = 0; i < 45; i++) posted.push((await bob.statusPost(`page test ${i}`, { visibility: "public" })).id);
  const m = as("alice");
  const seen: Status[] = [];
  for await (const status of m.paginationIterator(await m.accountStatuses(sandbox.users.bob?.id ?? "", { limit: 20 }))) seen.push(status);
  const ids = seen.map((s) => s.id);
  for (const id of posted) assert.ok(ids.includes(id));
  assert.deepEqual(ids, [...ids].sort((a, b) => (b.length - a.length) || (b < a ? -1 : 1)), "newest first, no repeats");
});

test("Mastodon's error bodies reach the error classes", async () => {
  const m = as("alice");
  await assert.rejects(m.status("1"), (e: unknown) => e instanceof MastodonNotFoundError && e.error === "Record not found");
  await assert.rejects(m.statusPost(""), (e: unknown) => e instanceof MastodonAPIError && e.status === 422 && /Validation failed/.test(e.message));
  const anonymous = new Mastodon({ api_base_url: sandbox.url });
  await assert.rejects(anonymous.timelineHome(), (e: unknown) => e instanceof MastodonAPIError && e.status === 401);
});

test("the rate-limit state follows the server's headers", async () => {
  const m = as("admin");
  await m.accountVerifyCredentials();
  assert.equal(m.ratelimit_limit, 1000);
  const before = m.ratelimit_remaining;
  await m.accountVerifyCredentials();
  assert.equal(m.ratelimit_remaining, before - 1);
  assert.ok(Math.abs(m.ratelimit_reset * 1000 - Date.now()) < 301_000);
});

test("a WebSocket stream delivers what another user posts", async () => {
  const alice = as("alice");
  const got: string[] = [];
  const handle = alice.streamHashtag("behaviour", new CallbackStreamListener({ update_handler: (s) => got.push(s.id) }), { transport: "websocket" });
  try {
    await waitFor(() => handle.isAlive(), "the stream to open");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const posted = await as("bob").statusPost("hello #behaviour", { visibility: "public" });
    await waitFor(() => got.includes(posted.id), "the streamed status");
  } finally {
    handle.close();
    await handle.done;
  }
});
