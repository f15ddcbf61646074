import { test } from "node:test";
import assert from "node:assert/strict";
import { redactBody, redactHeaders, redactUrl } from "../../src/core/redact.ts";
import { createServer } from "node:net";
import {
  Mastodon, MastodonAPIError, MastodonBadGatewayError, MastodonError, MastodonIOError, MastodonNetworkError,
  MastodonNotFoundError, MastodonRateLimitError, MastodonRatelimitError, MastodonReadTimeout, MastodonServerError,
  MastodonUnauthorizedError, MastodonInternalServerError, MastodonFileNotFoundError, MastodonFileNotFoundException,
} from "../../src/index.ts";
import { withHttpServer } from "../support/http-server.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

test("the error classes form Mastodon.py's tree and keep their names", () => {
  const notFound = new MastodonNotFoundError({ status: 404, reason: "Not Found", error: "Record not found", error_description: null, headers: {}, method: "GET", url: "u", body: null });
  assert.ok(notFound instanceof MastodonAPIError && notFound instanceof MastodonError && notFound instanceof Error);
  assert.equal(notFound.name, "MastodonNotFoundError");
  assert.ok(new MastodonReadTimeout("t") instanceof MastodonNetworkError);
  assert.ok(new MastodonReadTimeout("t") instanceof MastodonIOError);
  assert.equal(MastodonRateLimitError, MastodonRatelimitError);
  assert.equal(MastodonFileNotFoundException, MastodonFileNotFoundError);
  assert.ok(Object.prototype.isPrototypeOf.call(MastodonServerError.prototype, MastodonInternalServerError.prototype));
});

test("an HTTP error keeps status, the server's error, headers, method and URL, with secrets redacted", async () => {
  const server = await startScriptedServer(() => ({ status: 404, body: { error: "Record not found" }, headers: { "x-request-id": "abc" } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "secret-token" });
    const error = await m.status("123").then(() => null, (e: unknown) => e);
    assert.ok(error instanceof MastodonNotFoundError);
    assert.equal(error.status, 404);
    assert.equal(error.reason, "Not Found");
    assert.equal(error.error, "Record not found");
    assert.equal(error.method, "GET");
    assert.equal(error.url, `${server.url}/api/v1/statuses/123`);
    assert.equal(error.headers["x-request-id"], "abc");
    assert.match(error.message, /404/);
    assert.match(error.message, /Record not found/);
    assert.doesNotMatch(JSON.stringify({ ...error, message: error.message }), /secret-token/);
  } finally {
    await server.close();
  }
});

test("401 and 422 map to their classes and carry error_description", async () => {
  const server = await startScriptedServer((req) => req.path.endsWith("verify_credentials")
    ? { status: 401, body: { error: "The access token is invalid" } }
    : { status: 422, body: { error: "Validation failed: Text can't be blank", error_description: "more" } });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "t" });
    await assert.rejects(m.accountVerifyCredentials(), (e: unknown) => e instanceof MastodonUnauthorizedError && e.error === "The access token is invalid");
    await assert.rejects(m.toot(""), (e: unknown) => e instanceof MastodonAPIError && e.status === 422 && e.error_description === "more" && /Text can't be blank/.test(e.message));
  } finally {
    await server.close();
  }
});

test("an HTML 502 page still says 502", async () => {
  const server = await startScriptedServer(() => ({ status: 502, raw: "<html><body><h1>502 Bad Gateway</h1></body></html>" }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const error = await m.instanceV1().then(() => null, (e: unknown) => e);
    assert.ok(error instanceof MastodonBadGatewayError);
    assert.equal(error.status, 502);
    assert.equal(error.error, null);
    assert.match(String(error.body), /502 Bad Gateway/);
  } finally {
    await server.close();
  }
});

test("a refused connection is a MastodonNetworkError with its cause", async () => {
  // Find a free port, then close it so nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
  const m = new Mastodon({ api_base_url: `http://127.0.0.1:${port}` });
  await assert.rejects(m.instanceV1(), (e: unknown) => e instanceof MastodonNetworkError && !(e instanceof MastodonReadTimeout) && e.cause !== undefined);
});

test("a server that does not answer within request_timeout gives MastodonReadTimeout", async () => {
  const server = await startScriptedServer(() => "handled"); // never answers
  try {
    const m = new Mastodon({ api_base_url: server.url, request_timeout: 0.2, access_token: "tok" });
    const started = Date.now();
    await assert.rejects(m.instanceV1(), (e: unknown) => e instanceof MastodonReadTimeout && /timed out after 0.2 s/.test(e.message));
    assert.ok(Date.now() - started < 5000);
  } finally {
    await server.close();
  }
});

test("a body that stalls after the headers is a MastodonReadTimeout too, over node:http and over fetch", async () => {
  await withHttpServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write('{"title":'); // and nothing more
  }, async (url) => {
    for (const options of [{}, { fetch: globalThis.fetch }]) {
      const m = new Mastodon({ api_base_url: url, request_timeout: 0.3, access_token: "tok", ...options });
      await assert.rejects(m.instanceV1(), (e: unknown) => e instanceof MastodonReadTimeout && /timed out after 0.3 s/.test(e.message));
    }
  });
});

test("a 2xx body that is not JSON is an API error that keeps the status", async () => {
  const server = await startScriptedServer(() => ({ status: 200, raw: "<html>maintenance</html>" }));
  try {
    const m = new Mastodon({ api_base_url: server.url });
    await assert.rejects(m.instanceV1(), (e: unknown) => e instanceof MastodonAPIError && e.status === 200 && /JSON/.test(e.message));
  } finally {
    await server.close();
  }
});

test("secrets are redacted from URLs, answer headers and bodies, and nothing else is", () => {
  assert.equal(redactUrl("https://x.example/oauth/token?code=abc&state=s1&access_token=t#frag"), "https://x.example/oauth/token?code=[redacted]&state=s1&access_token=[redacted]#frag");
  assert.equal(redactUrl("https://x.example/api/v1/statuses?token_type=x"), "https://x.example/api/v1/statuses?token_type=x");
  assert.deepEqual(redactHeaders({ "set-cookie": "_session=1", "x-request-id": "r" }), { "set-cookie": "[redacted]", "x-request-id": "r" });
  assert.deepEqual(redactBody({ access_token: "t", nested: [{ client_secret: "s" }], password: ["is too short"] }),
    { access_token: "[redacted]", nested: [{ client_secret: "[redacted]" }], password: ["is too short"] });
});

test("an application's own subclass of an error reports its own name", () => {
  class QuotaError extends MastodonError {}
  class GoneError extends MastodonNotFoundError {}
  assert.equal(new QuotaError("x").name, "QuotaError");
  assert.equal(new GoneError({ status: 404, reason: "", error: null, error_description: null, headers: {}, method: "GET", url: "u", body: null }).name, "GoneError");
  assert.equal(new MastodonReadTimeout("slow").name, "MastodonReadTimeout");
});
