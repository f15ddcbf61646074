/**
 * decodeBlurhash against values worked out by hand from the BlurHash format:
 * a hash is [size flag][max AC][4-digit DC sRGB][2 digits per AC component], base83.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";

const m = new Mastodon({ api_base_url: "https://example.social", fetch: async () => { throw new Error("no request expected"); } });
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

/** Base83 encoding (the direction the library does not implement), `length` digits. */
function base83(value: number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++, value = Math.floor(value / 83)) out = DIGITS[value % 83] + out;
  return out;
}

const near = (actual: number | undefined, expected: number, tolerance = 1e-9): void => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
};

// sRGB 128 in linear light: ((128/255 + 0.055) / 1.055) ^ 2.4
const LINEAR_128 = 0.21586050011389926;

test("a 1x1-component hash is one flat colour: sRGB back exactly, linear by the sRGB curve", () => {
  const hash = "00" + base83((255 << 16) | (0 << 8) | 128, 4);
  assert.deepEqual(m.decodeBlurhash(hash, { out_size: [1, 1], return_linear: false }), [[[255, 0, 128]]]);
  const linear = m.decodeBlurhash({ blurhash: hash }, { out_size: [1, 1] })[0]![0]!;
  near(linear[0], 1);
  near(linear[1], 0);
  near(linear[2], LINEAR_128);
  // Default: 16x16 pixels per component, all the same colour.
  const grid = m.decodeBlurhash(hash, { return_linear: false });
  assert.equal(grid.length, 16);
  assert.ok(grid.every((row) => row.length === 16 && row.every((pixel) => pixel.join() === "255,0,128")));
});

test("a 2x1 hash: the AC component adds at x=0 and vanishes at the half-period", () => {
  // Size flag 1 = 2x1 components; max AC digit 82 → (82+1)/166 = 0.5; DC grey 128;
  // AC quantised (18, 9, 0) → sign((q-9)/9) * ((q-9)/9)^2 * 0.5 = (+0.5, 0, -0.5).
  const hash = "1" + DIGITS[82] + base83((128 << 16) | (128 << 8) | 128, 4) + base83(18 * 19 * 19 + 9 * 19 + 0, 2);
  const [left = [], right = []] = m.decodeBlurhash(hash, { out_size: [2, 1], size_per_component: false })[0]!;
  near(left[0], LINEAR_128 + 0.5);
  near(left[1], LINEAR_128);
  near(left[2], LINEAR_128 - 0.5); // not clamped in linear output, as in blurhash-python
  for (const channel of right) near(channel, LINEAR_128); // cos(pi/2) = 0
  // In sRGB: 1.055 * 0.7158605^(1/2.4) - 0.055 = 0.86283 → 220; negative light clamps to 0.
  assert.deepEqual(m.decodeBlurhash(hash, { out_size: [2, 1], size_per_component: false, return_linear: false }), [[[220, 128, 0], [128, 128, 128]]]);
});

test("the well-known example hash: size per component, and the mean colour is the DC colour", () => {
  const hash = "LEHV6nWB2yk8pyo0adR*.7kCMdnj"; // "L" = 21: 4x3 components; DC "HV6n" = 0x979695
  const image = m.decodeBlurhash(hash, { out_size: [2, 2] });
  assert.equal(image.length, 6);
  assert.ok(image.every((row) => row.length === 8 && row.every((pixel) => pixel.length === 3)));
  // Over a fine grid, every cosine (i >= 1) averages to at most 1/width: the mean is the DC term.
  const fine = m.decodeBlurhash(hash, { out_size: [300, 200], size_per_component: false });
  const mean = [0, 1, 2].map((c) => fine.flat().reduce((sum, pixel) => sum + (pixel[c] ?? 0), 0) / (300 * 200));
  const dc = [151, 150, 149].map((v) => Math.pow((v / 255 + 0.055) / 1.055, 2.4));
  mean.forEach((value, c) => near(value, dc[c]!, 0.005));
});

test("invalid hashes are refused with MastodonIllegalArgumentError", () => {
  const refused = (call: () => unknown, message: RegExp) =>
    assert.throws(call, (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  refused(() => m.decodeBlurhash("LEHV6nWB2yk8pyo0adR*.7kCMdn"), /wrong length/);
  refused(() => m.decodeBlurhash("00ab"), /at least 6/);
  refused(() => m.decodeBlurhash("00ab\"d"), /not a base83 digit/);
  refused(() => m.decodeBlurhash({ blurhash: null }), /no blurhash/);
  refused(() => m.decodeBlurhash("00abcd", { out_size: [0, 4], size_per_component: false }), /out_size/);
});
