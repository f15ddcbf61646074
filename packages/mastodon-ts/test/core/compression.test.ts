/**
 * Compressed answers: servers (Mastodon's nginx configuration among them) compress JSON for
 * clients that ask. The node:http transport must ask and decode as fetch does.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { Mastodon, MastodonNetworkError } from "../../src/index.ts";
import { withHttpServer } from "../support/http-server.ts";

const page = [{ id: "1", created_at: "2026-08-01T00:00:00.000Z", content: "<p>é 🐘</p>".repeat(50) }];
const encoders: Record<string, (bytes: Buffer) => Buffer> = {
  gzip: (b) => gzipSync(b), br: (b) => brotliCompressSync(b), deflate: (b) => deflateSync(b), "deflate (raw)": (b) => deflateRawSync(b),
  "deflate, gzip": (b) => gzipSync(deflateSync(b)),
  // A coding the client does not know: fetch hands the body over as it came, and so does node:http.
  "zstd-unknown": (b) => b,
};

async function withEncodingServer(encoding: string, run: (url: string, seen: IncomingMessage["headers"][]) => Promise<void>): Promise<void> {
  const seen: IncomingMessage["headers"][] = [];
  await withHttpServer((req, res) => {
    seen.push(req.headers);
    const json = Buffer.from(JSON.stringify(page));
    if (encoding === "corrupt") {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(Buffer.from("this is not gzip"));
      return;
    }
    const encode = encoders[encoding];
    if (!encode) throw new Error(encoding);
    res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding.replace(" (raw)", "") }).end(encode(json));
  }, (url) => run(url, seen));
}

const transports = [["node:http", {}], ["fetch", { fetch: globalThis.fetch }]] as const;

for (const [name, options] of transports) {
  for (const encoding of Object.keys(encoders)) {
    test(`${name}: a ${encoding} answer is decoded`, async () => {
      await withEncodingServer(encoding, async (url) => {
        const m = new Mastodon({ api_base_url: url, access_token: "t", ...options });
        const statuses = await m.timelineHome();
        assert.equal(statuses[0]?.content, page[0]?.content);
        assert.ok(statuses[0]?.created_at instanceof Date);
      });
    });
  }

  test(`${name}: a body that does not decode fails as a cut-off body`, async () => {
    await withEncodingServer("corrupt", async (url) => {
      const m = new Mastodon({ api_base_url: url, access_token: "t", ...options });
      await assert.rejects(m.timelineHome(), (e: unknown) => e instanceof MastodonNetworkError && /cut off/.test(e.message));
    });
  });
}

test("node:http asks for the same encodings as fetch", async () => {
  const asked: string[] = [];
  for (const [, options] of transports) {
    await withEncodingServer("gzip", async (url, seen) => {
      await new Mastodon({ api_base_url: url, access_token: "t", ...options }).timelineHome();
      asked.push(String(seen[0]?.["accept-encoding"]));
    });
  }
  assert.match(asked[1] ?? "", /gzip/);
  assert.equal(asked[0], asked[1]);
});
