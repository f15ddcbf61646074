/**
 * One tour of the client's runtime-dependent parts, run as a user runs it (the package imported by
 * name) on Node, Bun and Deno by runtimes.test.ts, which compares what each prints.
 *
 * Plain JavaScript so that every runtime runs it as it is. Input: the TOUR_INPUT environment
 * variable (JSON: the sandbox's URL and users, a scratch directory, a helper server's URL).
 * Output: one JSON line per step, `[step, facts]`. Facts are what must not differ between runtimes
 * (no ids, no timings); a step that throws prints its error's class and message instead.
 */
/* global atob, Blob, fetch, setTimeout, clearTimeout -- the platform globals all three runtimes share */
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CallbackStreamListener, Mastodon, MastodonNetworkError, MastodonNotFoundError, MastodonReadTimeout,
  MastodonServiceUnavailableError,
} from "mastodon-ts";

const input = JSON.parse(process.env.TOUR_INPUT ?? "{}");
const { url, alice, bob, dir, helperUrl } = input;

async function step(name, run) {
  let facts;
  try {
    facts = await run();
  } catch (error) {
    facts = { threw: `${error?.constructor?.name}: ${error?.message}` };
  }
  console.log(JSON.stringify([name, facts]));
}

/** The class name of what `promise` rejects with (or "resolved"), and whether it is an instance of `expected`. */
const outcome = (promise, expected) => promise.then(() => ["resolved", false], (error) => [error?.constructor?.name ?? String(error), error instanceof expected]);

// Bun and Deno have a global WebSocket; Node 20 users pass the ws package's.
const WebSocket = globalThis.WebSocket ? undefined : (await import("ws")).default;
const m = new Mastodon({ api_base_url: url, access_token: alice.access_token, WebSocket });
const viaFetch = new Mastodon({ api_base_url: url, access_token: alice.access_token, fetch: (...args) => globalThis.fetch(...args) });
const bobClient = new Mastodon({ api_base_url: url, access_token: bob.access_token });

await step("the package entry", () => ({
  module: import.meta.resolve("mastodon-ts").replace(/^.*\/dist\//, "dist/"),
  // What lets the client reach node:http and the file system (Node ≥ 20.16, Bun, Deno).
  getBuiltinModule: typeof process.getBuiltinModule,
}));

await step("credentials in files, as Mastodon.py writes them", async () => {
  const appFile = join(dir, "app.secret");
  const userFile = join(dir, "user.secret");
  await Mastodon.createApp("runtime tour", { api_base_url: url, to_file: appFile });
  await new Mastodon({ client_id: appFile }).logIn({ username: alice.email, password: alice.password, to_file: userFile });
  const me = await new Mastodon({ access_token: userFile }).accountVerifyCredentials();
  return {
    username: me.username,
    appFileMode: (statSync(appFile).mode & 0o777).toString(8),
    userFileMode: (statSync(userFile).mode & 0o777).toString(8),
  };
});

for (const [label, client] of [["node:http", m], ["fetch", viaFetch]]) {
  await step(`REST over ${label}`, async () => {
    const posted = await client.statusPost("Hello from the runtime tour", { visibility: "unlisted", spoiler_text: "tour" });
    const read = await client.status(posted);
    await client.statusFavourite(posted);
    const deleted = await client.statusDelete(posted);
    return {
      content: read.content, visibility: read.visibility, spoiler: read.spoiler_text,
      createdAtIsDate: read.created_at instanceof Date, accountCreatedAtIsDate: read.account.created_at instanceof Date,
      deletedText: deleted.text, rateLimitRead: typeof client.ratelimit_remaining === "number",
      gone: await outcome(client.status(posted.id), MastodonNotFoundError),
    };
  });
}

await step("media from a file path and from a Blob", async () => {
  const png = Uint8Array.from(atob(input.pngBase64), (c) => c.charCodeAt(0));
  const path = join(dir, "square.png");
  writeFileSync(path, png);
  const fromPath = await m.mediaPost(path, { description: "from a path", synchronous: true });
  const fromBlob = await m.mediaPost(new Blob([png], { type: "image/png" }), { description: "from a Blob", synchronous: true });
  return { types: [fromPath.type, fromBlob.type], descriptions: [fromPath.description, fromBlob.description] };
});

await step("pagination", async () => {
  for (let i = 0; i < 5; i++) await m.statusPost(`page filler ${i}`);
  const first = await m.timelineHome({ limit: 2 });
  const all = await m.fetchRemaining(first);
  const walked = [];
  for await (const status of m.paginationIterator(await m.timelineHome({ limit: 2 }))) walked.push(status.id);
  const resumed = await m.fetchNext(JSON.parse(JSON.stringify(m.getPaginationInfo(first, "next"))));
  return {
    firstPage: first.length, remaining: all.length, sameAsIterator: JSON.stringify(walked) === JSON.stringify(all.map((s) => s.id)),
    resumedFromJson: resumed?.[0]?.id === all[2]?.id,
  };
});

await step("errors", async () => {
  const slow = new Mastodon({ api_base_url: url, access_token: alice.access_token, request_timeout: 0.3 });
  const unreachable = new Mastodon({ api_base_url: "http://127.0.0.1:9", access_token: "t", request_timeout: 5 });
  const notFound = await m.status("1").catch((error) => error);
  return {
    notFound: [notFound?.status, notFound?.error],
    timeout: await outcome(slow.markersGet(["home"]), MastodonReadTimeout), // the sandbox holds /api/v1/markers for 2 s
    unavailable: await outcome(m.preferences(), MastodonServiceUnavailableError), // the sandbox answers /api/v1/preferences with 503
    dropped: await outcome(m.favourites(), MastodonNetworkError), // the sandbox hangs up on /api/v1/favourites
    refused: await outcome(unreachable.instance(), MastodonNetworkError),
  };
});

await step("redirects and compression (node:http and node:zlib)", async () => {
  const far = new Mastodon({ api_base_url: helperUrl, access_token: "t" });
  const instance = await far.instance(); // 301 to a gzip-encoded answer
  return { title: instance.title, seenAcceptEncoding: (await (await fetch(`${helperUrl}/seen`)).json()).acceptEncoding };
});

const streamCases = [["SSE over node:http", m, "sse"], ["SSE over fetch", viaFetch, "sse"], ["WebSocket", m, "websocket"]];
for (const [label, client, transport] of streamCases) {
  await step(`stream: ${label}`, async () => {
    const received = {};
    let opened;
    const open = new Promise((resolve) => (opened = resolve));
    const listener = new CallbackStreamListener({
      update_handler: (status) => (received.update = [status.content, status.created_at instanceof Date]),
      notification_handler: (notification) => (received.notification = [notification.type, notification.account.username, notification.created_at instanceof Date]),
      state_handler: (state) => state === "open" && opened(),
    });
    const handle = client.streamUser(listener, { transport, catch_up: false });
    const timer = setTimeout(() => handle.close(), 5000);
    const arrived = async (count, ms) => {
      for (const until = Date.now() + ms; Object.keys(received).length < count && !handle.closed && Date.now() < until;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return Object.keys(received).length >= count;
    };
    await Promise.race([open, handle.done]);
    // Over a WebSocket, "open" means the subscribe message is sent: Mastodon does not confirm it, and
    // on Deno a post made in the same tick can reach the server first. Alice posts until one of her
    // posts arrives, which shows the subscription is live; then Bob mentions her.
    for (let tries = 0; tries < 5 && !(await arrived(1, 0)); tries++) {
      await m.statusPost(`mine, over ${label}`);
      await arrived(1, 500);
    }
    await bobClient.statusPost(`@${alice.username} over ${label}`);
    await arrived(2, 5000);
    handle.close();
    clearTimeout(timer);
    await handle.done;
    return { received, closed: handle.closed, running: handle.running };
  });
}

await step("stream as an async iterable", async () => {
  const handle = m.streamUser(undefined, { transport: "sse", catch_up: false });
  setTimeout(() => void m.statusPost("for the iterator"), 300);
  for await (const event of handle) {
    if (event.event !== "update") continue;
    handle.close();
    return { event: event.event, content: event.payload.content };
  }
  return { ended: "without an update" };
});

await step("Web Push (Web Crypto)", async () => {
  const [priv, pub] = await m.pushSubscriptionGenerateKeys();
  const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  // RFC 8291, Appendix A: the published receiver keys and message.
  const message = fromBase64Url(
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
    "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
    "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
  const receiver = { privkey: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94", auth: "BTBZMqHH6r4Tts7J_aSIgg" };
  const decrypted = await m.pushSubscriptionDecryptPush(message, receiver).catch((error) => error);
  return {
    keys: [Object.keys(priv).sort(), Object.keys(pub).sort(), fromBase64Url(pub.pubkey).length, fromBase64Url(pub.auth).length],
    // The vector's plaintext is not JSON, so the library says so after decrypting it.
    rfcVector: decrypted instanceof Error ? decrypted.message : decrypted,
  };
});

await step("blurhash and status length", () => {
  // sRGB integers, so that no last bit of a float can differ between JavaScript engines.
  const pixels = m.decodeBlurhash("LEHV6nWB2yk8pyo0adR*.7kCMdnj", { out_size: [4, 3], size_per_component: false, return_linear: false });
  return {
    size: [pixels.length, pixels[0].length, pixels[0][0].length],
    checksum: pixels.flat(2).reduce((sum, value) => sum + value, 0),
    statusLength: m.getStatusLength("Hi @alice@example.social, see https://example.com/a/very/long/path 🐘"),
  };
});
