/**
 * Web Push: the subscription of the current access token, and the client-side crypto to receive
 * pushes (key generation, decryption of both content encodings). https://docs.joinmastodon.org/methods/push/
 */
import type { MastodonClient } from "../core/client.js";
// The same rule as Mastodon.py's __protocolize: https:// unless a scheme is given, no trailing slash.
import { normalizeBaseUrl } from "../core/options.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { EmptyResult } from "../core/types.js";
import { checkOneOf } from "../internal/params.js";
import { base64Encode, bytesOf, type Bytes } from "../internal/base64.js";
import { checkPoint, generateKeys, importReceiver, type WebPushPrivateKey, type WebPushPublicKey } from "../internal/webpush/keys.js";
import { decryptAesgcm } from "../internal/webpush/aesgcm.js";
import { decryptAes128gcm } from "../internal/webpush/aes128gcm.js";
import type { PushNotification, WebPushSubscription } from "../entities/index.js";

export type { WebPushPrivateKey, WebPushPublicKey };

const POLICIES = ["all", "none", "follower", "followed"];

/** Which events push; each maps to one `data[alerts][...]` flag. */
export interface PushAlertOptions {
  follow_events?: boolean | null;
  favourite_events?: boolean | null;
  reblog_events?: boolean | null;
  mention_events?: boolean | null;
  poll_events?: boolean | null;
  follow_request_events?: boolean | null;
  status_events?: boolean | null;
  /** From whom: "all" (default), "none", "follower" or "followed". */
  policy?: "all" | "none" | "follower" | "followed" | null;
  update_events?: boolean | null;
  admin_sign_up_events?: boolean | null;
  admin_report_events?: boolean | null;
  quote_events?: boolean | null;
  quoted_update_events?: boolean | null;
}

export interface PushSubscriptionSetOptions extends PushAlertOptions {
  /** Ask for RFC 8291 "aes128gcm" pushes instead of the legacy "aesgcm" (Mastodon 4.4+). */
  standard?: boolean | null;
}

const ALERTS: ReadonlyArray<readonly [Exclude<keyof PushAlertOptions, "policy">, string]> = [
  ["follow_events", "follow"], ["favourite_events", "favourite"], ["reblog_events", "reblog"],
  ["mention_events", "mention"], ["poll_events", "poll"], ["follow_request_events", "follow_request"],
  ["status_events", "status"], ["update_events", "update"], ["admin_sign_up_events", "admin.sign_up"],
  ["admin_report_events", "admin.report"], ["quote_events", "quote"], ["quoted_update_events", "quoted_update"],
];

/**
 * The alert and policy parameters. The policy goes both where Mastodon reads it (`data[policy]`)
 * and where Mastodon.py 2.2.2 puts it (a top-level `policy`, which the server ignores).
 */
function alertParams(options: PushAlertOptions): Record<string, unknown> {
  checkOneOf("policy", options.policy, POLICIES);
  const alerts: Record<string, boolean> = {};
  for (const [option, alert] of ALERTS) {
    const value = options[option];
    if (value !== undefined && value !== null) alerts[alert] = value;
  }
  const policy = options.policy ?? "all";
  return { policy, data: { alerts, policy } };
}

/** The push subscription of this access token. */
export async function pushSubscription(this: MastodonClient): Promise<WebPushSubscription> {
  return this.request({ method: "GET", path: "/api/v1/push/subscription", version: ["2.4.0", "2.4.0"] });
}

/**
 * Subscribes this access token to pushes at `endpoint`, encrypted for `encrypt_params` (the public
 * half from `pushSubscriptionGenerateKeys()`). Replaces any earlier subscription of the token.
 */
export async function pushSubscriptionSet(
  this: MastodonClient, endpoint: string, encrypt_params: WebPushPublicKey, options: PushSubscriptionSetOptions = {},
): Promise<WebPushSubscription> {
  if (typeof endpoint !== "string" || endpoint === "") throw new MastodonIllegalArgumentError("endpoint must be a non-empty URL");
  if (!encrypt_params || typeof encrypt_params !== "object") {
    throw new MastodonIllegalArgumentError("encrypt_params must be the public half from pushSubscriptionGenerateKeys()");
  }
  const pubkey = bytesOf(encrypt_params.pubkey, "encrypt_params.pubkey");
  checkPoint(pubkey, "encrypt_params.pubkey");
  const auth = bytesOf(encrypt_params.auth, "encrypt_params.auth");
  if (auth.length !== 16) throw new MastodonIllegalArgumentError(`encrypt_params.auth must be 16 bytes, got ${auth.length}`);
  const { policy, data } = alertParams(options);
  return this.request({
    method: "POST",
    path: "/api/v1/push/subscription",
    params: {
      // Standard base64 with padding, as Mastodon.py sends the keys; the server reads either alphabet.
      subscription: { endpoint: normalizeBaseUrl(endpoint), keys: { p256dh: base64Encode(pubkey), auth: base64Encode(auth) }, standard: options.standard ?? undefined },
      policy,
      data,
    },
    version: ["2.4.0", "4.4.0"],
  });
}

/** Changes which events push (and from whom) on the existing subscription. */
export async function pushSubscriptionUpdate(this: MastodonClient, options: PushAlertOptions = {}): Promise<WebPushSubscription> {
  return this.request({ method: "PUT", path: "/api/v1/push/subscription", params: alertParams(options), version: ["2.4.0", "2.4.0"] });
}

/** Removes the push subscription of this access token. */
export async function pushSubscriptionDelete(this: MastodonClient): Promise<EmptyResult> {
  return this.request({ method: "DELETE", path: "/api/v1/push/subscription", version: ["2.4.0", "2.4.0"] });
}

/**
 * A new P-256 key pair and auth secret for a push subscription: `[priv, pub]`. Give `pub` to
 * `pushSubscriptionSet`, keep `priv` (plain base64url strings, JSON-safe) to decrypt pushes.
 */
export async function pushSubscriptionGenerateKeys(
  this: MastodonClient,
): Promise<[priv: { privkey: string; pubkey: string; auth: string }, pub: { pubkey: string; auth: string }]> {
  return generateKeys();
}

/**
 * Decrypts a received push and parses the notification in it. With the Encryption and Crypto-Key
 * headers of the push it decrypts Mastodon's legacy "aesgcm" encoding; without them (null or
 * left out), the RFC 8291 "aes128gcm" encoding of `standard` subscriptions.
 */
export async function pushSubscriptionDecryptPush(
  this: MastodonClient, data: Uint8Array | ArrayBuffer, decrypt_params: WebPushPrivateKey,
  encryption_header?: string | null, crypto_key_header?: string | null,
): Promise<PushNotification> {
  let body: Bytes;
  if (data instanceof Uint8Array) body = new Uint8Array(data);
  else if (data instanceof ArrayBuffer) body = new Uint8Array(data.slice(0));
  else throw new MastodonIllegalArgumentError("data must be the push body as a Uint8Array or ArrayBuffer");
  if (Boolean(encryption_header) !== Boolean(crypto_key_header)) {
    throw new MastodonIllegalArgumentError("encryption_header and crypto_key_header go together: give both (aesgcm) or neither (aes128gcm)");
  }
  const receiver = await importReceiver(decrypt_params);
  const plaintext = encryption_header && crypto_key_header
    ? await decryptAesgcm(body, receiver, encryption_header, crypto_key_header)
    : await decryptAes128gcm(body, receiver);
  try {
    const notification: PushNotification = JSON.parse(new TextDecoder().decode(plaintext));
    return notification;
  } catch (cause) {
    throw new MastodonIllegalArgumentError("the decrypted push is not JSON", { cause });
  }
}
