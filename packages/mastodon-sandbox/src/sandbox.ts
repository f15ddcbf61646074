// Wiring: options -> core (state) -> app (request handler) -> node:http server + WebSockets.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Core } from "./core.js";
import { controlRouter } from "./faults/control.js";
import type { FaultRule } from "./faults/rules.js";
import { resolveOptions, type SandboxOptions } from "./options.js";
import { apiRouter } from "./routes/index.js";
import { SandboxApp } from "./server/app.js";
import { createHttpServer } from "./server/http.js";
import { seedUsers, type SeededAccount } from "./services/accounts.js";
import { StreamingSockets } from "./streaming/websocket.js";

export interface SandboxApplication {
  client_id: string;
  client_secret: string;
  name: string;
}

/** A sandbox without a socket: call `fetch` in-process. */
export interface SandboxHandler {
  readonly core: Core;
  readonly fetch: (request: Request) => Promise<Response>;
  readonly accounts: SeededAccount[];
  readonly application: SandboxApplication;
  /** Cancels every timer (scheduled statuses, poll expiry, heartbeats). */
  dispose(): void;
}

export interface Sandbox extends SandboxHandler {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** ws://host:port, the same server; also in instance.configuration.urls.streaming. */
  readonly streamingUrl: string;
  /** Seeded users by username, for convenience: sandbox.users.alice.access_token */
  readonly users: Record<string, SeededAccount>;
  readonly faults: {
    add(rule: FaultRule): void;
    clear(): void;
    list(): FaultRule[];
  };
  readonly streams: {
    /** Cut every streaming connection (SSE and WebSocket) now; returns how many. */
    disconnectAll(): number;
    /** Stop sending on every open stream but keep the sockets open; returns how many. */
    halfOpenAll(): number;
    /** Number of open streaming connections. */
    count(): number;
  };
  close(): Promise<void>;
}

export function createSandboxHandler(options: SandboxOptions = {}): SandboxHandler {
  const resolved = resolveOptions(options);
  const core = new Core(resolved);
  const app = new SandboxApp(core, apiRouter(), resolved.controlApi ? controlRouter() : undefined);
  const seeded = seedUsers(core, resolved.users);
  return {
    core,
    fetch: (request) => app.fetch(request),
    accounts: seeded.accounts,
    application: { client_id: seeded.application.clientId, client_secret: seeded.application.clientSecret, name: seeded.application.name },
    dispose: () => {
      core.hub.closeAll();
      core.timers.clearAll();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("server has no TCP address"));
      else resolve(address);
    });
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const core = new Core(resolved);
  const app = new SandboxApp(core, apiRouter(), resolved.controlApi ? controlRouter() : undefined);
  const server = createHttpServer(app);
  const sockets = new StreamingSockets(core);
  sockets.attach(server);
  const address = await listen(server, resolved.port, resolved.host);
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  core.setBaseUrl(`http://${hostForUrl}:${address.port}`);
  const seeded = seedUsers(core, resolved.users);
  let closed: Promise<void> | undefined;

  return {
    core,
    url: core.baseUrl(),
    port: address.port,
    host: address.address,
    streamingUrl: core.streamingUrl(),
    fetch: (request) => app.fetch(request),
    accounts: seeded.accounts,
    users: Object.fromEntries(seeded.accounts.map((a) => [a.username, a])),
    application: { client_id: seeded.application.clientId, client_secret: seeded.application.clientSecret, name: seeded.application.name },
    faults: {
      add: (rule) => core.faults.add(rule),
      clear: () => core.faults.clear(),
      list: () => core.faults.list(),
    },
    streams: {
      disconnectAll: () => core.hub.killAll(),
      halfOpenAll: () => core.hub.freezeAll(),
      count: () => core.hub.sinks.size,
    },
    dispose: () => {
      core.hub.closeAll();
      core.timers.clearAll();
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        core.hub.closeAll();
        sockets.close();
        core.timers.clearAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
