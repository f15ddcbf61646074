/**
 * Apps, OAuth and sign-up. Several Mastodon.py methods send more than one request here:
 * log_in, revoke_access_token and oauth_userinfo read the server's OAuth metadata first,
 * create_account gets an app token first; the entries look ahead to tell them apart.
 */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

const WELL_KNOWN = "GET /.well-known/oauth-authorization-server";

const scopesOf = (r: RecordedCall, key = "scope"): string[] | undefined => r.str(key)?.split(" ");

/** Grant type of the token request `offset` places ahead. */
function grantAhead(r: RecordedCall, offset: number): string | undefined {
  return r.nextIs("POST /oauth/token", offset) ? r.ahead(offset)?.str("grant_type") : undefined;
}

/** log_in's options, from its token request. */
function logInOptions(r: RecordedCall, offset: number): Record<string, unknown> {
  const token = r.ahead(offset);
  const get = (key: string) => token?.str(key);
  return {
    username: get("username"), password: get("password"), code: get("code"), refresh_token: get("refresh_token"),
    redirect_uri: get("redirect_uri"), scopes: get("scope")?.split(" "),
  };
}

/** Mastodon.py's log_in turns a refused grant into MastodonIllegalArgumentError. */
const logInOutcome = (_r: RecordedCall, last: { response: { status: number } }) =>
  last.response.status >= 400 && last.response.status < 500 ? "MastodonIllegalArgumentError" : undefined;

/** create_account: with return_detailed_error, a refused sign-up resolves to [null, error] instead of throwing. */
function createAccount(r: RecordedCall, signUp: RecordedCall | undefined): (m: Parameters<CallEntry["call"]>[0]) => unknown {
  const form = signUp ?? r;
  return (m) => m.createAccount(form.str("username"), form.str("password"), form.str("email"), {
    agreement: form.bool("agreement"), reason: form.str("reason"), locale: form.str("locale"),
    scopes: scopesOf(r), return_detailed_error: form.bool("return_detailed_error"), date_of_birth: form.str("date_of_birth"),
  });
}

const signUpAhead = (r: RecordedCall): RecordedCall | undefined => r.ahead(1);

export const OAUTH_CALLS: readonly CallEntry[] = [
  call("POST /api/v1/apps", "Mastodon.createApp", "[string,string]", (_m, r) => r.env.statics.createApp(r.str("client_name"), {
    scopes: scopesOf(r, "scopes"), redirect_uris: r.str("redirect_uris"), website: r.str("website"),
    api_base_url: r.request.origin, fetch: r.env.fetch,
  })),
  call(WELL_KNOWN, "logIn", "string", (m, r) => m.logIn(logInOptions(r, 1)),
    { when: (r) => grantAhead(r, 1) !== undefined, outcome: logInOutcome, consumes: () => 2 }),
  call(WELL_KNOWN, "revokeAccessToken", "any", (m) => m.revokeAccessToken(), { when: (r) => r.nextIs("POST /oauth/revoke"), consumes: () => 2 }),
  call(WELL_KNOWN, "oauthUserinfo", "OAuthUserInfo", (m) => m.oauthUserinfo(), { when: (r) => r.nextIs("GET /oauth/userinfo"), consumes: () => 2 }),
  call(WELL_KNOWN, "authRequestUrl", "string", (m) => m.authRequestUrl(),
    { when: (r) => r.env.cassette.name === "test_auth_request_url" }),
  call(WELL_KNOWN, "oauthAuthorizationServerInfo", "OAuthServerInfo", (m) => m.oauthAuthorizationServerInfo()),
  call("POST /oauth/token", "createAccount", "any", (m, r) => createAccount(r, signUpAhead(r))(m), {
    when: (r) => r.str("grant_type") === "client_credentials" && r.nextIs("POST /api/v1/accounts"),
    outcome: (r, last) => (last.response.status === 422 && signUpAhead(r)?.bool("return_detailed_error") ? "resolve" : undefined),
    consumes: () => 2,
  }),
  call("POST /oauth/token", "logIn", "string", (m, r) => m.logIn(logInOptions(r, 0)), { outcome: logInOutcome }),
  call("POST /oauth/revoke", "revokeAccessToken", "any", (m) => m.revokeAccessToken()),
  call("GET /oauth/userinfo", "oauthUserinfo", "OAuthUserInfo", (m) => m.oauthUserinfo()),
  call("POST /api/v1/accounts", "createAccount", "any", (m, r) => createAccount(r, undefined)(m), {
    outcome: (r, last) => (last.response.status === 422 && r.bool("return_detailed_error") ? "resolve" : undefined),
  }),
  call("POST /api/v1/emails/confirmations", "emailResendConfirmation", "any", (m) => m.emailResendConfirmation()),
  call("GET /api/v1/apps/verify_credentials", "appVerifyCredentials", "Application", (m) => m.appVerifyCredentials()),
];
