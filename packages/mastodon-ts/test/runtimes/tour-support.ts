/**
 * What the runtime tour (tour-steps.mjs) needs around it and must print, shared by
 * runtimes.test.ts (Node, Bun, Deno) and browser.test.ts (Chromium, Firefox).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { SandboxOptions } from "../../../mastodon-sandbox/src/index.ts";
import { tinyPng } from "../../../../examples/tiny-png.ts";

export const png = Buffer.from(tinyPng()).toString("base64");

const rest = {
  content: "<p>Hello from the runtime tour</p>", visibility: "unlisted", spoiler: "tour", createdAtIsDate: true,
  accountCreatedAtIsDate: true, deletedText: "Hello from the runtime tour", rateLimitRead: true, gone: ["MastodonNotFoundError", true],
};
/** Each stream gets alice's own post (an update) and bob's mention of her (a notification). */
const streamed = (over: string) => ({
  received: { update: [`<p>mine, over ${over}</p>`, true], notification: ["mention", "bob", true] }, closed: true, running: false,
});

/** The steps every platform goes through alike. */
const COMMON: Record<string, unknown> = {
  "REST over the default transport": rest,
  "REST over a given fetch": rest,
  "pagination": { firstPage: 2, remaining: 5, sameAsIterator: true, resumedFromJson: true },
  "errors": {
    notFound: [404, "Record not found"], timeout: ["MastodonReadTimeout", true], unavailable: ["MastodonServiceUnavailableError", true],
    dropped: ["MastodonNetworkError", true], refused: ["MastodonNetworkError", true],
  },
  "stream: SSE over the default transport": streamed("SSE over the default transport"),
  "stream: SSE over a given fetch": streamed("SSE over a given fetch"),
  "stream: WebSocket": streamed("WebSocket"),
  "stream as an async iterable": { event: "update", content: "<p>for the iterator</p>" },
  // RFC 8291's plaintext is not JSON: that it got as far as saying so means it decrypted.
  "Web Push (Web Crypto)": { keys: [["auth", "privkey", "pubkey"], ["auth", "pubkey"], 65, 16], rfcVector: "the decrypted push is not JSON" },
  // 3 rows of 4 sRGB pixels (the sum is Node's figure; test/api/blurhash.test.ts checks the decoder itself);
  // the length: "Hi @alice, see " 15 + a link 23 + " 🐘" 2.
  "blurhash and status length": { size: [3, 4, 3], checksum: 5469, statusLength: 40 },
};

/** COMMON's steps and the platform's own, in the tour's order. */
function inTourOrder(own: Record<string, unknown>): Record<string, unknown> {
  const order = [
    "the package entry", "the browser build", "credentials", "REST over the default transport", "REST over a given fetch", "media",
    "pagination", "errors", "a redirect to a compressed answer", "stream: SSE over the default transport", "stream: SSE over a given fetch",
    "stream: WebSocket", "stream as an async iterable", "Web Push (Web Crypto)", "blurhash and status length",
  ];
  const all = { ...COMMON, ...own };
  return Object.fromEntries(order.filter((step) => step in all).map((step) => [step, all[step]]));
}

/** What Node must print, step by step: the package's Node entry, node:fs, node:http. */
export const EXPECTED = inTourOrder({
  "the package entry": { module: "dist/node/mastodon-ts.js", getBuiltinModule: "function" },
  "credentials": { username: "alice", appFileMode: "600", userFileMode: "600" },
  "media": { fromBlob: ["image", "from a Blob"], fromPath: ["image", "from a path"] },
  // node:http asks for what Node's fetch asks for, and follows the redirect as fetch would.
  "a redirect to a compressed answer": { title: "Compressed and moved", transport: "node:http", acceptEncoding: "gzip, deflate", userAgent: "mastodon-ts/0.1" },
});

/** What Bun and Deno must print: the same, except that requests go over their own (faster) fetch. */
export const EXPECTED_ON_BUN_AND_DENO = {
  ...EXPECTED,
  "a redirect to a compressed answer": { title: "Compressed and moved", transport: "fetch", userAgent: "mastodon-ts/0.1" },
};

/** What a browser must print: the browser build over fetch, no file system, every call to the sandbox cross-origin. */
export const EXPECTED_IN_BROWSERS = inTourOrder({
  "the browser build": { getBuiltinModule: "undefined", secureContext: true },
  "credentials": { username: "alice", toFile: ["MastodonIOError", true] },
  // A path is an argument a browser cannot use: "a file path needs a file system; pass a Blob or bytes instead".
  "media": { fromBlob: ["image", "from a Blob"], fromPath: ["MastodonIllegalArgumentError", true] },
  // The browser's own User-Agent: the client sets none there (Firefox would send one that it set).
  "a redirect to a compressed answer": { title: "Compressed and moved", userAgent: "the browser's own" },
});

/**
 * A server for what the sandbox does not do: a redirect to a gzip-encoded answer. Returns false for
 * a request it does not know (the browser test serves its page from the same server).
 */
export function redirectingGzipServer(): (req: IncomingMessage, res: ServerResponse) => boolean {
  let seen: { accept?: string | undefined; acceptEncoding?: string | undefined; userAgent?: string | undefined } = {};
  return (req, res) => {
    if (!req.url?.startsWith("/api/") && !req.url?.startsWith("/moved/") && req.url !== "/seen") return false;
    if (req.url === "/seen") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(seen));
    } else if (req.url?.startsWith("/moved/")) {
      seen = { accept: req.headers.accept, acceptEncoding: req.headers["accept-encoding"], userAgent: req.headers["user-agent"] };
      const body = gzipSync(JSON.stringify({ uri: "far.example", title: "Compressed and moved", version: "4.6.0" }));
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(body);
    } else {
      res.writeHead(301, { Location: `/moved${req.url}` }).end();
    }
    return true;
  };
}

export function assertTour(facts: Record<string, unknown>, expected: Record<string, unknown>, where: string): void {
  for (const [step, value] of Object.entries(expected)) assert.deepEqual(facts[step], value, `step "${step}" ${where}`);
  assert.deepEqual(Object.keys(facts), Object.keys(expected), "the same steps, in order");
}

export const SANDBOX_OPTIONS = {
  allowPasswordGrant: true,
  faults: [
    { kind: "latency", path: "/api/v1/markers", ms: 2000 },
    { kind: "error", path: "/api/v1/preferences", status: 503 },
    { kind: "drop", path: "/api/v1/favourites" },
  ],
} satisfies SandboxOptions;


/**
 * The `skip` option of a test that needs a runtime or browser: the reason when it is missing, so
 * the test is skipped and says why. Under CI (.ci/run sets MASTODON_TS_REQUIRE_RUNTIMES=1, after
 * installing them) a missing one is not skipped: the test runs and `requireInstalled` fails it.
 */
export function skipUnlessInstalled(missing: string | null): false | string {
  return missing !== null && process.env.MASTODON_TS_REQUIRE_RUNTIMES !== "1" ? missing : false;
}

export function requireInstalled(missing: string | null): void {
  if (missing !== null) assert.fail(`${missing}, and MASTODON_TS_REQUIRE_RUNTIMES=1 asks for it`);
}

/** The first of `names` found on the PATH, or null. */
export function findOnPath(names: string[]): string | null {
  return names.find((name) => spawnSync("which", [name]).status === 0) ?? null;
}
