/**
 * megalodon 10 (dev dependency of the bench only): axios for REST, `ws` for streams (it has
 * no SSE transport). It has no pagination helper, so the walk goes by max_id of the last
 * status, as its users do.
 */
import { readFileSync } from "node:fs";

const PKG = new URL("../node_modules/megalodon/package.json", import.meta.url);

export default {
  name: "megalodon",
  label: "megalodon",
  version: () => JSON.parse(readFileSync(PKG, "utf8")).version,
  async create({ base, token }) {
    const { default: generator } = await import("megalodon");
    return { client: generator("mastodon", base, token) };
  },
  home: async (ctx) => (await ctx.client.getHomeTimeline({ limit: 40 })).data,
  async walk(ctx, onStatus) {
    let max_id;
    for (;;) {
      const { data } = await ctx.client.getHomeTimeline({ limit: 40, max_id });
      if (data.length === 0) break;
      for (const status of data) onStatus(status);
      max_id = data.at(-1).id;
    }
  },
  streamSupport: (transport) => (transport === "sse" ? "megalodon 10 streams over WebSocket only" : null),
  async stream(ctx, _transport, onUpdate) {
    const stream = await ctx.client.userStreaming();
    stream.on("update", onUpdate);
    stream.on("error", () => undefined);
    return { close: () => stream.stop() };
  },
  coldStart: () => `const { default: generator } = await import("megalodon");
generator("mastodon", "http://127.0.0.1:9", "t");`,
  bundles: () => ({
    "client + home timeline": `import generator from "megalodon";
const client = generator("mastodon", "https://example.social", "t");
console.log((await client.getHomeTimeline({ limit: 40 })).data.length);`,
    "whole client": `export * from "megalodon";
export { default } from "megalodon";`,
  }),
  install: () => ({ spec: `megalodon@${JSON.parse(readFileSync(PKG, "utf8")).version}` }),
};
