/**
 * What the client does differently on Node, Deno and Bun: requests over node:http with keep-alive,
 * and credentials read from the files that `createApp` and `logIn` write (as Mastodon.py does).
 * Browser bundles get ./web.ts in this module's place (the package's "browser" field), so none of
 * this reaches them. Both modules export the same names; a test holds them to one shape.
 */
import { readAppFile, readTokenFile } from "../core/credentials.js";
import type { Transport } from "../core/transport.js";
import { isExistingFile } from "../internal/node.js";
import { nodeTransport } from "./node-transport.js";
import type { Credentials } from "./types.js";

/** The transport a client uses when no `fetch` is given: node:http where reachable, else fetch. */
export function defaultTransport(viaFetch: Transport): Transport {
  return nodeTransport(viaFetch) ?? viaFetch;
}

/**
 * Mastodon.py takes a client_id or access_token that names an existing file as that file:
 * its lines give the secret and fill in what the options left out.
 */
export function credentialsFromFiles(given: Credentials): Credentials & { client_name: string | null } {
  const out = { ...given, client_name: null as string | null };
  if (out.client_id && isExistingFile(out.client_id)) {
    const app = readAppFile(out.client_id);
    out.client_id = app.client_id;
    out.client_secret ??= app.client_secret ?? null;
    out.api_base_url ??= app.api_base_url ?? null;
    out.client_name = app.client_name ?? null;
  }
  if (out.access_token && isExistingFile(out.access_token)) {
    const token = readTokenFile(out.access_token);
    out.access_token = token.access_token;
    out.api_base_url ??= token.api_base_url ?? null;
    out.client_id ??= token.client_id ?? null;
    out.client_secret ??= token.client_secret ?? null;
  }
  return out;
}
