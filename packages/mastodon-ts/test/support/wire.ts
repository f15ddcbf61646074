/** Helpers shared by the per-area wire tests in test/api. */
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, type MastodonOptions } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest, type Reply } from "./scripted-server.ts";

/**
 * Runs `body` with a client talking to a scripted server, and closes the server after. The client
 * has the token "tok" unless `options` (added to its constructor options) say otherwise.
 */
export async function withServer(
  reply: (request: RecordedRequest) => Reply,
  body: (m: Mastodon, requests: RecordedRequest[]) => Promise<void>,
  options: MastodonOptions = {},
): Promise<void> {
  const server = await startScriptedServer(reply);
  try {
    await body(new Mastodon({ api_base_url: server.url, access_token: "tok", ...options }), server.requests);
  } finally {
    await server.close();
  }
}

/** One request as a line: method, path, query and form body. */
export function wire(r: RecordedRequest | undefined): string {
  if (!r) return "(none)";
  const form = [...r.form.entries()].map(([k, v]) => `${k}=${v}`).join("&");
  return `${r.method} ${r.path}${r.query.size > 0 ? `?${decodeURIComponent(r.query.toString())}` : ""}${form ? ` ${decodeURIComponent(form)}` : ""}`;
}

/** A client whose every request fails the test: for arguments that must be refused before sending. */
export const refuseAll = new Mastodon({
  api_base_url: "https://example.social", access_token: "t",
  fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
});

/** Asserts that a call is refused with MastodonIllegalArgumentError matching `message`. */
export async function refused(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(call(), (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
}
