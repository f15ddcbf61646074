/**
 * masto.js 8 (dev dependency of the bench only). Every response goes through its serializer,
 * which renames each key to camelCase. Its streaming client needs Node 22 (a global WebSocket
 * and Promise.withResolvers); on older Node that part is reported as not run.
 */
import { readFileSync } from "node:fs";

const PKG = new URL("../node_modules/masto/package.json", import.meta.url);

export default {
  name: "masto",
  label: "masto",
  version: () => JSON.parse(readFileSync(PKG, "utf8")).version,
  async create({ base, token }) {
    const masto = await import("masto");
    return { masto, base, token, rest: masto.createRestAPIClient({ url: base, accessToken: token }) };
  },
  home: (ctx) => ctx.rest.v1.timelines.home.list({ limit: 40 }),
  async walk(ctx, onStatus) {
    // The paginator follows the Link header; iterating it yields page after page.
    for await (const page of ctx.rest.v1.timelines.home.list({ limit: 40 })) for (const status of page) onStatus(status);
  },
  streamSupport(transport) {
    if (transport === "sse") return "masto 8 streams over WebSocket only";
    if (typeof Promise.withResolvers === "function" && typeof globalThis.WebSocket === "function") return null;
    if (process.env.BENCH_MASTO_POLYFILL !== "1") {
      return `masto 8's streaming client needs Node 22 (a global WebSocket, Promise.withResolvers); this is Node ${process.version} (BENCH_MASTO_POLYFILL=1 runs it with polyfills)`;
    }
    return null; // stream() fills in what is missing
  },
  async stream(ctx, _transport, onUpdate) {
    const { default: WebSocket } = await import("ws");
    // Opt-in (BENCH_MASTO_POLYFILL=1), to see masto's streaming figures on Node 20 anyway.
    globalThis.WebSocket ??= WebSocket;
    Promise.withResolvers ??= function withResolvers() {
      let resolve, reject;
      const promise = new this((yes, no) => ((resolve = yes), (reject = no)));
      return { promise, resolve, reject };
    };
    const streaming = ctx.masto.createStreamingAPIClient({
      streamingApiUrl: ctx.base.replace("http", "ws"), accessToken: ctx.token, implementation: WebSocket, retry: false,
    });
    const subscription = streaming.user.subscribe();
    void (async () => {
      for await (const event of subscription) if (event.event === "update") onUpdate(event.payload);
    })().catch(() => undefined);
    return { close: () => { subscription.unsubscribe(); streaming.close(); } };
  },
  coldStart: () => `const { createRestAPIClient } = await import("masto");
createRestAPIClient({ url: "http://127.0.0.1:9", accessToken: "t" });`,
  bundles: () => ({
    "client + home timeline": `import { createRestAPIClient } from "masto";
const masto = createRestAPIClient({ url: "https://example.social", accessToken: "t" });
console.log((await masto.v1.timelines.home.list({ limit: 40 })).length);`,
    "whole client": `export * from "masto";`,
  }),
  install: () => ({ spec: `masto@${JSON.parse(readFileSync(PKG, "utf8")).version}` }),
};
