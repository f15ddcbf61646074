/**
 * The demo behind `npm start`: a mastodon-sandbox server in this process, and mastodon-ts used
 * exactly as the README's quickstart shows (app and user credentials in files), then a tour:
 * toot, upload an image with a description, reply, favourite, follow, page through a timeline,
 * and receive a streamed event.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "mastodon-sandbox";
import { CallbackStreamListener, Mastodon, type Status } from "mastodon-ts";
import { tinyPng } from "./tiny-png.ts";

const started = Date.now();
const step = (text: string): void => console.log(`[${String(Date.now() - started).padStart(5)} ms] ${text}`);

// Mastodon 4.4 removed the password grant; the sandbox can switch it back on for this quickstart.
const sandbox = await startSandbox({ allowPasswordGrant: true });
const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-demo-"));
step(`sandbox running at ${sandbox.url}`);

try {
  // 1. Register the app, keeping its credentials in a file.
  const appFile = join(dir, "app.secret");
  await Mastodon.createApp("mastodon-ts demo", { api_base_url: sandbox.url, to_file: appFile });
  step(`registered the app → ${appFile}`);

  // 2. Log in, keeping the token in a file.
  const userFile = join(dir, "user.secret");
  const alice = sandbox.users.alice;
  if (!alice) throw new Error("the sandbox has no alice");
  await new Mastodon({ client_id: appFile }).logIn({ username: alice.email, password: alice.password, to_file: userFile });
  step(`logged in as @${alice.username} → ${userFile}`);

  // 3. Every later run starts from the token file.
  const m = new Mastodon({ access_token: userFile });
  const toot = await m.toot("Hello from mastodon-ts! #demo");
  step(`tooted ${toot.id}: ${toot.content}`);

  // 4. Upload an image with a description and attach it.
  const media = await m.mediaPost(tinyPng(), { description: "A small blue square", synchronous: true });
  const withImage = await m.statusPost("A picture for you", { media_ids: [media], visibility: "unlisted" });
  step(`uploaded ${media.type} ${media.id} ("${media.description}") and posted it in ${withImage.id}`);

  // 5. Bob replies, favourites, and follows; Alice sees it all.
  const bobUser = sandbox.users.bob;
  if (!bobUser) throw new Error("the sandbox has no bob");
  const bob = new Mastodon({ api_base_url: sandbox.url, access_token: bobUser.access_token });
  const reply = await bob.statusPost("@alice nice one!", { in_reply_to_id: toot });
  await bob.statusFavourite(toot);
  step(`@bob replied (${reply.id}) and favourited ${toot.id}`);
  const relationship = await m.accountFollow(await bob.accountVerifyCredentials());
  step(`@alice followed @bob (locked): requested=${relationship.requested}`);
  const [request] = await bob.followRequests();
  if (request) await bob.followRequestAuthorize(request);
  const [now] = await m.accountRelationships(bobUser.id);
  step(`@bob accepted: following=${now?.following}`);
  const notifications = await m.notifications({ types: ["mention", "favourite"] });
  step(`@alice has ${notifications.length} notifications: ${notifications.map((n) => n.type).join(", ")}`);

  // 6. Page through a timeline, ten statuses at a time.
  for (let i = 1; i <= 25; i++) await m.statusPost(`Counting: ${i}`, { visibility: "public" });
  const pages: number[] = [];
  let page: Status[] | null = await m.timelineHome({ limit: 10 });
  while (page && page.length > 0) {
    pages.push(page.length);
    page = await m.fetchNext(page);
  }
  step(`paged through the home timeline: ${pages.join(" + ")} statuses`);

  // 7. Receive a streamed event.
  const received = new Promise<Status>((resolve) => {
    const handle = m.streamHashtag("demo", new CallbackStreamListener({
      update_handler: (status) => {
        handle.close();
        resolve(status);
      },
      state_handler: (state) => {
        if (state === "open") void bob.toot("Streaming works #demo");
      },
    }));
  });
  const streamed = await received;
  step(`stream delivered ${streamed.id} by @${streamed.account.acct}, created ${streamed.created_at.toISOString()}`);
  step(`rate limit: ${m.ratelimit_remaining} of ${m.ratelimit_limit} calls left in this window`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await sandbox.close();
}
step("done");
