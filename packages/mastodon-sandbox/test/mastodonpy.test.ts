// Interop: Mastodon.py (Debian's python3-mastodon, run by the system python) against the
// sandbox. Skips, saying why, when the package is not installed.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../src/index.ts";
import { arr, obj, user } from "./helpers.ts";

const PYTHON = "/usr/bin/python3";
const probe = spawnSync(PYTHON, ["-c", "import mastodon"], { encoding: "utf8" });
const skip = probe.status === 0 ? false : `python3-mastodon is not installed for ${PYTHON} (apt-get install -y python3-mastodon)`;
if (skip) console.log(`# Mastodon.py interop skipped: ${skip}`);

function runScript(env: Record<string, string>): Promise<string> {
  const script = join(dirname(fileURLToPath(import.meta.url)), "mastodonpy_interop.py");
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`Mastodon.py script exited with ${code}\n${stderr}`));
    });
  });
}

describe("Mastodon.py interop", { skip }, () => {
  test("create_app, log_in, toot with image, timelines, favourite, follow, notifications, search, paging, streaming", async () => {
    const sandbox = await startSandbox({ allowPasswordGrant: true, rateLimit: false, streaming: { heartbeatMs: 1000 } });
    try {
      const alice = user(sandbox, "alice");
      const admin = user(sandbox, "admin");
      const output = await runScript({
        SANDBOX_URL: sandbox.url,
        SANDBOX_EMAIL: alice.email,
        SANDBOX_PASSWORD: alice.password,
        SANDBOX_OTHER_TOKEN: admin.access_token,
        SANDBOX_OTHER_ID: admin.id,
      });
      const report = obj(JSON.parse(output.trim().split("\n").pop() ?? "{}"));
      console.log(`# Mastodon.py report: ${JSON.stringify(report)}`);
      assert.equal(report["create_app"], true);
      assert.equal(report["log_in"], true);
      assert.equal(report["me"], "alice");
      assert.equal(obj(report["toot_with_image"])["media_type"], "image");
      assert.equal(report["account_follow"], true);
      assert.ok(arr(report["timeline_home"]).some((c) => String(c).includes("a post for the home timeline")));
      assert.equal(report["status_favourite"], true);
      assert.ok(arr(report["notifications"]).includes("mention"));
      assert.deepEqual(report["search"], ["alice"]);
      assert.deepEqual(report["fetch_remaining"], { first_page: 5, total: 13 });
      assert.ok(arr(report["stream_user"]).some((c) => String(c).includes("streamed to Mastodon.py")));
    } finally {
      await sandbox.close();
    }
  });
});
