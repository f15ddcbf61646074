import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError } from "../../src/index.ts";
import { type RecordedRequest, type Reply } from "../support/scripted-server.ts";
import { withServer as withScriptedServer } from "../support/wire.ts";

const APP = { client_id: "cid", client_secret: "csecret" };
const APP_TOKEN = { access_token: "app-token", token_type: "Bearer", scope: "read write follow push", created_at: 1785592219 };
const USER_TOKEN = { access_token: "user-token", token_type: "Bearer", scope: "read write follow push", created_at: 1785592219 };
/** The refusal recorded from Mastodon 4.6 (cassettes/test_app_account_create_invalid.yaml). */
const REFUSAL = {
  error: "Validation failed: Password can't be blank, Service agreement must be accepted",
  details: {
    password: [{ error: "ERR_BLANK", description: "can't be blank" }],
    agreement: [{ error: "ERR_ACCEPTED", description: "must be accepted" }],
  },
};

/** The client has the app's credentials and no token: sign-up gets its own. */
function withServer(reply: (request: RecordedRequest) => Reply, body: (m: Mastodon, requests: RecordedRequest[]) => Promise<void>): Promise<void> {
  return withScriptedServer(reply, body, { access_token: null, ...APP });
}

function signUp(accounts: Reply, token: Reply = { body: APP_TOKEN }): (request: RecordedRequest) => Reply {
  return (r) => (r.path === "/oauth/token" ? token : r.path === "/api/v1/accounts" ? accounts : { body: {} });
}

const form = (r: RecordedRequest | undefined): Record<string, string> => Object.fromEntries(r?.form ?? []);

test("createAccount gets an app token, signs up with it, keeps the user's token, and writes the token file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-signup-"));
  try {
    await withServer(signUp({ body: USER_TOKEN }), async (m, requests) => {
      const file = join(dir, "user.secret");
      const token = await m.createAccount("coolguy", "swordfish", "email@localhost", { agreement: true, to_file: file });
      assert.equal(token, "user-token");
      assert.equal(m.access_token, "user-token");
      await m.emailResendConfirmation();

      const [oauth, signup, resend] = requests;
      assert.equal(oauth?.path, "/oauth/token");
      assert.deepEqual(form(oauth), { scope: "read write follow push", client_id: "cid", client_secret: "csecret", grant_type: "client_credentials" });
      assert.equal(oauth?.headers.authorization, undefined);
      assert.equal(signup?.method, "POST");
      assert.equal(signup?.headers.authorization, "Bearer app-token");
      assert.deepEqual(form(signup), {
        username: "coolguy", password: "swordfish", email: "email@localhost", agreement: "true", locale: "en",
        return_detailed_error: "false", client_id: "cid", client_secret: "csecret",
      });
      assert.equal(resend?.path, "/api/v1/emails/confirmations");
      assert.equal(resend?.headers.authorization, "Bearer user-token");
      assert.equal(resend?.body.length, 0);

      assert.equal(readFileSync(file, "utf8"), `user-token\n${m.api_base_url}\ncid\ncsecret\n`);
      assert.equal(statSync(file).mode & 0o777, 0o600);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a refused sign-up throws MastodonIllegalArgumentError, or resolves to [null, details] when asked", async () => {
  await withServer(signUp({ status: 422, body: REFUSAL }), async (m, requests) => {
    await assert.rejects(m.createAccount("coolguy", "", "email@localhost"),
      (e: unknown) => e instanceof MastodonIllegalArgumentError && /Service agreement must be accepted/.test(e.message) && e.cause instanceof MastodonAPIError);
    assert.equal(m.access_token, null);

    const [token, error] = await m.createAccount("coolguy", "", "email@localhost", { return_detailed_error: true, reason: "hi" });
    assert.equal(token, null);
    assert.equal(error.error, REFUSAL.error);
    assert.deepEqual("details" in error ? error.details.agreement : null, REFUSAL.details.agreement);
    // agreement false is left out, the empty password is sent for the server to refuse.
    assert.deepEqual(form(requests[3]), {
      username: "coolguy", password: "", email: "email@localhost", reason: "hi", locale: "en",
      return_detailed_error: "true", client_id: "cid", client_secret: "csecret",
    });
  });
});

test("the refusal details keep the per-field errors of `password` too", async () => {
  await withServer(signUp({ status: 422, body: REFUSAL }), async (m) => {
    const [, error] = await m.createAccount("coolguy", "", "email@localhost", { return_detailed_error: true });
    assert.deepEqual("details" in error ? error.details : null, REFUSAL.details);
  });
});

test("a successful detailed sign-up resolves to [token, {}]; date_of_birth goes as YYYY-MM-DD", async () => {
  await withServer(signUp({ body: USER_TOKEN }), async (m, requests) => {
    const result = await m.createAccount("a", "b", "c@d", { agreement: true, return_detailed_error: true, date_of_birth: new Date(Date.UTC(2000, 1, 29)), locale: "de" });
    assert.deepEqual(result, ["user-token", {}]);
    assert.equal(requests[1]?.form.get("date_of_birth"), "2000-02-29");
    assert.equal(requests[1]?.form.get("locale"), "de");
  });
});

test("a failed app-token step and missing scopes are reported", async () => {
  await withServer(signUp({ body: USER_TOKEN }, { status: 401, body: { error: "invalid_client" } }), async (m, requests) => {
    await assert.rejects(m.createAccount("a", "b", "c@d", { agreement: true }),
      (e: unknown) => e instanceof MastodonIllegalArgumentError && /oauth phase/.test(e.message) && /invalid_client/.test(e.message));
    assert.equal(requests.length, 1, "no sign-up without an app token");
  });
  await withServer(signUp({ body: { ...USER_TOKEN, scope: "read" } }), async (m) => {
    await assert.rejects(m.createAccount("a", "b", "c@d", { agreement: true }),
      (e: unknown) => e instanceof MastodonAPIError && /without: write follow push/.test(e.message));
  });
});

test("createAccount refuses bad arguments before any request", async () => {
  const noFetch = (): Promise<Response> => Promise.reject(new Error("a request was sent for an invalid argument"));
  const app = new Mastodon({ api_base_url: "https://example.social", ...APP, fetch: noFetch });
  const bare = new Mastodon({ api_base_url: "https://example.social", fetch: noFetch });
  const refused = (call: Promise<unknown>, message: RegExp): Promise<void> =>
    assert.rejects(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  await refused(bare.createAccount("a", "b", "c@d", { agreement: true }), /client_id and client_secret/);
  await refused(app.createAccount("a", "b", "c@d", { date_of_birth: "29.02.2000" }), /date_of_birth/);
  await refused(app.createAccount("a", "b", "c@d", { date_of_birth: new Date("nope") }), /date_of_birth/);
  await refused(app.createAccount("a", "b", "c@d", { scopes: ["sudo"] }), /scope/);
  await refused(app.createAccount("a", 5 as unknown as string, "c@d"), /password/);
});
