/**
 * The client and the sandbox on Node, Bun and Deno: tour.mjs runs in each runtime against its own
 * sandbox and must print the same facts, the ones written out below; then the sandbox runs in Bun
 * and in Deno (sandbox-host.mjs) and serves the tour run on Node. Bun and Deno come from the
 * workspace's dev dependencies (or the PATH); a runtime that is not there is skipped with the reason.
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
import { startSandbox, type SandboxOptions, type SeededAccount } from "../../../mastodon-sandbox/src/index.ts";
import { tinyPng } from "../../../../examples/tiny-png.ts";
import { withHttpServer } from "../support/http-server.ts";

const script = (name: string): string => new URL(name, import.meta.url).pathname;
const BIN = new URL("../../../../node_modules/.bin/", import.meta.url).pathname;

interface Runtime {
  name: string;
  /** The command line that runs a script (appended), or why it cannot run here. */
  command: string[] | { missing: string };
  /** The same for the sandbox, when it differs. */
  sandboxCommand?: string[];
}

/** A runtime's binary from the workspace's node_modules, else from the PATH. */
function findBinary(name: string): string | null {
  if (existsSync(join(BIN, name))) return join(BIN, name);
  return spawnSync(name, ["--version"]).status === 0 ? name : null;
}

function runtime(name: string, args: string[], sandboxArgs = args): Runtime {
  const binary = findBinary(name);
  if (!binary) return { name, command: { missing: `${name} is not installed (it is a dev dependency: npm install)` } };
  return { name, command: [binary, ...args], sandboxCommand: [binary, ...sandboxArgs] };
}

const NODE: Runtime = { name: "node", command: [process.execPath] };
const OTHERS: Runtime[] = [
  runtime("bun", []),
  // What a Deno user grants a Mastodon client: the network, and files for credentials and media
  // (the one variable is the tour's input; the client reads none). The sandbox's `ws` reads a few.
  runtime("deno", ["run", "--allow-net", "--allow-read", "--allow-write", "--allow-env=TOUR_INPUT"], ["run", "--allow-net", "--allow-read", "--allow-env"]),
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

const SANDBOX_OPTIONS = {
  allowPasswordGrant: true,
  faults: [
    { kind: "latency", path: "/api/v1/markers", ms: 2000 },
    { kind: "error", path: "/api/v1/preferences", status: 503 },
    { kind: "drop", path: "/api/v1/favourites" },
  ],
} satisfies SandboxOptions;

interface RunningSandbox {
  url: string;
  users: Record<string, SeededAccount>;
  close(): Promise<unknown>;
}

/** Runs `command` to its end; its standard output, or an error with everything it printed. */
function run(command: string[], env: Record<string, string>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env, NO_COLOR: "1" } });
    let stdout = "", stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command.at(-1)} exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}

/** A sandbox in another runtime's process (sandbox-host.mjs); it stops when its input closes. */
async function hostedSandbox(command: string[]): Promise<RunningSandbox> {
  const child = spawn(command[0]!, [...command.slice(1), script("./sandbox-host.mjs")], {
    env: { ...process.env, SANDBOX_OPTIONS: JSON.stringify(SANDBOX_OPTIONS), NO_COLOR: "1" },
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk;
      if (!text.includes("\n")) return;
      clearTimeout(timer);
      resolve(text.slice(0, text.indexOf("\n")));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox host exited (${code}) before it was ready\n${stderr}`));
    });
  });
  const { url, users } = JSON.parse(line) as Omit<RunningSandbox, "close">;
  return { url, users, close: () => (child.stdin.end(), exited) };
}

/** Runs the tour with `tour` against a sandbox (in this process, or hosted by another runtime); its facts by step. */
async function runTour(tour: string[], sandboxHost?: string[]): Promise<Record<string, unknown>> {
  const sandbox: RunningSandbox = sandboxHost ? await hostedSandbox(sandboxHost) : await startSandbox(SANDBOX_OPTIONS);
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-tour-"));
  try {
    let output = "";
    await withHttpServer(redirectingGzipServer(), async (helperUrl) => {
      const { alice, bob } = sandbox.users;
      const input = { url: sandbox.url, alice, bob, dir, helperUrl, pngBase64: png };
      output = await run([...tour, script("./tour.mjs")], { TOUR_INPUT: JSON.stringify(input) });
    });
    return Object.fromEntries(output.trim().split("\n").map((line) => JSON.parse(line) as [string, unknown]));
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertTour(facts: Record<string, unknown>, where: string): void {
  for (const [step, expected] of Object.entries(EXPECTED)) assert.deepEqual(facts[step], expected, `step "${step}" ${where}`);
  assert.deepEqual(Object.keys(facts), Object.keys(EXPECTED), "the same steps, in order");
}

const skipUnless = ({ command }: Runtime): false | string => (Array.isArray(command) ? false : command.missing);

test("node: the client's tour prints the expected facts", async () => {
  assertTour(await runTour(NODE.command as string[]), "on node");
});

for (const other of OTHERS) {
  test(`${other.name}: the client's tour prints the same facts as on Node`, { skip: skipUnless(other) }, async () => {
    assertTour(await runTour(other.command as string[]), `on ${other.name}`);
  });
  test(`${other.name}: the sandbox serves the tour (the client on Node) as it does on Node`, { skip: skipUnless(other) }, async () => {
    assert.ok(other.sandboxCommand, "a command that hosts the sandbox");
    assertTour(await runTour(NODE.command as string[], other.sandboxCommand), `with the sandbox on ${other.name}`);
  });
}
