/**
 * What the client does differently outside browsers (Node, Deno, Bun): credentials read from the
 * files that `createApp` and `logIn` write (as Mastodon.py does), and on Node itself requests and
 * SSE streams over node:http with keep-alive. Browser bundles get ./web.ts in this module's place
 * (the package's "browser" field), so none of this reaches them. Both modules export the same
 * names; a test holds them to one shape.
 */
import { readAppFile, readTokenFile } from "../core/credentials.js";
import type { Transport } from "../core/transport.js";
import { isExistingFile } from "./builtins.js";
import { nodeTextStream } from "./node-stream.js";
import { nodeTransport } from "./node-transport.js";
import type { Credentials } from "./types.js";

/** Node itself, not Bun or Deno (which also say which Node version they stand for). */
function isNode(): boolean {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  return versions?.node !== undefined && versions.bun === undefined && versions.deno === undefined;
}

/**
 * The transport a client uses when no `fetch` is given: whichever is faster in the runtime
 * (`npm run bench:runtimes` measures both; docs/runtimes.md has a run). On Node, node:http: Node's
 * fetch (undici) costs more per call, and its web streams read SSE more slowly. Bun's and Deno's
 * fetch are their own native clients and beat their node:http layers, in calls and in SSE events
 * per second, so there, and in browsers, it is fetch.
 */
export function defaultTransport(viaFetch: Transport): Transport {
  const transport = isNode() ? nodeTransport(viaFetch) : null;
  if (!transport) return viaFetch;
  transport.openTextStream = nodeTextStream;
  return transport;
}

/** The User-Agent header every request and SSE stream carries (the client's `user_agent`). */
export function userAgentHeaders(userAgent: string): Record<string, string> {
  return { "User-Agent": userAgent };
}

/**
 * Mastodon.py takes a client_id or access_token that names an existing file as that file:
 * its lines give the secret and fill in what the options left out. Updates `client` in place.
 */
export function readCredentialFiles(client: Credentials): void {
  if (client.client_id && isExistingFile(client.client_id)) {
    const app = readAppFile(client.client_id);
    client.client_id = app.client_id;
    client.client_secret ??= app.client_secret ?? null;
    client.api_base_url ||= app.api_base_url ?? "";
    client.client_name = app.client_name ?? null;
  }
  if (client.access_token && isExistingFile(client.access_token)) {
    const token = readTokenFile(client.access_token);
    client.access_token = token.access_token;
    client.api_base_url ||= token.api_base_url ?? "";
    client.client_id ??= token.client_id ?? null;
    client.client_secret ??= token.client_secret ?? null;
  }
}
