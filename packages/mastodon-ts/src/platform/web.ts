/**
 * The browser's side of ./node.ts, swapped in by bundlers through the package's "browser" field:
 * requests go over fetch, and credentials are what they say (a browser has no credential files).
 */
import type { Transport } from "../core/transport.js";
import type { Credentials } from "./types.js";

export function defaultTransport(viaFetch: Transport): Transport {
  return viaFetch;
}

/**
 * None: a browser sends its own User-Agent. One set by the page (Firefox sends it) is a
 * non-standard header: a preflight for every call, and refused by servers that list the request
 * headers they accept.
 */
export function userAgentHeaders(_userAgent: string): Record<string, string> {
  return {};
}

/** A browser has no credential files: the credentials are what the options say. */
export function readCredentialFiles(_client: Credentials): void {}
