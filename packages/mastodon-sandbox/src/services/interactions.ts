// Reblogs, favourites and poll votes: the interactions that notify the author
// (docs: methods/statuses.md, methods/polls.md).
import type { Core } from "../core.js";
import { pollExpired } from "../render/poll.js";
import { notAllowed, recordNotFound, unprocessable, validationFailed } from "../server/errors.js";
import type { AccountRecord, PollRecord, StatusRecord, Visibility } from "../state/types.js";
import { fanOutStatus } from "./fanout.js";
import { notify } from "./notify.js";
import { deleteStatus } from "./statuses.js";

export function reblog(core: Core, account: AccountRecord, original: StatusRecord, visibility: Visibility | undefined, applicationId: string | null): StatusRecord {
  const store = core.store;
  const target = original.reblogOfId ? store.statuses.get(original.reblogOfId) : original;
  if (!target) throw recordNotFound();
  const own = target.accountId === account.id;
  // Private statuses can only be boosted by their author; direct ones never (StatusPolicy#reblog?).
  if (target.visibility === "direct" || (target.visibility === "private" && !own)) throw notAllowed();
  const existing = [...store.statuses.values()].find((s) => s.reblogOfId === target.id && s.accountId === account.id);
  if (existing) return existing;
  const status: StatusRecord = {
    id: store.snowflakes.next(),
    accountId: account.id,
    createdAt: core.now(),
    text: "",
    spoilerText: "",
    visibility: visibility === "unlisted" || visibility === "private" ? visibility : target.visibility === "private" ? "private" : "public",
    sensitive: false,
    language: null,
    inReplyToId: null,
    inReplyToAccountId: null,
    reblogOfId: target.id,
    mediaIds: [],
    pollId: null,
    mentionIds: [],
    tags: [],
    applicationId,
    editedAt: null,
    edits: [],
  };
  store.statuses.set(status.id, status);
  notify(core, { recipientId: target.accountId, type: "reblog", fromId: account.id, statusId: target.id });
  fanOutStatus(core, status, "update");
  return status;
}

export function unreblog(core: Core, account: AccountRecord, original: StatusRecord): StatusRecord {
  const store = core.store;
  const target = original.reblogOfId ? store.statuses.get(original.reblogOfId) : original;
  if (!target) throw recordNotFound();
  for (const status of [...store.statuses.values()]) {
    if (status.reblogOfId === target.id && status.accountId === account.id) deleteStatus(core, status, false);
  }
  return target;
}

export function favourite(core: Core, account: AccountRecord, status: StatusRecord): void {
  const store = core.store;
  if (store.favourites.has(account.id, status.id)) return;
  store.favourites.add(account.id, status.id);
  notify(core, { recipientId: status.accountId, type: "favourite", fromId: account.id, statusId: status.id });
}

export function pin(core: Core, account: AccountRecord, status: StatusRecord): void {
  const store = core.store;
  if (status.accountId !== account.id) throw unprocessable("Validation failed: Status is not yours");
  if (status.reblogOfId !== null || status.visibility === "direct") throw unprocessable("Validation failed: Status cannot be pinned");
  if (!store.pins.has(account.id, status.id) && store.pins.byAccount(account.id).length >= 5) {
    throw validationFailed("You have already pinned the maximum number of posts");
  }
  store.pins.add(account.id, status.id);
}

export function vote(core: Core, account: AccountRecord, poll: PollRecord, choices: number[]): void {
  if (pollExpired(core, poll)) throw validationFailed("The poll has already ended");
  if (poll.votes.has(account.id)) throw validationFailed("You have already voted on this poll");
  const unique = [...new Set(choices)];
  if (unique.length === 0 || unique.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) {
    throw validationFailed("Choice is not a valid option");
  }
  if (!poll.multiple && unique.length > 1) throw validationFailed("You can only pick one option");
  poll.votes.set(account.id, unique);
}
