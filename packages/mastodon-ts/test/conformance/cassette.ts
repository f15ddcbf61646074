/**
 * Cassettes: HTTP traffic recorded by Mastodon.py's test suite (../shared/cassettes/**.yaml),
 * loaded into typed interactions, with requests decoded into comparable form:
 * method, origin, path, the token used, and the multiset of decoded key/value pairs from the
 * query string and the body (form, JSON or multipart).
 */
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { gunzipSync, brotliDecompressSync, inflateSync } from "node:zlib";
import { parse } from "yaml";

/** One decoded parameter. Files are `<file:content-type>`: their type and presence count, not their bytes. */
export interface Pair {
  readonly key: string;
  readonly value: string;
}

/** An uploaded file from a recorded multipart body, for replaying the upload. */
export interface FilePart {
  readonly name: string;
  readonly contentType: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type BodyKind = "none" | "form" | "json" | "multipart" | "other";

/** A request reduced to what is compared: the same shape for recorded and live requests. */
export interface DecodedRequest {
  readonly method: string;
  /** scheme://host:port */
  readonly origin: string;
  /** Percent-decoded path, without a trailing slash (Mastodon.py writes some paths with one). */
  readonly path: string;
  readonly pairs: readonly Pair[];
  /** The Authorization credential without "Bearer ", or null when none was sent. */
  readonly token: string | null;
  readonly bodyKind: BodyKind;
}

export interface RecordedRequest extends DecodedRequest {
  readonly uri: string;
  readonly files: readonly FilePart[];
  /** The parsed JSON body, when the body was JSON. */
  readonly json: unknown;
}

export interface RecordedResponse {
  readonly status: number;
  readonly message: string;
  /** Headers as recorded, minus those about the transfer (the body here is already decoded). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Uint8Array;
  readonly text: string;
  readonly contentType: string;
  /** The parsed body when it is JSON, else undefined. */
  readonly json: unknown;
}

export interface Interaction {
  readonly index: number;
  readonly request: RecordedRequest;
  readonly response: RecordedResponse;
}

export interface Cassette {
  /** Folder under cassettes/, e.g. "cassettes" or "cassettes_pre_2_9_2". */
  readonly folder: string;
  /** File name without .yaml, e.g. "test_status_post[None-public]". */
  readonly name: string;
  readonly file: string;
  readonly interactions: readonly Interaction[];
}

/**
 * Parameters that Mastodon.py sends by accident and no server reads; they are left out of comparisons.
 * (A body `id` that repeats the path's id is dropped too: see decodePairs.)
 */
export const IGNORED_KEYS: Readonly<Record<string, string>> = {
  "valid_policies[]": "Mastodon.py leaks its local list of valid quote policies into status_post's form",
  oauth_info: "Mastodon.py 2.2.2's log_in leaks the keys of its OAuth server info dict into the token form",
};

type RawHeaders = Record<string, unknown>;
interface RawInteraction {
  request: { method: string; uri: string; body: unknown; headers?: RawHeaders };
  response: { status: { code: number; message?: string }; headers?: RawHeaders; body?: { string?: unknown } };
}

/** First value of a header, looked up without regard to case. */
export function headerValue(headers: RawHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first === null ? undefined : String(first);
  }
  return undefined;
}

function toBytes(value: unknown): Uint8Array {
  if (value === undefined || value === null) return new Uint8Array();
  if (value instanceof Uint8Array) return value;
  return new TextEncoder().encode(String(value));
}

/** Canonical form of a value for comparison: Python's and JSON's booleans equal 1/0. */
export function canonicalValue(value: string): string {
  const lower = value.toLowerCase();
  if (lower === "1" || lower === "true") return "true";
  if (lower === "0" || lower === "false") return "false";
  return value;
}

/** Flattens a JSON body the way Rails reads it: key[sub], key[] for scalar lists, key[i][sub] for lists of objects. */
export function flattenJson(value: unknown, prefix = ""): Pair[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) =>
      item !== null && typeof item === "object" ? flattenJson(item, `${prefix}[${i}]`) : flattenJson(item, `${prefix}[]`));
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => flattenJson(item, prefix ? `${prefix}[${key}]` : key));
  }
  return [{ key: prefix, value: String(value) }];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Parses a multipart/form-data body into text pairs and file parts. */
export function parseMultipart(body: Uint8Array, contentType: string): { pairs: Pair[]; files: FilePart[] } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error(`multipart body without a boundary: ${contentType}`);
  const encoder = new TextEncoder();
  const delimiter = encoder.encode(`--${boundary}`);
  const headerEnd = encoder.encode("\r\n\r\n");
  const pairs: Pair[] = [];
  const files: FilePart[] = [];
  let start = indexOf(body, delimiter, 0);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break; // closing "--boundary--"
    const next = indexOf(body, delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = indexOf(part, headerEnd, 0);
    const head = new TextDecoder().decode(part.subarray(0, split < 0 ? 0 : split));
    const content = part.subarray(split < 0 ? 0 : split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? "";
    const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim();
    if (fileName !== undefined || type) {
      const contentTypeOfPart = type ?? "application/octet-stream";
      files.push({ name, contentType: contentTypeOfPart, fileName: fileName ?? "", bytes: content.slice() });
      pairs.push({ key: name, value: `<file:${contentTypeOfPart}>` });
    } else {
      pairs.push({ key: name, value: new TextDecoder().decode(content) });
    }
    start = next;
  }
  return { pairs, files };
}

/** Decoded pairs of a body, by its content type. */
export function decodeBody(body: Uint8Array, contentType: string): { kind: BodyKind; pairs: Pair[]; files: FilePart[]; json?: unknown } {
  if (body.length === 0) return { kind: "none", pairs: [], files: [] };
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) return { kind: "multipart", ...parseMultipart(body, contentType) };
  const text = new TextDecoder().decode(body);
  if (type.includes("json")) {
    const json: unknown = JSON.parse(text);
    return { kind: "json", pairs: flattenJson(json), files: [], json };
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type === "") {
    return { kind: "form", pairs: [...new URLSearchParams(text)].map(([key, value]) => ({ key, value })), files: [] };
  }
  return { kind: "other", pairs: [{ key: "<body>", value: `<${type}:${text.length} chars>` }], files: [] };
}

/** Path for comparison: percent-decoded, without a trailing slash. */
export function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // keep it encoded
  }
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Query and body pairs together, without Mastodon.py's strays. */
export function decodePairs(path: string, query: URLSearchParams, body: Pair[]): Pair[] {
  const pairs = [...[...query].map(([key, value]) => ({ key, value })), ...body];
  const segments = path.split("/");
  return pairs.filter((pair) => {
    if (pair.key in IGNORED_KEYS) return false;
    // Mastodon.py sometimes sends its `id` argument in the body as well as in the path.
    return !(pair.key === "id" && segments.includes(pair.value));
  });
}

export function tokenOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  return authorization.replace(/^Bearer\s+/i, "");
}

function decodeResponseBody(raw: unknown, headers: RawHeaders | undefined): Uint8Array {
  const bytes = toBytes(raw);
  const encoding = headerValue(headers, "content-encoding")?.toLowerCase();
  if (bytes.length === 0 || typeof raw === "string") return bytes;
  if (encoding === "gzip") return gunzipSync(bytes);
  if (encoding === "br") return brotliDecompressSync(bytes);
  if (encoding === "deflate") return inflateSync(bytes);
  return bytes;
}

const TRANSFER_HEADERS = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"]);

function decodeResponse(raw: RawInteraction["response"]): RecordedResponse {
  const body = decodeResponseBody(raw.body?.string, raw.headers);
  const text = new TextDecoder().decode(body);
  const contentType = headerValue(raw.headers, "content-type") ?? "";
  const headers: Array<readonly [string, string]> = [];
  for (const [name, values] of Object.entries(raw.headers ?? {})) {
    if (TRANSFER_HEADERS.has(name.toLowerCase())) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.push([name, String(value)]);
  }
  let json: unknown;
  if (contentType.includes("json") && text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: raw.status.code, message: raw.status.message ?? "", headers, body, text, contentType, json };
}

export function decodeRecordedRequest(raw: RawInteraction["request"]): RecordedRequest {
  const url = new URL(raw.uri);
  const path = normalisePath(url.pathname);
  const contentType = headerValue(raw.headers, "content-type") ?? "";
  const body = decodeBody(toBytes(raw.body), contentType);
  return {
    method: raw.method.toUpperCase(),
    origin: url.origin,
    path,
    uri: raw.uri,
    pairs: decodePairs(path, url.searchParams, body.pairs),
    token: tokenOf(headerValue(raw.headers, "authorization")),
    bodyKind: body.kind,
    files: body.files,
    json: body.json,
  };
}

export function loadCassette(file: string): Cassette {
  return parseCassette(readFileSync(file, "utf8"), file);
}

/** Parses a cassette's YAML text; `file` names it (folder and name are taken from it). */
export function parseCassette(text: string, file: string): Cassette {
  const document = parse(text) as { interactions?: RawInteraction[] } | null;
  const interactions = (document?.interactions ?? []).map((raw, index): Interaction => ({
    index,
    request: decodeRecordedRequest(raw.request),
    response: decodeResponse(raw.response),
  }));
  return { folder: basename(dirname(file)), name: basename(file).replace(/\.yaml$/, ""), file, interactions };
}

/** "key=value" strings, sorted, for printing. */
export function formatPairs(pairs: readonly Pair[]): string {
  return pairs.map((p) => `${p.key}=${p.value.length > 80 ? `${p.value.slice(0, 77)}...` : p.value}`).join("&");
}

/** Multiset difference of pairs under canonical values: what the recording has and the request lacks, and the reverse. */
export function comparePairs(expected: readonly Pair[], actual: readonly Pair[]): { missing: Pair[]; extra: Pair[] } {
  const canon = (p: Pair) => `${p.key}\u0000${canonicalValue(p.value)}`;
  const remaining = new Map<string, Pair[]>();
  for (const pair of actual) {
    const key = canon(pair);
    remaining.set(key, [...(remaining.get(key) ?? []), pair]);
  }
  const missing: Pair[] = [];
  for (const pair of expected) {
    const bucket = remaining.get(canon(pair));
    if (bucket && bucket.length > 0) bucket.pop();
    else missing.push(pair);
  }
  const extra = [...remaining.values()].flat();
  return { missing, extra };
}

/** Human-readable differences between a recorded and a live request, or [] when they match. */
export function diffRequests(expected: DecodedRequest, actual: DecodedRequest): string[] {
  const problems: string[] = [];
  if (expected.method !== actual.method || expected.origin !== actual.origin || expected.path !== actual.path) {
    problems.push(`request line: recorded ${expected.method} ${expected.origin}${expected.path}, sent ${actual.method} ${actual.origin}${actual.path}`);
  }
  if (expected.token !== actual.token) {
    problems.push(`credentials: recorded ${describeToken(expected.token)}, sent ${describeToken(actual.token)}`);
  }
  const { missing, extra } = comparePairs(expected.pairs, actual.pairs);
  if (missing.length > 0) problems.push(`parameters recorded but not sent: ${formatPairs(missing)}`);
  if (extra.length > 0) problems.push(`parameters sent but not recorded: ${formatPairs(extra)}`);
  return problems;
}

export function describeToken(token: string | null): string {
  if (token === null) return "no token";
  const placeholder = /^__MASTODON_PY_TEST_ACCESS_TOKEN(?:_(\d+))?$/.exec(token);
  if (placeholder) return `user ${placeholder[1] ?? "1"}'s token`;
  return `token ${token.length > 12 ? `${token.slice(0, 6)}…` : token}`;
}
