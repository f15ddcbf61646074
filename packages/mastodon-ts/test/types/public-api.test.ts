/**
 * The public contract, checked twice: by the type-checker (the assignments and @ts-expect-error
 * lines below fail `npm run typecheck` if a type drifts) and at run time (every Mastodon.py 2.2.2
 * method exists on Mastodon under its lowerCamelCase name).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CallbackStreamListener, Mastodon, MastodonAPIError, MastodonError, MastodonNotFoundError, StreamListener,
  type Account, type Notification, type PaginationInfo, type Relationship, type ScheduledStatus, type Status, type StreamHandle,
} from "../../src/index.ts";

const specFile = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/spec/mastodonpy-methods.json");

/** Compiles only when `value` has exactly type T (up to assignability both ways). */
function expectType<T>(value: T): T {
  return value;
}

// Never called: its body only has to type-check.
async function typeContract(m: Mastodon): Promise<void> {
  expectType<Status | ScheduledStatus>(await m.statusPost("hi", { visibility: "unlisted", spoiler_text: "cw", in_reply_to_id: "1" }));
  expectType<Status>(await m.toot("hi"));
  expectType<Relationship>(await m.accountFollow({ id: "1" }, { reblogs: false }));
  const page = await m.timeline({ timeline: "local", limit: 20 });
  expectType<Status[]>(page);
  expectType<Date>(page[0]!.created_at);
  expectType<Status[] | null>(await m.fetchNext(page));
  expectType<Status[]>(await m.fetchRemaining(page));
  expectType<PaginationInfo | null>(m.getPaginationInfo(page, "next"));
  for await (const status of m.paginationIterator(page)) expectType<Status>(status);
  for await (const [status, info] of m.paginationIterator(page, { return_pagination_info: true })) {
    expectType<Status>(status);
    expectType<PaginationInfo | null>(info);
  }
  expectType<Notification>(await m.notifications({ id: "5" }));
  expectType<Notification[]>(await m.notifications({ types: ["mention"] }));
  expectType<Account>(await m.account("1"));
  expectType<[string, string]>(await Mastodon.createApp("app", { api_base_url: "https://example.social" }));
  expectType<string>(await m.logIn({ username: "a", password: "b", to_file: "user.secret" }));
  const handle = m.streamUser(new CallbackStreamListener({ update_handler: (s) => expectType<Status>(s) }));
  expectType<StreamHandle>(handle);
  expectType<Promise<void>>(handle.done);
  for await (const event of m.streamHashtag("cats")) if (event.event === "update") expectType<Status>(event.payload);
  expectType<typeof m.streamUser>(m.userStream);
  // @ts-expect-error an unknown option name is refused
  await m.statusPost("hi", { visiblity: "public" });
  // @ts-expect-error options are snake_case, as in Mastodon.py
  await m.accountFollow("1", { showReblogs: false });
  // @ts-expect-error the required status text is positional
  await m.statusPost({ status: "hi" });
}
void typeContract;

test("errors are real Error subclasses with Mastodon.py's names", () => {
  const error = new MastodonNotFoundError({ status: 404, reason: "Not Found", error: "Record not found", error_description: null, headers: {}, method: "GET", url: "u", body: null });
  assert.ok(error instanceof MastodonAPIError && error instanceof MastodonError && error instanceof Error);
  assert.ok(new CallbackStreamListener() instanceof StreamListener);
});

test("every public method of Mastodon.py 2.2.2 exists on Mastodon", { skip: existsSync(specFile) ? false : `${specFile} is absent` }, () => {
  const methods = JSON.parse(readFileSync(specFile, "utf8")) as Array<{ name: string; kind: string }>;
  const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  const missing = methods
    .filter((method) => method.name !== "__init__")
    .map((method) => ({ name: camel(method.name), static: method.kind === "staticmethod" || method.name === "create_app" }))
    .filter(({ name, static: isStatic }) => typeof (isStatic ? Reflect.get(Mastodon, name) : Reflect.get(Mastodon.prototype, name)) !== "function");
  assert.deepEqual(missing, []);
  assert.equal(methods.length - 1, 268);
});
