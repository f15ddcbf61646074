/**
 * The client and the sandbox on Node, Bun and Deno: tour.mjs runs in each runtime against its own
 * sandbox and must print the same facts, the ones written out below; then the sandbox runs in Bun
 * and in Deno (sandbox-host.mjs) and serves the tour run on Node. Bun and Deno come from the
 * workspace's dev dependencies (or the PATH); a runtime that is not there is skipped with the reason
 * (failed, under CI). One whose launcher is there but cannot run fails.
 *
 * On Bun and Deno the package's "node" entry is loaded too: credentials go through their node:fs,
 * and requests and SSE streams through their own fetch (faster there than their node:http).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type SeededAccount } from "../../../mastodon-sandbox/src/index.ts";
import { withHttpServer } from "../support/http-server.ts";
import { assertTour, EXPECTED, EXPECTED_ON_BUN_AND_DENO, findOnPath, png, redirectingGzipServer, requireInstalled, SANDBOX_OPTIONS, skipUnlessInstalled } from "./tour-support.ts";

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
  return existsSync(join(BIN, name)) ? join(BIN, name) : findOnPath([name]);
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
  /** Asks the host to stop (its input ends); kills it if it has not within 5 s. */
  const close = async (): Promise<unknown> => {
    child.stdin.end();
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    try {
      return await exited;
    } finally {
      clearTimeout(killer);
    }
  };
  try {
    const { url, users } = JSON.parse(line) as Omit<RunningSandbox, "close">;
    return { url, users, close };
  } catch (error) {
    await close();
    throw new Error(`the sandbox host's first line is not its address: ${line}`, { cause: error });
  }
}

/** Runs the tour with `tour` against a sandbox (in this process, or hosted by another runtime); its facts by step. */
async function runTour(tour: string[], sandboxHost?: string[]): Promise<Record<string, unknown>> {
  const sandbox: RunningSandbox = sandboxHost ? await hostedSandbox(sandboxHost) : await startSandbox(SANDBOX_OPTIONS);
  const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-tour-"));
  try {
    let output = "";
    const helper = redirectingGzipServer();
    await withHttpServer((req, res) => void helper(req, res), async (helperUrl) => {
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

const missing = ({ command }: Runtime): string | null => (Array.isArray(command) ? null : command.missing);

test("node: the client's tour prints the expected facts", async () => {
  assertTour(await runTour(NODE.command as string[]), EXPECTED, "on node");
});

for (const other of OTHERS) {
  const skip = skipUnlessInstalled(missing(other));
  test(`${other.name}: the client's tour prints the same facts as on Node, requests over fetch aside`, { skip }, async () => {
    requireInstalled(missing(other));
    assertTour(await runTour(other.command as string[]), EXPECTED_ON_BUN_AND_DENO, `on ${other.name}`);
  });
  test(`${other.name}: the sandbox serves the tour (the client on Node) as it does on Node`, { skip }, async () => {
    requireInstalled(missing(other));
    assert.ok(other.sandboxCommand, "a command that hosts the sandbox");
    assertTour(await runTour(NODE.command as string[], other.sandboxCommand), EXPECTED, `with the sandbox on ${other.name}`);
  });
}
