/**
 * The app and the login seen from the client: the app's own credentials, the OpenID Connect
 * userinfo of the user, and the credentials worth saving.
 * https://docs.joinmastodon.org/methods/apps/#verify_credentials, https://docs.joinmastodon.org/methods/oauth/#userinfo
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { Application, OAuthUserInfo } from "../entities/index.js";
import { oauthAuthorizationServerInfo } from "./oauth.js";

/** The app behind the client's token (checks that the token works). */
export async function appVerifyCredentials(this: MastodonClient): Promise<Application> {
  return this.request({ method: "GET", path: "/api/v1/apps/verify_credentials", version: ["2.0.0", "2.7.2"] });
}

/**
 * The logged-in user as OpenID Connect userinfo (needs the `profile` scope), from the endpoint
 * the server's OAuth metadata names, or /oauth/userinfo.
 */
export async function oauthUserinfo(this: MastodonClient): Promise<OAuthUserInfo> {
  const info = await oauthAuthorizationServerInfo.call(this);
  const discovered = typeof info.userinfo_endpoint === "string" ? info.userinfo_endpoint : null;
  // The token goes along: never to a plain-http endpoint when the instance itself is https.
  if (discovered?.startsWith("http://") && this.api_base_url.startsWith("https://")) {
    throw new MastodonIllegalArgumentError(`The server's userinfo endpoint ${discovered} is not https`);
  }
  const url = discovered ?? "/oauth/userinfo";
  return this.request({ method: "GET", path: url, version: ["4.3.0", "4.3.0"] });
}

/** What a program needs to store to log in again later: pass it to `new Mastodon(...)`. */
export interface PersistableLoginCredentials {
  api_base_url: string;
  client_id: string | null;
  client_secret: string | null;
  access_token: string | null;
}

/** The client's credentials as a plain, JSON-safe object that the constructor accepts. */
export function persistableLoginCredentials(this: MastodonClient): PersistableLoginCredentials {
  return { api_base_url: this.api_base_url, client_id: this.client_id, client_secret: this.client_secret, access_token: this.access_token };
}
