/**
 * Web Push keys and the Web Crypto primitives both content encodings share: ECDH on P-256,
 * HKDF-SHA-256 and AES-128-GCM records. Everything runs on `globalThis.crypto.subtle`.
 */
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import { base64UrlEncode, bytesOf, type Bytes } from "../base64.js";
import { bigintFromBytes, bytesFromBigint, p256PublicKey } from "./p256.js";

/**
 * The receiving side's secret half, as `pushSubscriptionGenerateKeys()` makes it: base64url strings,
 * so it can be stored as JSON. `privkey` may also be given as a bigint (Mastodon.py keeps it as an
 * int) or as 32 bytes; `pubkey` is optional and is computed from `privkey` when missing.
 */
export interface WebPushPrivateKey {
  privkey: string | bigint | Uint8Array;
  auth: string | Uint8Array;
  pubkey?: string | Uint8Array | null;
}

/** The half that goes to the server in `pushSubscriptionSet`: the public point and the auth secret. */
export interface WebPushPublicKey {
  pubkey: string | Uint8Array;
  auth: string | Uint8Array;
}

/** A receiver ready to decrypt: its ECDH key, its public point, its auth secret. */
export interface Receiver {
  privateKey: CryptoKey;
  publicKey: Bytes;
  auth: Bytes;
}

const ECDH_P256 = { name: "ECDH", namedCurve: "P-256" } as const;

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle) throw new MastodonIllegalArgumentError("Web Push needs Web Crypto (globalThis.crypto.subtle), which this runtime lacks");
  return crypto.subtle;
}

/** A fresh key pair and 16-byte auth secret: [private half, public half]. */
export async function generateKeys(): Promise<[{ privkey: string; pubkey: string; auth: string }, { pubkey: string; auth: string }]> {
  const pair = await subtle().generateKey(ECDH_P256, true, ["deriveBits"]);
  const jwk = await subtle().exportKey("jwk", pair.privateKey);
  const pubkey = base64UrlEncode(new Uint8Array(await subtle().exportKey("raw", pair.publicKey)));
  const auth = base64UrlEncode(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  if (!jwk.d) throw new MastodonIllegalArgumentError("Web Crypto did not export the private key");
  return [{ privkey: jwk.d, pubkey, auth }, { pubkey, auth }];
}

function scalarOf(privkey: WebPushPrivateKey["privkey"]): Bytes {
  if (typeof privkey === "bigint") return bytesFromBigint(privkey, 32);
  const bytes = bytesOf(privkey, "decrypt_params.privkey");
  if (bytes.length !== 32) throw new MastodonIllegalArgumentError(`decrypt_params.privkey must be 32 bytes, got ${bytes.length}`);
  return bytes;
}

/** Checks an uncompressed P-256 point (65 bytes starting with 4). */
export function checkPoint(point: Uint8Array, argument: string): void {
  if (point.length !== 65 || point[0] !== 4) {
    throw new MastodonIllegalArgumentError(`${argument} must be an uncompressed P-256 public key (65 bytes starting with 0x04)`);
  }
}

export async function importReceiver(params: WebPushPrivateKey): Promise<Receiver> {
  if (!params || typeof params !== "object") throw new MastodonIllegalArgumentError("decrypt_params must be the private half from pushSubscriptionGenerateKeys()");
  const d = scalarOf(params.privkey);
  const publicKey = params.pubkey ? bytesOf(params.pubkey, "decrypt_params.pubkey") : p256PublicKey(bigintFromBytes(d));
  checkPoint(publicKey, "decrypt_params.pubkey");
  const auth = bytesOf(params.auth, "decrypt_params.auth");
  if (auth.length !== 16) throw new MastodonIllegalArgumentError(`decrypt_params.auth must be 16 bytes, got ${auth.length}`);
  const jwk: JsonWebKey = {
    kty: "EC", crv: "P-256", ext: true,
    d: base64UrlEncode(d), x: base64UrlEncode(publicKey.subarray(1, 33)), y: base64UrlEncode(publicKey.subarray(33, 65)),
  };
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().importKey("jwk", jwk, ECDH_P256, false, ["deriveBits"]);
  } catch (cause) {
    throw new MastodonIllegalArgumentError("decrypt_params does not hold a valid P-256 key pair", { cause });
  }
  return { privateKey, publicKey, auth };
}

/** The ECDH shared secret (32 bytes) between the receiver and the sender's public point. */
export async function ecdhSecret(receiver: Receiver, senderPublic: Bytes): Promise<Bytes> {
  checkPoint(senderPublic, "the sender's public key (dh / keyid)");
  let peer: CryptoKey;
  try {
    peer = await subtle().importKey("raw", senderPublic, ECDH_P256, false, []);
  } catch (cause) {
    throw new MastodonIllegalArgumentError("the sender's public key is not a point on P-256", { cause });
  }
  return new Uint8Array(await subtle().deriveBits({ name: "ECDH", public: peer }, receiver.privateKey, 256));
}

/** HKDF-SHA-256 (RFC 5869): `length` bytes from `ikm` with `salt` and `info`. */
export async function hkdf(salt: Bytes, ikm: Bytes, info: Bytes, length: number): Promise<Bytes> {
  const key = await subtle().importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await subtle().deriveBits({ name: "HKDF", hash: "SHA-256", salt, info }, key, length * 8));
}

/**
 * Decrypts the AES-128-GCM records of a message: record i uses NONCE XOR i (RFC 8188 §2.3).
 * `recordSize` is the size of one encrypted record, tag included. Returns the padded plaintexts.
 */
export async function decryptRecords(cek: Bytes, nonce: Bytes, ciphertext: Bytes, recordSize: number): Promise<Bytes[]> {
  const key = await subtle().importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const records: Bytes[] = [];
  for (let offset = 0, seq = 0; offset < ciphertext.length; offset += recordSize, seq++) {
    const record = ciphertext.subarray(offset, offset + recordSize);
    if (record.length <= 16) throw new MastodonIllegalArgumentError("the push message is truncated (a record shorter than its tag)");
    const iv = new Uint8Array(nonce);
    for (let i = 0, s = seq; i < 6; i++, s = Math.floor(s / 256)) iv[11 - i]! ^= s % 256;
    try {
      records.push(new Uint8Array(await subtle().decrypt({ name: "AES-GCM", iv }, key, record)));
    } catch (cause) {
      throw new MastodonIllegalArgumentError("the push message could not be decrypted: wrong keys, wrong headers or damaged data", { cause });
    }
  }
  if (records.length === 0) throw new MastodonIllegalArgumentError("the push message has no content");
  return records;
}
