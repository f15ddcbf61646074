/**
 * The legacy "aesgcm" content encoding (draft-ietf-webpush-encryption-04 over
 * draft-ietf-httpbis-encryption-encoding-03): what Mastodon sends to subscriptions that are not
 * `standard`. The salt comes in the Encryption header, the sender's key in Crypto-Key's `dh`.
 */
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { base64Decode, concatBytes, utf8, type Bytes } from "../base64.js";
import { decryptRecords, ecdhSecret, hkdf, type Receiver } from "./keys.js";

/** The `name=value` parameters of an Encryption or Crypto-Key header (all of its entries). */
export function headerParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of header.split(/[;,]/)) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

function uint16(value: number): Bytes {
  return new Uint8Array([value >> 8, value & 0xff]);
}

export async function decryptAesgcm(body: Bytes, receiver: Receiver, encryptionHeader: string, cryptoKeyHeader: string): Promise<Bytes> {
  const encryption = headerParams(encryptionHeader);
  const cryptoKey = headerParams(cryptoKeyHeader);
  const saltText = encryption.get("salt");
  const dhText = cryptoKey.get("dh");
  if (!saltText) throw new MastodonIllegalArgumentError("encryption_header has no salt=");
  if (!dhText) throw new MastodonIllegalArgumentError("crypto_key_header has no dh=");
  const salt = base64Decode(saltText, "the Encryption header's salt");
  if (salt.length !== 16) throw new MastodonIllegalArgumentError("the Encryption header's salt must be 16 bytes");
  const recordSize = Number(encryption.get("rs") ?? 4096);
  if (!Number.isInteger(recordSize) || recordSize < 2) throw new MastodonIllegalArgumentError("the Encryption header's rs is not a valid record size");
  const senderPublic = base64Decode(dhText, "the Crypto-Key header's dh");

  const secret = await ecdhSecret(receiver, senderPublic);
  const ikm = await hkdf(receiver.auth, secret, utf8("Content-Encoding: auth\0"), 32);
  // context = label || 0 || len(receiver) || receiver || len(sender) || sender
  const context = concatBytes(utf8("P-256\0"), uint16(receiver.publicKey.length), receiver.publicKey, uint16(senderPublic.length), senderPublic);
  const cek = await hkdf(salt, ikm, concatBytes(utf8("Content-Encoding: aesgcm\0"), context), 16);
  const nonce = await hkdf(salt, ikm, concatBytes(utf8("Content-Encoding: nonce\0"), context), 12);

  // Each record: a two-byte padding length, that many zero bytes, then data; rs excludes the tag.
  const records = await decryptRecords(cek, nonce, body, recordSize + 16);
  return concatBytes(...records.map((record) => {
    const padding = ((record[0] ?? 0) << 8) | (record[1] ?? 0);
    if (record.length < 2 || padding + 2 > record.length || record.subarray(2, 2 + padding).some((byte) => byte !== 0)) {
      throw new MastodonIllegalArgumentError("the push message has invalid padding");
    }
    return record.subarray(2 + padding);
  }));
}
