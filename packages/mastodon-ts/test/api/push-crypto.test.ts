/**
 * Web Push decryption. The encrypting side here is written independently with node:crypto
 * (following draft-ietf-webpush-encryption-04 for "aesgcm", as Mastodon's webpush gem does, and
 * RFC 8291 for "aes128gcm"); the library decrypts with Web Crypto. Plus RFC 8291's Appendix A vector.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { decryptAes128gcm } from "../../src/internal/webpush/aes128gcm.ts";
import { importReceiver } from "../../src/internal/webpush/keys.ts";
import { bigintFromBytes, p256PublicKey } from "../../src/internal/webpush/p256.ts";

const m = new Mastodon({ api_base_url: "https://example.social", fetch: async () => { throw new Error("no request expected"); } });
const b64u = (text: string): Buffer => Buffer.from(text, "base64url");
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number): Buffer => Buffer.from(hkdfSync("sha256", ikm, salt, info, length));
const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);

/** The nonce of record `seq`: NONCE XOR seq, big-endian in the last bytes. */
function recordNonce(nonce: Buffer, seq: number): Buffer {
  const out = Buffer.from(nonce);
  out.writeUInt32BE((out.readUInt32BE(8) ^ seq) >>> 0, 8); // seq stays far below 2^32 here
  return out;
}

function seal(key: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv("aes-128-gcm", key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Legacy aesgcm, as Mastodon sends it: salt and dh in headers, 2-byte padding length per record. */
function encryptAesgcm(plaintext: Buffer, uaPublic: Buffer, auth: Buffer, rs = 4096, pad = 0) {
  const sender = createECDH("prime256v1");
  const asPublic = sender.generateKeys();
  const salt = randomBytes(16);
  const ikm = hkdf(auth, sender.computeSecret(uaPublic), Buffer.from("Content-Encoding: auth\0"), 32);
  const context = Buffer.concat([Buffer.from("P-256\0"), u16(uaPublic.length), uaPublic, u16(asPublic.length), asPublic]);
  const cek = hkdf(salt, ikm, Buffer.concat([Buffer.from("Content-Encoding: aesgcm\0"), context]), 16);
  const nonce = hkdf(salt, ikm, Buffer.concat([Buffer.from("Content-Encoding: nonce\0"), context]), 12);
  const records: Buffer[] = [];
  let rest = Buffer.concat([Buffer.alloc(pad), plaintext]); // the first record carries the padding
  for (let seq = 0, first = true; first || rest.length > 0; seq++, first = false) {
    const padding = first ? pad : 0;
    const take = rs - 2 - padding;
    const data = rest.subarray(first ? pad : 0, (first ? pad : 0) + take);
    rest = rest.subarray((first ? pad : 0) + data.length);
    records.push(seal(cek, recordNonce(nonce, seq), Buffer.concat([u16(padding), Buffer.alloc(padding), data])));
  }
  return {
    body: Buffer.concat(records),
    encryption: `salt=${salt.toString("base64url")};rs=${rs}`,
    cryptoKey: `dh=${asPublic.toString("base64url")};p256ecdsa=BAhxXyHfAoMqrZECjRI56F5QrE4ynVlkZFMdKSpTIsWRNoWUVgut-Bnz2xsMSwiN4AF0b4I7ixF24OwiicOJivw`,
  };
}

/** RFC 8291 aes128gcm: header in the body, delimiter 1 (more records follow) or 2 (last). */
function encryptAes128gcm(plaintext: Buffer, uaPublic: Buffer, auth: Buffer, rs = 4096): Buffer {
  const sender = createECDH("prime256v1");
  const asPublic = sender.generateKeys();
  const salt = randomBytes(16);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = hkdf(auth, sender.computeSecret(uaPublic), keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0"), 12);
  const chunk = rs - 17;
  const records: Buffer[] = [];
  for (let offset = 0, seq = 0; offset === 0 || offset < plaintext.length; offset += chunk, seq++) {
    const last = offset + chunk >= plaintext.length;
    const data = plaintext.subarray(offset, offset + chunk);
    // Some zero padding after the last delimiter, within the record size.
    const padded = Buffer.concat([data, Buffer.from([last ? 2 : 1]), Buffer.alloc(last ? Math.min(3, chunk - data.length) : 0)]);
    records.push(seal(cek, recordNonce(nonce, seq), padded));
  }
  const rsBytes = Buffer.alloc(4);
  rsBytes.writeUInt32BE(rs);
  return Buffer.concat([salt, rsBytes, Buffer.from([asPublic.length]), asPublic, ...records]);
}

const notification = {
  access_token: "tok", preferred_locale: "en", notification_id: "123456", notification_type: "mention",
  icon: "https://example.social/avatars/original/missing.png", title: "Alice mentioned you", body: "@bob 🐘 hello from the test",
};

test("RFC 8291 Appendix A: the published message decrypts to the published plaintext", async () => {
  // Inputs and expected output as printed in RFC 8291, Appendix A (base64url).
  const uaPrivate = b64u("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94");
  const uaPublic = b64u("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
  const auth = "BTBZMqHH6r4Tts7J_aSIgg";
  const message = b64u(
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
    "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
    "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
  );
  // The public key is derived from the private scalar alone (as a key kept by Mastodon.py would be).
  assert.deepEqual(Buffer.from(p256PublicKey(bigintFromBytes(uaPrivate))), uaPublic);
  const receiver = await importReceiver({ privkey: uaPrivate.toString("base64url"), auth });
  const plaintext = await decryptAes128gcm(new Uint8Array(message), receiver);
  assert.equal(new TextDecoder().decode(plaintext), "When I grow up, I want to be a watermelon");
});

test("pushSubscriptionGenerateKeys makes a JSON-safe P-256 key pair and 16-byte auth secret", async () => {
  const [priv, pub] = await m.pushSubscriptionGenerateKeys();
  assert.deepEqual(JSON.parse(JSON.stringify([priv, pub])), [priv, pub]);
  assert.equal(priv.auth, pub.auth);
  assert.equal(b64u(pub.auth).length, 16);
  const point = b64u(pub.pubkey);
  assert.equal(point.length, 65);
  assert.equal(point[0], 4);
  // node:crypto agrees that the private scalar belongs to that public point.
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(b64u(priv.privkey));
  assert.deepEqual(ecdh.getPublicKey(), point);
  const [other] = await m.pushSubscriptionGenerateKeys();
  assert.notEqual(other.privkey, priv.privkey);
});

test("an aesgcm push (Mastodon's legacy encoding) decrypts with the Encryption and Crypto-Key headers", async () => {
  const [priv, pub] = await m.pushSubscriptionGenerateKeys();
  const { body, encryption, cryptoKey } = encryptAesgcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth));
  assert.deepEqual(await m.pushSubscriptionDecryptPush(body, priv, encryption, cryptoKey), notification);
  // Several records, and padding in the first one.
  const multi = encryptAesgcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth), 40, 5);
  assert.ok(multi.body.length > 3 * 56);
  assert.deepEqual(await m.pushSubscriptionDecryptPush(multi.body, priv, multi.encryption, multi.cryptoKey), notification);
});

test("an aes128gcm push decrypts without headers, also with a Mastodon.py-style key (bigint privkey, no pubkey)", async () => {
  const [priv, pub] = await m.pushSubscriptionGenerateKeys();
  const body = encryptAes128gcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth));
  assert.deepEqual(await m.pushSubscriptionDecryptPush(body, priv), notification);
  const pythonStyle = { privkey: bigintFromBytes(b64u(priv.privkey)), auth: new Uint8Array(b64u(priv.auth)) };
  assert.deepEqual(await m.pushSubscriptionDecryptPush(new Uint8Array(body).buffer, pythonStyle, null, null), notification); // an ArrayBuffer
  const multi = encryptAes128gcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth), 64);
  assert.deepEqual(await m.pushSubscriptionDecryptPush(multi, priv), notification);
});

test("a push for other keys, or with a header missing, is refused with MastodonIllegalArgumentError", async () => {
  const [priv, pub] = await m.pushSubscriptionGenerateKeys();
  const [otherPriv] = await m.pushSubscriptionGenerateKeys();
  const legacy = encryptAesgcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth));
  await assert.rejects(m.pushSubscriptionDecryptPush(legacy.body, otherPriv, legacy.encryption, legacy.cryptoKey), (e: unknown) =>
    e instanceof MastodonIllegalArgumentError && /could not be decrypted/.test(e.message));
  await assert.rejects(m.pushSubscriptionDecryptPush(legacy.body, priv, legacy.encryption, null), /go together/);
  await assert.rejects(m.pushSubscriptionDecryptPush(legacy.body, priv, "rs=4096", legacy.cryptoKey), /no salt/);
  const standard = encryptAes128gcm(Buffer.from(JSON.stringify(notification)), b64u(pub.pubkey), b64u(pub.auth));
  standard[standard.length - 1]! ^= 1;
  await assert.rejects(m.pushSubscriptionDecryptPush(standard, priv), MastodonIllegalArgumentError);
  await assert.rejects(m.pushSubscriptionDecryptPush(standard, { privkey: "abc", auth: priv.auth }), /privkey must be 32 bytes/);
});
