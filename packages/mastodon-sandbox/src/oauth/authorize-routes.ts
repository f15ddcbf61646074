// GET/POST /oauth/authorize (docs: methods/oauth.md#authorize, spec/oauth.md): a sign-in and
// consent form for the seeded users; approval redirects to redirect_uri with code and state,
// or shows the code for urn:ietf:wg:oauth:2.0:oob. PKCE (S256), force_login and lang work.
import { randomBytes } from "node:crypto";
import type { Context } from "../server/context.js";
import type { Params } from "../server/params.js";
import { html, redirect } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { AccountRecord, ApplicationRecord } from "../state/types.js";
import { findClient, grantedScopes, OOB } from "./clients.js";
import { authorizePage, codePage, errorPage, pageLang } from "./pages.js";

const SESSION_COOKIE = "_sandbox_session";
const CARRIED = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "lang"];

interface Validated {
  app: ApplicationRecord;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | null;
}

function withQuery(uri: string, values: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Doorkeeper's pre-authorization: errors about the client render a page, the rest redirect. */
function validate(c: Context, p: Params): Validated | Response {
  const lang = pageLang(p.str("lang"));
  const app = findClient(c.core, p.str("client_id"));
  if (!app) {
    return html(errorPage(lang, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."), 401);
  }
  const redirectUri = p.str("redirect_uri") ?? (app.redirectUris.length === 1 ? app.redirectUris[0] : undefined);
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    return html(errorPage(lang, "invalid_redirect_uri", "The redirect uri included is not valid."), 400);
  }
  const state = p.str("state");
  const fail = (error: string, description: string) =>
    redirectUri === OOB ? html(errorPage(lang, error, description), 400) : redirect(withQuery(redirectUri, { error, error_description: description, state }));
  if (p.str("response_type") !== "code") return fail("unsupported_response_type", "The authorization server does not support this response type.");
  const scopes = grantedScopes(app, p.str("scope"));
  if (!scopes) return fail("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
  const challenge = p.str("code_challenge");
  if (challenge && (p.str("code_challenge_method") ?? "plain") !== "S256") {
    return fail("invalid_request", "The code challenge method must be S256.");
  }
  return { app, redirectUri, scopes, state, codeChallenge: challenge || null };
}

function sessionAccount(c: Context): AccountRecord | undefined {
  const cookie = c.header("cookie") ?? "";
  const id = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  const accountId = id ? c.store.sessions.get(id) : undefined;
  return accountId ? c.store.accounts.get(accountId) : undefined;
}

function hiddenFields(p: Params): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of CARRIED) {
    const value = p.str(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

export function oauthAuthorizeRoutes(r: Router): void {
  r.get("/oauth/authorize", {}, (c) => {
    const checked = validate(c, c.params);
    if (checked instanceof Response) return checked;
    const signedIn = c.params.bool("force_login") ? undefined : sessionAccount(c);
    return html(authorizePage({
      lang: pageLang(c.params.str("lang")),
      appName: checked.app.name,
      scopes: checked.scopes,
      hidden: hiddenFields(c.params),
      signedInAs: signedIn?.username ?? null,
      error: null,
    }));
  });

  r.post("/oauth/authorize", {}, (c) => {
    const p = c.params;
    const checked = validate(c, p);
    if (checked instanceof Response) return checked;
    const lang = pageLang(p.str("lang"));
    const denied = p.str("decision") === "deny" || p.str("_method")?.toLowerCase() === "delete";
    if (denied) {
      const description = "The resource owner or authorization server denied the request.";
      return checked.redirectUri === OOB
        ? html(errorPage(lang, "access_denied", description), 400)
        : redirect(withQuery(checked.redirectUri, { error: "access_denied", error_description: description, state: checked.state }));
    }
    const user = p.obj("user");
    const login = p.str("username") ?? user?.str("email");
    const password = p.str("password") ?? user?.str("password");
    let account = login === undefined ? sessionAccount(c) : undefined;
    if (login !== undefined) {
      const candidate = c.store.accountByLogin(login);
      account = candidate && candidate.password === password && !candidate.suspended ? candidate : undefined;
    }
    if (!account) {
      return html(authorizePage({
        lang,
        appName: checked.app.name,
        scopes: checked.scopes,
        hidden: hiddenFields(p),
        signedInAs: null,
        error: "Invalid e-mail address or password.",
      }), 422);
    }
    const session = randomBytes(16).toString("hex");
    c.store.sessions.set(session, account.id);
    const code = randomBytes(32).toString("base64url");
    c.store.authCodes.set(code, {
      code,
      applicationId: checked.app.id,
      accountId: account.id,
      scopes: checked.scopes,
      redirectUri: checked.redirectUri,
      codeChallenge: checked.codeChallenge,
      expiresAt: c.core.now() + 10 * 60_000,
    });
    const cookie = { "set-cookie": `${SESSION_COOKIE}=${session}; path=/; HttpOnly; SameSite=Lax` };
    if (checked.redirectUri === OOB) return redirect(`/oauth/authorize/native?code=${encodeURIComponent(code)}&lang=${lang}`, cookie);
    return redirect(withQuery(checked.redirectUri, { code, state: checked.state }), cookie);
  });

  r.get("/oauth/authorize/native", {}, (c) => html(codePage(pageLang(c.params.str("lang")), c.params.str("code") ?? "")));
}
