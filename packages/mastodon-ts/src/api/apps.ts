/** Registering an application. https://docs.joinmastodon.org/methods/apps/ */
import { MastodonClient } from "../core/client.js";
import { checkCredentialFileWritable, writeAppFile } from "../core/credentials.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { DEFAULT_SCOPES, type FetchLike } from "../core/options.js";
import { checkScopes } from "../internal/oauth-helpers.js";
import { OOB_REDIRECT } from "./oauth.js";

export interface CreateAppOptions {
  scopes?: string[];
  /** One redirect URI or several; the default shows the code to the user instead of redirecting. */
  redirect_uris?: string | string[] | null;
  website?: string | null;
  /** Write the app file (Mastodon.py's format, mode 0600). */
  to_file?: string | null;
  api_base_url: string;
  request_timeout?: number;
  user_agent?: string;
  fetch?: FetchLike;
  /** Mastodon.py's requests session; here any value is ignored (fetch has no sessions). */
  session?: unknown;
}

interface CreatedApp {
  client_id: string;
  client_secret: string;
}

/** Registers an app on an instance; resolves to [client_id, client_secret]. */
export async function createApp(client_name: string, options: CreateAppOptions): Promise<[string, string]> {
  if (!client_name) throw new MastodonIllegalArgumentError("client_name must not be empty");
  if (!options?.api_base_url) throw new MastodonIllegalArgumentError("createApp needs api_base_url");
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  checkScopes(scopes);
  if (options.to_file) checkCredentialFileWritable(options.to_file);
  const client = new MastodonClient({
    api_base_url: options.api_base_url,
    ...(options.request_timeout !== undefined ? { request_timeout: options.request_timeout } : {}),
    ...(options.user_agent !== undefined ? { user_agent: options.user_agent } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const redirect = options.redirect_uris ?? OOB_REDIRECT;
  const app = await client.request<CreatedApp>({
    method: "POST",
    path: "/api/v1/apps",
    auth: false,
    raw: true,
    params: {
      client_name,
      scopes: scopes.join(" "),
      redirect_uris: Array.isArray(redirect) ? redirect.join("\n") : redirect,
      website: options.website ?? undefined,
    },
  });
  if (options.to_file) {
    writeAppFile(options.to_file, { client_id: app.client_id, client_secret: app.client_secret, api_base_url: client.api_base_url, client_name });
  }
  return [app.client_id, app.client_secret];
}
