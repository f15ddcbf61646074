/**
 * The standard "aes128gcm" content encoding (RFC 8188 with RFC 8291's keys): what Mastodon 4.4+
 * sends to `standard` subscriptions. Salt, record size and the sender's key are in the body.
 */
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { concatBytes, utf8, type Bytes } from "../base64.js";
import { decryptRecords, ecdhSecret, hkdf, type Receiver } from "./keys.js";

export async function decryptAes128gcm(body: Bytes, receiver: Receiver): Promise<Bytes> {
  // Header (RFC 8188 §2.1): salt (16) || rs (uint32) || idlen (uint8) || keyid (the sender's key).
  if (body.length < 21) throw new MastodonIllegalArgumentError("the push message is too short for an aes128gcm header");
  const salt = body.slice(0, 16);
  const recordSize = new DataView(body.buffer, body.byteOffset + 16, 4).getUint32(0);
  const idLength = body[20] ?? 0;
  const senderPublic = body.slice(21, 21 + idLength);
  if (recordSize < 18) throw new MastodonIllegalArgumentError("the push message's record size is invalid");

  const secret = await ecdhSecret(receiver, senderPublic);
  // RFC 8291 §3.3/§3.4: key_info = "WebPush: info" || 0 || ua_public || as_public
  const keyInfo = concatBytes(utf8("WebPush: info\0"), receiver.publicKey, senderPublic);
  const ikm = await hkdf(receiver.auth, secret, keyInfo, 32);
  const cek = await hkdf(salt, ikm, utf8("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, utf8("Content-Encoding: nonce\0"), 12);

  const records = await decryptRecords(cek, nonce, body.subarray(21 + idLength), recordSize);
  // Each record: data, a delimiter (2 in the last record, 1 before), then zero padding.
  return concatBytes(...records.map((record, index) => {
    let end = record.length - 1;
    while (end >= 0 && record[end] === 0) end--;
    const expected = index === records.length - 1 ? 2 : 1;
    if (end < 0 || record[end] !== expected) throw new MastodonIllegalArgumentError("the push message has invalid padding");
    return record.subarray(0, end);
  }));
}
