import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Mastodon, MastodonIOError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

// Debian's python3-mastodon (Mastodon.py 1.8), installed by .ci/run; the system interpreter has it.
const PYTHON = "/usr/bin/python3";
const hasMastodonPy = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import mastodon"]).status === 0;
const skip = hasMastodonPy ? false : "python3-mastodon is not installed (apt-get install python3-mastodon)";

/** Runs a Python script without blocking the event loop (the test's server must keep answering). */
function python(script: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-c", script], { cwd });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`python failed: ${err}`))));
  });
}

test("credential files written by mastodon-ts are read by Mastodon.py", { skip }, async () => {
  const server = await startScriptedServer((req) => req.path === "/api/v1/apps"
    ? { body: { client_id: "cid-123", client_secret: "csecret-456" } }
    : { body: { access_token: "token-789", scope: "read write follow push", token_type: "Bearer", created_at: 1 } });
  const dir = mkdtempSync(join(tmpdir(), "interop-"));
  try {
    await Mastodon.createApp("interop app", { api_base_url: server.url, to_file: join(dir, "app.secret") });
    const m = new Mastodon({ client_id: join(dir, "app.secret") });
    await m.logIn({ username: "a", password: "b", to_file: join(dir, "user.secret") });
    const out = await python([
      "from mastodon import Mastodon",
      "a = Mastodon(client_id='app.secret', version_check_mode='none')",
      "u = Mastodon(access_token='user.secret', version_check_mode='none')",
      "print(a.client_id, a.client_secret, a.api_base_url, u.access_token, u.api_base_url, u.client_id, u.client_secret)",
    ].join("\n"), dir);
    assert.equal(out, `cid-123 csecret-456 ${server.url} token-789 ${server.url} cid-123 csecret-456`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test("credential files written by Mastodon.py are read by mastodon-ts", { skip }, async () => {
  const server = await startScriptedServer((req) => req.path === "/api/v1/apps"
    ? { body: { client_id: "py-cid", client_secret: "py-secret" } }
    : { body: { access_token: "py-token", scope: "read write follow push", token_type: "Bearer", created_at: 1 } });
  const dir = mkdtempSync(join(tmpdir(), "interop-"));
  try {
    // Mastodon.py registers and logs in against a local server, writing its own files.
    await python([
      "from mastodon import Mastodon",
      `Mastodon.create_app('py app', api_base_url='${server.url}', to_file='app.secret')`,
      "m = Mastodon(client_id='app.secret', version_check_mode='none')",
      "m.log_in('a@example.org', 'pw', to_file='user.secret')",
    ].join("\n"), dir);
    const user = new Mastodon({ access_token: join(dir, "user.secret") });
    assert.deepEqual([user.access_token, user.api_base_url, user.client_id, user.client_secret], ["py-token", server.url, "py-cid", "py-secret"]);
    const app = new Mastodon({ client_id: join(dir, "app.secret") });
    assert.deepEqual([app.client_id, app.client_secret, app.api_base_url], ["py-cid", "py-secret", server.url]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test("a file is read only when the value names an existing file", () => {
  const dir = mkdtempSync(join(tmpdir(), "interop-"));
  try {
    writeFileSync(join(dir, "x"), "from-file\n");
    assert.equal(new Mastodon({ api_base_url: "https://a.example", access_token: "not-a-file-token" }).access_token, "not-a-file-token");
    assert.equal(new Mastodon({ api_base_url: "https://a.example", access_token: join(dir, "x") }).access_token, "from-file");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a credential file that cannot be written fails before anything is sent, so no secret is issued and lost", async () => {
  const server = await startScriptedServer(() => ({ body: { client_id: "cid", client_secret: "cs", access_token: "tok", scope: "read write follow push" } }));
  const dir = mkdtempSync(join(tmpdir(), "interop-"));
  const getBuiltinModule = process.getBuiltinModule;
  try {
    const cannotWrite = (e: unknown) => e instanceof MastodonIOError && /Cannot write credential file .*nothing was sent to the server/.test(e.message);
    const missingDir = join(dir, "no-such-dir", "app.secret");
    await assert.rejects(Mastodon.createApp("app", { api_base_url: server.url, to_file: missingDir }), cannotWrite);
    const m = new Mastodon({ api_base_url: server.url, client_id: "cid", client_secret: "cs" });
    await assert.rejects(m.logIn({ username: "a", password: "b", to_file: dir }), cannotWrite); // a directory in the file's place
    await assert.rejects(m.createAccount("u", "p", "e@example.org", { agreement: true, to_file: missingDir }), cannotWrite);
    writeFileSync(join(dir, "plain"), "x");
    await assert.rejects(Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "plain", "app.secret") }), cannotWrite);
    await assert.rejects(Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "new") + "/" }), cannotWrite);
    symlinkSync(join(dir, "no-such-dir", "target.secret"), join(dir, "dangling-into-nothing"));
    await assert.rejects(Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "dangling-into-nothing") }), cannotWrite);
    // No file system at all, as in a browser.
    Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true, writable: true });
    await assert.rejects(Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "app.secret") }), (e: unknown) =>
      e instanceof MastodonIOError && /needs a file system/.test(e.message));
    Object.defineProperty(process, "getBuiltinModule", { value: getBuiltinModule, configurable: true, writable: true });
    assert.equal(server.requests.length, 0);
    // The probe leaves nothing behind: no file where there was none, a symbolic link still dangling.
    assert.deepEqual(readdirSync(dir).sort(), ["dangling-into-nothing", "plain"]);
    symlinkSync(join(dir, "target.secret"), join(dir, "link.secret"));
    await Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "link.secret") });
    assert.equal(readFileSync(join(dir, "target.secret"), "utf8").split("\n")[0], "cid"); // written through the link
    // An existing file is overwritten, as before.
    writeFileSync(join(dir, "app.secret"), "old\n");
    await Mastodon.createApp("app", { api_base_url: server.url, to_file: join(dir, "app.secret") });
    assert.equal(readFileSync(join(dir, "app.secret"), "utf8").split("\n")[0], "cid");
  } finally {
    Object.defineProperty(process, "getBuiltinModule", { value: getBuiltinModule, configurable: true, writable: true });
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});
