#!/usr/bin/env node
// The mastodon-sandbox command: starts a sandbox and prints its URL, app credentials and seeded accounts.
import { parseArgs } from "node:util";
import { startSandbox } from "./sandbox.js";

const usage = `Usage: mastodon-sandbox [options]
  --port N                  port to listen on (default 3000; 0 picks a free one)
  --host H                  address to bind (default 127.0.0.1)
  --mastodon-version V      version the instance reports (default 4.6.0)
  --allow-password-grant    accept grant_type=password, as Mastodon did before 4.4
  --control-api             enable the /__sandbox/ fault-injection endpoints
  --no-rate-limit           switch the 300 requests / 5 minutes limits off
  --heartbeat-ms N          SSE heartbeat interval (default 15000)
  -h, --help                show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3000" },
      host: { type: "string", default: "127.0.0.1" },
      "mastodon-version": { type: "string" },
      "allow-password-grant": { type: "boolean", default: false },
      "control-api": { type: "boolean", default: false },
      "no-rate-limit": { type: "boolean", default: false },
      "heartbeat-ms": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const heartbeat = values["heartbeat-ms"] === undefined ? undefined : Number(values["heartbeat-ms"]);
  const sandbox = await startSandbox({
    port,
    host: values.host,
    ...(values["mastodon-version"] ? { version: values["mastodon-version"] } : {}),
    allowPasswordGrant: values["allow-password-grant"],
    controlApi: values["control-api"],
    ...(values["no-rate-limit"] ? { rateLimit: false as const } : {}),
    ...(heartbeat !== undefined && Number.isFinite(heartbeat) ? { streaming: { heartbeatMs: heartbeat } } : {}),
  });
  console.log(`mastodon-sandbox listening on ${sandbox.url} (streaming: ${sandbox.streamingUrl})`);
  console.log(`client app: client_id=${sandbox.application.client_id} client_secret=${sandbox.application.client_secret}`);
  for (const account of sandbox.accounts) {
    console.log(`  @${account.username}${account.locked ? " (locked)" : ""} id=${account.id} password=${account.password} access_token=${account.access_token}`);
  }
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
