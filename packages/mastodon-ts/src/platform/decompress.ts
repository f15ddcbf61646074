/**
 * Compressed answers on node:http, handled as Node's fetch (undici) handles them, since fetch
 * asks for compression and decodes by itself and node:http does neither. (Mastodon's nginx
 * configuration compresses JSON: a page of 40 statuses travels as a fifth of its size.)
 * - Accept-Encoding: "gzip, deflate", and br as well over https.
 * - Content-Encoding: each coding undone in reverse order; a coding it does not know leaves the
 *   body as it came; a truncated stream gives what arrived (the JSON parse then says so).
 * node:zlib is loaded with the first compressed answer, not at start-up.
 */
import { builtin } from "./builtins.js";

/** What fetch sends as Accept-Encoding for this URL. */
export function acceptEncoding(secure: boolean): string {
  return secure ? "gzip, deflate, br" : "gzip, deflate";
}

/** The bytes of an answer body, as node:buffer and node:zlib hand them over. */
export interface BodyBytes {
  readonly length: number;
  toString(encoding: "utf8"): string;
}

type Decode = (bytes: BodyBytes, options: object, callback: (error: Error | null, result: BodyBytes) => void) => void;

interface NodeZlib {
  gunzip: Decode;
  inflate: Decode;
  inflateRaw: Decode;
  brotliDecompress: Decode;
  constants: { Z_SYNC_FLUSH: number; BROTLI_OPERATION_FLUSH: number };
}

const run = (decode: Decode, options: object, bytes: BodyBytes): Promise<BodyBytes> =>
  new Promise((resolve, reject) => decode(bytes, options, (error, result) => (error ? reject(error) : resolve(result))));

async function undo(zlib: NodeZlib, coding: string, bytes: BodyBytes): Promise<BodyBytes> {
  // Flushing what arrived, not failing on a cut-off stream: what fetch does.
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (coding === "br") return run(zlib.brotliDecompress, { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }, bytes);
  if (coding === "deflate") {
    // "deflate" should be zlib-wrapped, but some servers send raw deflate; fetch reads both.
    return run(zlib.inflate, flush, bytes).catch(() => run(zlib.inflateRaw, flush, bytes));
  }
  return run(zlib.gunzip, flush, bytes);
}

const KNOWN = new Set(["gzip", "x-gzip", "deflate", "br"]);

/** Decodes a body by its Content-Encoding. */
export async function decodeBody(bytes: BodyBytes, contentEncoding: string | string[] | undefined): Promise<BodyBytes> {
  if (contentEncoding === undefined) return bytes; // most answers: nothing to split or look up
  const codings = String(contentEncoding ?? "").toLowerCase().split(",").map((coding) => coding.trim()).filter((coding) => coding && coding !== "identity");
  if (codings.length === 0 || bytes.length === 0 || !codings.every((coding) => KNOWN.has(coding))) return bytes;
  const zlib = builtin("node:zlib") as NodeZlib | undefined;
  if (!zlib) throw new Error(`the answer is ${codings.join(", ")}-encoded and node:zlib is not available`);
  let decoded = bytes;
  for (const coding of codings.reverse()) decoded = await undo(zlib, coding, decoded);
  return decoded;
}
