// Client authentication and scope validation shared by the OAuth endpoints (Doorkeeper rules).
import type { Core } from "../core.js";
import { oauthErrors } from "../server/errors.js";
import type { Params } from "../server/params.js";
import type { ApplicationRecord } from "../state/types.js";
import { isSupportedScope, parseScopes } from "./scopes.js";

export const OOB = "urn:ietf:wg:oauth:2.0:oob";

/** client_id/client_secret from the body, or from HTTP Basic auth (client_secret_basic). */
export function clientCredentials(request: Request, params: Params): { clientId?: string; clientSecret?: string } {
  const header = request.headers.get("authorization");
  const basic = header ? /^Basic\s+(.+)$/i.exec(header.trim()) : null;
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return { clientId: params.str("client_id"), clientSecret: params.str("client_secret") };
}

export function findClient(core: Core, clientId: string | undefined): ApplicationRecord | undefined {
  if (!clientId) return undefined;
  for (const app of core.store.applications.values()) if (app.clientId === clientId) return app;
  return undefined;
}

/** The app whose id and secret both match, or invalid_client (401). */
export function authenticateClient(core: Core, request: Request, params: Params): ApplicationRecord {
  const { clientId, clientSecret } = clientCredentials(request, params);
  const app = findClient(core, clientId);
  if (!app || app.clientSecret !== clientSecret) throw oauthErrors.invalidClient();
  return app;
}

/** Requested scopes, defaulting to `read`; each must be known and registered by the app. */
export function grantedScopes(app: ApplicationRecord, requested: string | undefined): string[] | undefined {
  const scopes = parseScopes(requested);
  const wanted = scopes.length > 0 ? scopes : ["read"];
  return wanted.every((s) => isSupportedScope(s) && app.scopes.includes(s)) ? wanted : undefined;
}
