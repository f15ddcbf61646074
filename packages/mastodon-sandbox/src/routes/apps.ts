// Registering client applications (docs: methods/apps.md).
import { OOB } from "../oauth/clients.js";
import { isSupportedScope, parseScopes } from "../oauth/scopes.js";
import { renderApplication } from "../render/misc.js";
import { validationFailed } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { createApplication } from "../services/accounts.js";

function validRedirectUri(uri: string): boolean {
  if (uri === OOB) return true;
  try {
    return new URL(uri).protocol !== "";
  } catch {
    return false;
  }
}

export function appRoutes(r: Router): void {
  r.post("/api/v1/apps", {}, (c) => {
    const p = c.params;
    const name = p.str("client_name") ?? "";
    // redirect_uris may be one string with several URIs on separate lines, or an array (4.3+).
    const redirectUris = p.list("redirect_uris").flatMap((u) => u.split(/\s+/)).filter((u) => u !== "");
    const scopes = parseScopes(p.list("scopes").join(" "));
    const errors: string[] = [];
    if (name.trim() === "") errors.push("Application name can't be blank");
    if (redirectUris.length === 0) errors.push("Redirect URI can't be blank");
    else if (!redirectUris.every(validRedirectUri)) errors.push("Redirect URI must be an absolute URI.");
    if (!scopes.every(isSupportedScope)) errors.push("Scopes are invalid");
    if (errors.length > 0) throw validationFailed(...errors);
    const website = p.str("website");
    const app = createApplication(c.core, {
      name,
      website: website && website !== "" ? website : null,
      redirectUris,
      scopes: scopes.length > 0 ? scopes : ["read"],
    });
    return json(renderApplication(app, true));
  });

  r.get("/api/v1/apps/verify_credentials", { access: "app" }, (c) => {
    const app = c.auth?.application;
    if (!app) throw validationFailed("Application is missing");
    return json(renderApplication(app, false));
  });
}
