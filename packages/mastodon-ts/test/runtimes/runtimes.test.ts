/**
 * The client on Node, Bun and Deno: tour.mjs runs in each runtime against its own sandbox and
 * must print the same facts, the ones written out below. Bun and Deno come from the workspace's
 * dev dependencies (or the PATH); a runtime that is not there is skipped with the reason.
 *
 * On Bun and Deno the package's "node" entry is loaded too, so requests and SSE streams go through
 * their node:http, and credentials through their node:fs: this is where a difference would show.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startSandbox } from "../../../mastodon-sandbox/src/index.ts";
import { tinyPng } from "../../../../examples/tiny-png.ts";
import { withHttpServer } from "../support/http-server.ts";

const TOUR = new URL("./tour.mjs", import.meta.url).pathname;
const BIN = new URL("../../../../node_modules/.bin/", import.meta.url).pathname;

interface Runtime {
  name: string;
  /** The command line that runs the tour, or why it cannot run here. */
  command: string[] | { missing: string };
}

/** A runtime's binary from the workspace's node_modules, else from the PATH. */
function findBinary(name: string): string | null {
  if (existsSync(join(BIN, name))) return join(BIN, name);
  return spawnSync(name, ["--version"]).status === 0 ? name : null;
}

function runtime(name: string, args: string[]): Runtime {
  const binary = findBinary(name);
  return { name, command: binary ? [binary, ...args, TOUR] : { missing: `${name} is not installed (it is a dev dependency: npm install)` } };
}

const RUNTIMES: Runtime[] = [
  { name: "node", command: [process.execPath, TOUR] },
  runtime("bun", []),
  // What a Deno user grants a Mastodon client: the network, and files for credentials and media
  // (the one variable is the tour's input; the client reads none).
  runtime("deno", ["run", "--allow-net", "--allow-read", "--allow-write", "--allow-env=TOUR_INPUT"]),
];

const png = Buffer.from(tinyPng()).toString("base64");

const rest = {
  content: "<p>Hello from the runtime tour</p>", visibility: "unlisted", spoiler: "tour", createdAtIsDate: true,
  accountCreatedAtIsDate: true, deletedText: "Hello from the runtime tour", rateLimitRead: true, gone: ["MastodonNotFoundError", true],
};
/** Each stream gets alice's own post (an update) and bob's mention of her (a notification). */
const streamed = (over: string) => ({
  received: { update: [`<p>mine, over ${over}</p>`, true], notification: ["mention", "bob", true] }, closed: true, running: false,
});

/** What every runtime must print, step by step. */
const EXPECTED: Record<string, unknown> = {
  "the package entry": { module: "dist/node/mastodon-ts.js", getBuiltinModule: "function" },
  "credentials in files, as Mastodon.py writes them": { username: "alice", appFileMode: "600", userFileMode: "600" },
  "REST over node:http": rest,
  "REST over fetch": rest,
  "media from a file path and from a Blob": { types: ["image", "image"], descriptions: ["from a path", "from a Blob"] },
  "pagination": { firstPage: 2, remaining: 5, sameAsIterator: true, resumedFromJson: true },
  "errors": {
    notFound: [404, "Record not found"], timeout: ["MastodonReadTimeout", true], unavailable: ["MastodonServiceUnavailableError", true],
    dropped: ["MastodonNetworkError", true], refused: ["MastodonNetworkError", true],
  },
  "redirects and compression (node:http and node:zlib)": { title: "Compressed and moved", seenAcceptEncoding: "gzip, deflate" },
  "stream: SSE over node:http": streamed("SSE over node:http"),
  "stream: SSE over fetch": streamed("SSE over fetch"),
  "stream: WebSocket": streamed("WebSocket"),
  "stream as an async iterable": { event: "update", content: "<p>for the iterator</p>" },
  // RFC 8291's plaintext is not JSON: that it got as far as saying so means it decrypted.
  "Web Push (Web Crypto)": { keys: [["auth", "privkey", "pubkey"], ["auth", "pubkey"], 65, 16], rfcVector: "the decrypted push is not JSON" },
  // 3 rows of 4 sRGB pixels (the sum is Node's figure; test/api/blurhash.test.ts checks the decoder itself);
  // the length: "Hi @alice, see " 15 + a link 23 + " 🐘" 2.
  "blurhash and status length": { size: [3, 4, 3], checksum: 5469, statusLength: 40 },
};

/** A server for what the sandbox does not do: a redirect to a gzip-encoded answer. */
function redirectingGzipServer(): Parameters<typeof withHttpServer>[0] {
  let acceptEncoding: string | undefined;
  return (req, res) => {
    if (req.url === "/seen") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ acceptEncoding }));
    } else if (req.url?.startsWith("/moved/")) {
      acceptEncoding = req.headers["accept-encoding"];
      const body = gzipSync(JSON.stringify({ uri: "far.example", title: "Compressed and moved", version: "4.6.0" }));
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(body);
    } else {
      res.writeHead(301, { Location: `/moved${req.url}` }).end();
    }
  };
}

async function runTour(command: string[]): Promise<Record<string, unknown>> {
  const sandbox = await startSandbox({
    allowPasswordGrant: true,
    faults: [
      { kind: "latency", path: "/api/v1/markers", ms: 2000 },
      { kind: "error", path: "/api/v1/preferences", status: 503 },
      { kind: "drop", path: "/api/v1/favourites" },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-tour-"));
  try {
    let output = "";
    await withHttpServer(redirectingGzipServer(), async (helperUrl) => {
      const { alice, bob } = sandbox.users;
      const input = { url: sandbox.url, alice, bob, dir, helperUrl, pngBase64: png };
      output = await new Promise<string>((resolve, reject) => {
        const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, TOUR_INPUT: JSON.stringify(input), NO_COLOR: "1" } });
        let stdout = "", stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
        const timer = setTimeout(() => child.kill(), 60_000);
        child.on("error", reject);
        child.on("close", (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(stdout);
          else reject(new Error(`the tour exited with ${code}\n${stdout}\n${stderr}`));
        });
      });
    });
    return Object.fromEntries(output.trim().split("\n").map((line) => JSON.parse(line) as [string, unknown]));
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const { name, command } of RUNTIMES) {
  test(`${name}: the runtime tour prints the expected facts`, { skip: Array.isArray(command) ? false : command.missing }, async () => {
    const facts = await runTour(command as string[]);
    for (const [step, expected] of Object.entries(EXPECTED)) assert.deepEqual(facts[step], expected, `step "${step}" on ${name}`);
    assert.deepEqual(Object.keys(facts), Object.keys(EXPECTED), "the same steps, in order");
  });
}
