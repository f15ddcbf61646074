/**
 * Compressed answers on node:http. fetch asks for gzip, deflate and br and decodes them by
 * itself; node:http does neither, so the node:http transport asks the same and decodes here.
 * (Mastodon's nginx configuration compresses JSON: a page of 40 statuses travels as a fifth of
 * its size.) node:zlib is loaded with the first compressed answer, not at start-up.
 */
import { builtin } from "./builtins.js";

/** What the transport sends as Accept-Encoding: what fetch sends, and what decodeBody reads. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/** The bytes of an answer body, as node:buffer and node:zlib hand them over. */
export interface BodyBytes {
  readonly length: number;
  toString(encoding: "utf8"): string;
}

type Decode = (bytes: BodyBytes, callback: (error: Error | null, result: BodyBytes) => void) => void;

interface NodeZlib {
  gunzip: Decode;
  inflate: Decode;
  inflateRaw: Decode;
  brotliDecompress: Decode;
}

const run = (decode: Decode, bytes: BodyBytes): Promise<BodyBytes> =>
  new Promise((resolve, reject) => decode(bytes, (error, result) => (error ? reject(error) : resolve(result))));

/** Decodes a body by its Content-Encoding; no encoding (or identity) gives it back as it is. */
export async function decodeBody(bytes: BodyBytes, contentEncoding: string | string[] | undefined): Promise<BodyBytes> {
  const encoding = String(contentEncoding ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity" || bytes.length === 0) return bytes;
  const zlib = builtin("node:zlib") as NodeZlib | undefined;
  if (!zlib) throw new Error(`the answer is ${encoding}-encoded and node:zlib is not available`);
  if (encoding === "gzip" || encoding === "x-gzip") return run(zlib.gunzip, bytes);
  if (encoding === "br") return run(zlib.brotliDecompress, bytes);
  if (encoding === "deflate") {
    // "deflate" should be zlib-wrapped, but some servers send raw deflate; browsers accept both.
    return run(zlib.inflate, bytes).catch(() => run(zlib.inflateRaw, bytes));
  }
  throw new Error(`the answer's Content-Encoding "${encoding}" is not one this client asked for`);
}
