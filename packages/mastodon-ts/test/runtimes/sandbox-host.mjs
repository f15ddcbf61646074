/**
 * Runs a mastodon-sandbox in this runtime (Node, Bun or Deno) for runtimes.test.ts: options from
 * the SANDBOX_OPTIONS environment variable (JSON), one JSON line out with its URL and users, and
 * it shuts down when its standard input ends.
 */
import { startSandbox } from "mastodon-sandbox";

const sandbox = await startSandbox(JSON.parse(process.env.SANDBOX_OPTIONS ?? "{}"));
console.log(JSON.stringify({ url: sandbox.url, users: sandbox.users }));
process.stdin.resume();
process.stdin.on("end", () => void sandbox.close().then(() => process.exit(0)));
