/**
 * A fake `fetch` that serves a cassette's recorded responses in order. Each request the client
 * sends is compared with the next recorded one (method, origin, path, token, decoded pairs);
 * a mismatch is recorded with a precise diff and the fetch rejects, so the client never gets an
 * answer meant for another request.
 */
import { tolerate, type KnownDifference } from "./known.ts";
import {
  decodeBody, decodePairs, describeToken, diffRequests, formatPairs, normalisePath, tokenOf,
  type DecodedRequest, type Interaction, type Pair,
} from "./cassette.ts";

export class ReplayMismatchError extends Error {
  override name = "ReplayMismatchError";
}

/** Decodes a live request (as the client hands it to fetch) into the comparable form. */
export async function decodeLiveRequest(input: string | URL | Request, init?: RequestInit): Promise<DecodedRequest> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const path = normalisePath(url.pathname);
  const contentType = request.headers.get("content-type") ?? "";
  let body: { kind: DecodedRequest["bodyKind"]; pairs: Pair[] };
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const form = await request.formData();
    const pairs: Pair[] = [];
    form.forEach((value, key) => {
      pairs.push({ key, value: typeof value === "string" ? value : `<file:${value.type || "application/octet-stream"}>` });
    });
    body = { kind: "multipart", pairs };
  } else {
    body = decodeBody(new Uint8Array(await request.arrayBuffer()), contentType);
  }
  return {
    method: request.method.toUpperCase(),
    origin: url.origin,
    path,
    pairs: decodePairs(path, url.searchParams, body.pairs),
    token: tokenOf(request.headers.get("authorization")),
    bodyKind: body.kind,
  };
}

export function describeRequest(request: DecodedRequest): string {
  const pairs = request.pairs.length > 0 ? ` ${formatPairs(request.pairs)}` : "";
  return `${request.method} ${request.origin}${request.path}${pairs} (${describeToken(request.token)})`;
}

/** Statuses whose responses cannot carry a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function recordedResponse(interaction: Interaction, method: string): Response {
  const { response } = interaction;
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const body = NULL_BODY_STATUSES.has(response.status) || method === "HEAD" ? null : response.body;
  return new Response(body as BodyInit | null, { status: response.status, statusText: response.message, headers });
}

export class Replay {
  /** Index of the next recorded interaction to serve. */
  cursor = 0;
  /** Diffs of requests that did not match, in order. */
  readonly mismatches: string[] = [];
  /** Live requests seen, in order (matched or not). */
  readonly seen: DecodedRequest[] = [];

  /** Known differences that were tolerated, with the interaction they were tolerated in. */
  readonly tolerated: Array<{ index: number; difference: KnownDifference }> = [];

  constructor(readonly interactions: readonly Interaction[], private readonly known: readonly KnownDifference[] = []) {}

  get exhausted(): boolean {
    return this.cursor >= this.interactions.length;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const actual = await decodeLiveRequest(input, init);
    this.seen.push(actual);
    const expected = this.interactions[this.cursor];
    if (!expected) {
      const message = `request after the end of the recording: ${describeRequest(actual)}`;
      this.mismatches.push(message);
      throw new ReplayMismatchError(message);
    }
    const allowed = tolerate(this.known, expected.request, expected.request.pairs, actual.pairs);
    const diff = diffRequests(expected.request, { ...actual, pairs: allowed.actual });
    if (diff.length > 0) {
      const message = `interaction #${expected.index} (${expected.request.method} ${expected.request.path}): ${diff.join("; ")}`;
      this.mismatches.push(message);
      throw new ReplayMismatchError(message);
    }
    for (const difference of allowed.used) this.tolerated.push({ index: expected.index, difference });
    this.cursor++;
    return recordedResponse(expected, actual.method);
  };
}
