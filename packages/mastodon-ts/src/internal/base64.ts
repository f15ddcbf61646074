/**
 * Base64 for PKCE verifiers and Web Push keys. Keys arrive in both alphabets: browsers and RFC 8291
 * use base64url without padding, Mastodon.py sends standard base64 with padding. Decoding accepts either.
 */
import { MastodonIllegalArgumentError } from "../core/errors.js";

/** Bytes that Web Crypto accepts (an ArrayBuffer-backed Uint8Array). */
export type Bytes = Uint8Array<ArrayBuffer>;

function toBinary(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return binary;
}

/** Standard base64 with padding (what Mastodon.py puts on the wire). */
export function base64Encode(bytes: Uint8Array): string {
  return btoa(toBinary(bytes));
}

/** base64url without padding (RFC 7515 §2, what browsers and the Web Push RFCs use). */
export function base64UrlEncode(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64 or base64url, padded or not; throws naming `argument` on bad input. */
export function base64Decode(text: string, argument: string): Bytes {
  const normal = text.trim().replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(normal) || normal.length % 4 === 1) {
    throw new MastodonIllegalArgumentError(`${argument} is not valid base64 or base64url`);
  }
  const binary = atob(normal + "=".repeat((4 - (normal.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Bytes given as a Uint8Array or as (url-safe) base64 text, copied into a fresh buffer. */
export function bytesOf(value: Uint8Array | string, argument: string): Bytes {
  if (typeof value === "string") return base64Decode(value, argument);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new MastodonIllegalArgumentError(`${argument} must be a Uint8Array or a base64 string`);
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function utf8(text: string): Bytes {
  return new Uint8Array(new TextEncoder().encode(text));
}
