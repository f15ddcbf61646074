/**
 * The floor: what any client must do at least. fetch + JSON.parse for pages, the Link header
 * parsed by hand for paging, fetch + a minimal line splitter for SSE, `ws` + JSON.parse for
 * WebSocket. No dates parsed, no errors mapped: everything a library adds is measured against this.
 */
/* global fetch, TextDecoder, AbortController -- Node's globals; the root's lint config declares only console, process and URL for .mjs */
import WebSocket from "ws";

const nextLink = (link) => (link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null : null);

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return { body: JSON.parse(await response.text()), link: response.headers.get("link") };
}

/** SSE: split the text on blank lines and hand each `update`'s data to JSON.parse. */
async function sse(ctx, onUpdate, signal) {
  const response = await fetch(`${ctx.base}/api/v1/streaming/user`, { headers: { ...ctx.headers, Accept: "text/event-stream" }, signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of response.body) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let from = 0, end;
    while ((end = text.indexOf("\n\n", from)) >= 0) {
      const block = text.slice(from, end);
      from = end + 2;
      let event = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (event === "update") onUpdate(JSON.parse(data));
    }
    rest = text.slice(from);
  }
}

export default {
  name: "raw",
  label: "raw fetch",
  version: () => "+ JSON.parse",
  async create({ base, token }) {
    return { base, headers: { Authorization: `Bearer ${token}` }, token };
  },
  async home(ctx) {
    return (await getJson(`${ctx.base}/api/v1/timelines/home?limit=40`, ctx.headers)).body;
  },
  async walk(ctx, onStatus) {
    let url = `${ctx.base}/api/v1/timelines/home?limit=40`;
    while (url) {
      const { body, link } = await getJson(url, ctx.headers);
      if (body.length === 0) break;
      for (const status of body) onStatus(status);
      url = nextLink(link);
    }
  },
  streamSupport: () => null,
  async stream(ctx, transport, onUpdate) {
    if (transport === "sse") {
      const abort = new AbortController();
      sse(ctx, onUpdate, abort.signal).catch(() => undefined);
      return { close: () => abort.abort() };
    }
    const socket = new WebSocket(`${ctx.base.replace("http", "ws")}/api/v1/streaming?stream=user`, { headers: ctx.headers });
    socket.on("message", (data) => {
      const message = JSON.parse(data);
      if (message.event === "update") onUpdate(JSON.parse(message.payload));
    });
    socket.on("error", () => undefined);
    return { close: () => socket.terminate() };
  },
  // Touching `fetch` loads Node's HTTP client (undici), which every contender needs too.
  coldStart: () => "globalThis.fetch;",
  bundles: () => ({
    "client + home timeline": `const r = await fetch("https://example.social/api/v1/timelines/home?limit=40", { headers: { Authorization: "Bearer t" } });
console.log(JSON.parse(await r.text()).length);`,
  }),
  install: () => null,
};
