/**
 * The steps of the runtime tour (see tour.mjs), shared by every runtime and by browsers.
 * `print(step, facts)` receives each step's facts; `files` is node:fs and node:path's pieces where
 * there is a file system, null in browsers; `WebSocket` is what the client must be given (Node 20).
 * Facts are what must not differ between runtimes: no ids, no timings. A step that throws reports
 * its error's class and message instead.
 */
/* global atob, Blob, fetch, setTimeout -- the platform globals every runtime shares */
import {
  CallbackStreamListener, Mastodon, MastodonIllegalArgumentError, MastodonIOError, MastodonNetworkError, MastodonNotFoundError, MastodonReadTimeout,
  MastodonServiceUnavailableError,
} from "mastodon-ts";

export async function tour({ input, print, files, WebSocket }) {
  const { url, alice, bob, dir, helperUrl } = input;

  async function step(name, run) {
    let facts;
    try {
      facts = await run();
    } catch (error) {
      facts = { threw: `${error?.name}: ${error?.message}` };
    }
    await print(name, facts);
  }

  const m = new Mastodon({ api_base_url: url, access_token: alice.access_token, WebSocket });
  const viaFetch = new Mastodon({ api_base_url: url, access_token: alice.access_token, fetch: (...args) => globalThis.fetch(...args) });
  const bobClient = new Mastodon({ api_base_url: url, access_token: bob.access_token });

  /** The class name of what `promise` rejects with (or "resolved"), and whether it is an instance of `expected`. */
  const outcome = (promise, expected) => promise.then(() => ["resolved", false], (error) => [error?.name ?? String(error), error instanceof expected]);

  await step("credentials", async () => {
    if (!files) {
      // No file system: to_file fails at once, and the credentials can be kept by the app itself.
      const toFile = await outcome(Mastodon.createApp("runtime tour", { api_base_url: url, to_file: "app.secret" }), MastodonIOError);
      const [client_id, client_secret] = await Mastodon.createApp("runtime tour", { api_base_url: url });
      const app = new Mastodon({ api_base_url: url, client_id, client_secret });
      const access_token = await app.logIn({ username: alice.email, password: alice.password });
      const me = await new Mastodon({ api_base_url: url, access_token }).accountVerifyCredentials();
      return { username: me.username, toFile };
    }
    // Files in Mastodon.py's formats, created with mode 0600.
    const appFile = files.join(dir, "app.secret");
    const userFile = files.join(dir, "user.secret");
    await Mastodon.createApp("runtime tour", { api_base_url: url, to_file: appFile });
    await new Mastodon({ client_id: appFile }).logIn({ username: alice.email, password: alice.password, to_file: userFile });
    const me = await new Mastodon({ access_token: userFile }).accountVerifyCredentials();
    return {
      username: me.username,
      appFileMode: (files.statSync(appFile).mode & 0o777).toString(8),
      userFileMode: (files.statSync(userFile).mode & 0o777).toString(8),
    };
  });

  for (const [label, client] of [["the default transport", m], ["a given fetch", viaFetch]]) {
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

  await step("media", async () => {
    const png = Uint8Array.from(atob(input.pngBase64), (c) => c.charCodeAt(0));
    const fromBlob = await m.mediaPost(new Blob([png], { type: "image/png" }), { description: "from a Blob", synchronous: true });
    if (!files) return { fromBlob: [fromBlob.type, fromBlob.description], fromPath: await outcome(m.mediaPost("square.png"), MastodonIllegalArgumentError) };
    const path = files.join(dir, "square.png");
    files.writeFileSync(path, png);
    const fromPath = await m.mediaPost(path, { description: "from a path", synchronous: true });
    return { fromBlob: [fromBlob.type, fromBlob.description], fromPath: [fromPath.type, fromPath.description] };
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

  await step("a redirect to a compressed answer", async () => {
    const far = new Mastodon({ api_base_url: helperUrl, access_token: "t" });
    const instance = await far.instance(); // 301 to a gzip-encoded answer
    const seen = await (await fetch(`${helperUrl}/seen`)).json();
    // Every fetch sends "Accept: */*"; the node:http transport sends no Accept, and asks for
    // compression as Node's fetch does. Each fetch asks for compression in its own way.
    const transport = seen.accept === "*/*" ? "fetch" : "node:http";
    if (files && transport === "node:http") return { title: instance.title, transport, acceptEncoding: seen.acceptEncoding, userAgent: seen.userAgent };
    if (files) return { title: instance.title, transport, userAgent: seen.userAgent };
    return { title: instance.title, userAgent: seen.userAgent === globalThis.navigator.userAgent ? "the browser's own" : seen.userAgent };
  });

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Waits until `ready()` or `ms` have passed; whether it is ready. */
  const until = async (ready, ms) => {
    for (const end = Date.now() + ms; !ready() && Date.now() < end;) await pause(20);
    return ready();
  };
  /**
   * Alice posts until one of her posts arrives on the stream, which shows it is live. Over a
   * WebSocket, "open" only means the subscribe message is sent (Mastodon does not confirm it), and
   * on Deno a post made in the same tick can reach the server first.
   */
  const postUntilSeen = async (text, seen, stop) => {
    for (let tries = 0; tries < 10 && !seen() && !stop(); tries++) {
      await m.statusPost(text);
      await until(() => seen() || stop(), 500);
    }
  };

  const streamCases = [["SSE over the default transport", m, "sse"], ["SSE over a given fetch", viaFetch, "sse"], ["WebSocket", m, "websocket"]];
  for (const [label, client, transport] of streamCases) {
    await step(`stream: ${label}`, async () => {
      const received = {};
      const listener = new CallbackStreamListener({
        update_handler: (status) => (received.update = [status.content, status.created_at instanceof Date]),
        notification_handler: (notification) => (received.notification = [notification.type, notification.account.username, notification.created_at instanceof Date]),
      });
      const handle = client.streamUser(listener, { transport, catch_up: false });
      try {
        await until(() => handle.connectionState === "open" || handle.closed, 10_000);
        await postUntilSeen(`mine, over ${label}`, () => "update" in received, () => handle.closed);
        await bobClient.statusPost(`@${alice.username} over ${label}`);
        await until(() => "notification" in received || handle.closed, 5000);
      } finally {
        handle.close();
      }
      await handle.done;
      return { received, closed: handle.closed, running: handle.running };
    });
  }

  await step("stream as an async iterable", async () => {
    const handle = m.streamUser(undefined, { transport: "sse", catch_up: false });
    const first = (async () => {
      for await (const event of handle) if (event.event === "update") return { event: event.event, content: event.payload.content };
      return { ended: "without an update" };
    })();
    let seen = false;
    void first.then(() => (seen = true));
    try {
      await until(() => handle.connectionState === "open" || handle.closed, 10_000);
      await postUntilSeen("for the iterator", () => seen, () => handle.closed);
    } finally {
      handle.close(); // ends the loop if nothing came
    }
    return first;
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
}
