/**
 * The browser's side of ./node.ts, swapped in by bundlers through the package's "browser" field:
 * requests go over fetch, and credentials are what they say (a browser has no credential files).
 */
import type { Transport } from "../core/transport.js";
import type { Credentials } from "./types.js";

export function defaultTransport(viaFetch: Transport): Transport {
  return viaFetch;
}

export function credentialsFromFiles(given: Credentials): Credentials & { client_name: string | null } {
  return { ...given, client_name: null };
}
