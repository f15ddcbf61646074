/**
 * BlurHash decoding (the public algorithm of https://blurha.sh, as halcy/blurhash-python does it,
 * which Mastodon.py uses): base83 digits, a DC colour in sRGB, AC components quantised on a
 * 19-step sign-squared scale, summed as a cosine basis in linear light.
 */
import { MastodonIllegalArgumentError } from "../core/errors.js";

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

function base83(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) throw new MastodonIllegalArgumentError(`blurhash contains ${JSON.stringify(char)}, which is not a base83 digit`);
    value = value * 83 + digit;
  }
  return value;
}

export function srgbToLinear(value: number): number {
  const v = value / 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(value: number): number {
  const v = Math.max(0, Math.min(1, value));
  return v <= 0.0031308 ? Math.trunc(v * 12.92 * 255 + 0.5) : Math.trunc((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
}

const signPow = (value: number, exponent: number): number => Math.sign(value) * Math.pow(Math.abs(value), exponent);

/** The number of components [x, y] a hash holds. */
export function blurhashComponents(hash: string): [number, number] {
  if (typeof hash !== "string" || hash.length < 6) throw new MastodonIllegalArgumentError("blurhash must be at least 6 characters long");
  const size = base83(hash.charAt(0));
  return [(size % 9) + 1, Math.floor(size / 9) + 1];
}

/** Decodes to rows of [r, g, b]: linear-light floats, or sRGB integers 0..255 when `linear` is false. */
export function decodeBlurhashPixels(hash: string, width: number, height: number, linear: boolean, punch = 1): number[][][] {
  const [sizeX, sizeY] = blurhashComponents(hash);
  if (hash.length !== 4 + 2 * sizeX * sizeY) {
    throw new MastodonIllegalArgumentError(`blurhash has the wrong length: ${sizeX}x${sizeY} components need ${4 + 2 * sizeX * sizeY} characters`);
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new MastodonIllegalArgumentError("out_size must be two positive integers");
  }
  const maximum = ((base83(hash.charAt(1)) + 1) / 166) * punch;
  const dc = base83(hash.slice(2, 6));
  const colours: Array<[number, number, number]> = [[srgbToLinear(dc >> 16), srgbToLinear((dc >> 8) & 255), srgbToLinear(dc & 255)]];
  for (let component = 1; component < sizeX * sizeY; component++) {
    const ac = base83(hash.slice(4 + component * 2, 6 + component * 2));
    colours.push([
      signPow((Math.floor(ac / (19 * 19)) - 9) / 9, 2) * maximum,
      signPow((Math.floor(ac / 19) % 19 - 9) / 9, 2) * maximum,
      signPow((ac % 19 - 9) / 9, 2) * maximum,
    ]);
  }
  const rows: number[][][] = [];
  for (let y = 0; y < height; y++) {
    const row: number[][] = [];
    for (let x = 0; x < width; x++) {
      const pixel = [0, 0, 0];
      for (let j = 0; j < sizeY; j++) {
        for (let i = 0; i < sizeX; i++) {
          const basis = Math.cos((Math.PI * x * i) / width) * Math.cos((Math.PI * y * j) / height);
          const colour = colours[i + j * sizeX] ?? [0, 0, 0];
          for (let c = 0; c < 3; c++) pixel[c] = (pixel[c] ?? 0) + (colour[c] ?? 0) * basis;
        }
      }
      row.push(linear ? pixel : pixel.map(linearToSrgb));
    }
    rows.push(row);
  }
  return rows;
}
