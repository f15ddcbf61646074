/**
 * The public key of a P-256 private key, computed with BigInt. Web Crypto cannot import a bare
 * private scalar (a JWK needs the public x and y too), and Mastodon.py stores only the scalar,
 * so a key saved by Mastodon.py needs this to be usable here. Only for key import: the secret
 * operations (ECDH) are done by Web Crypto.
 */
import { MastodonIllegalArgumentError } from "../../core/errors.js";
import type { Bytes } from "../base64.js";

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

/** Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
type Point = readonly [X: bigint, Y: bigint, Z: bigint];
const INFINITY: Point = [0n, 1n, 0n];

const mod = (a: bigint): bigint => ((a % P) + P) % P;

function inverse(a: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a), P, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

// Doubling for a = -3 ("dbl-2001-b", Explicit-Formulas Database).
function double([X, Y, Z]: Point): Point {
  if (Z === 0n || Y === 0n) return INFINITY;
  const delta = mod(Z * Z);
  const gamma = mod(Y * Y);
  const beta = mod(X * gamma);
  const alpha = mod(3n * (X - delta) * (X + delta));
  const X3 = mod(alpha * alpha - 8n * beta);
  const Z3 = mod((Y + Z) * (Y + Z) - gamma - delta);
  const Y3 = mod(alpha * (4n * beta - X3) - 8n * gamma * gamma);
  return [X3, Y3, Z3];
}

// General addition ("add-2007-bl").
function add(p1: Point, p2: Point): Point {
  const [X1, Y1, Z1] = p1;
  const [X2, Y2, Z2] = p2;
  if (Z1 === 0n) return p2;
  if (Z2 === 0n) return p1;
  const Z1Z1 = mod(Z1 * Z1);
  const Z2Z2 = mod(Z2 * Z2);
  const U1 = mod(X1 * Z2Z2);
  const U2 = mod(X2 * Z1Z1);
  const S1 = mod(Y1 * Z2 * Z2Z2);
  const S2 = mod(Y2 * Z1 * Z1Z1);
  const H = mod(U2 - U1);
  const r = mod(2n * (S2 - S1));
  if (H === 0n) return r === 0n ? double(p1) : INFINITY;
  const I = mod(4n * H * H);
  const J = mod(H * I);
  const V = mod(U1 * I);
  const X3 = mod(r * r - J - 2n * V);
  const Y3 = mod(r * (V - X3) - 2n * S1 * J);
  const Z3 = mod(((Z1 + Z2) * (Z1 + Z2) - Z1Z1 - Z2Z2) * H);
  return [X3, Y3, Z3];
}

export function bigintFromBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

export function bytesFromBigint(value: bigint, length: number): Bytes {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

/** The uncompressed public point (0x04 || x || y, 65 bytes) of the private scalar `d`. */
export function p256PublicKey(d: bigint): Bytes {
  if (d <= 0n || d >= N) throw new MastodonIllegalArgumentError("privkey is not a valid P-256 private key");
  let result: Point = INFINITY;
  for (let bit = BigInt(d.toString(2).length - 1); bit >= 0n; bit--) {
    result = double(result);
    if ((d >> bit) & 1n) result = add(result, [GX, GY, 1n]);
  }
  const zInv = inverse(result[2]);
  const zInv2 = mod(zInv * zInv);
  const out = new Uint8Array(65);
  out[0] = 4;
  out.set(bytesFromBigint(mod(result[0] * zInv2), 32), 1);
  out.set(bytesFromBigint(mod(result[1] * zInv2 * zInv), 32), 33);
  return out;
}
