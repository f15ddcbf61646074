// Follows, follow requests, blocks and mutes (Mastodon's FollowService, UnfollowService,
// BlockService, MuteService, AuthorizeFollowService, RejectFollowService).
import type { Core } from "../core.js";
import { notAllowed, recordNotFound } from "../server/errors.js";
import type { AccountRecord, FollowRecord } from "../state/types.js";
import { notify } from "./notify.js";

export interface FollowOptions {
  reblogs?: boolean | undefined;
  notify?: boolean | undefined;
  languages?: string[] | undefined;
}

export function follow(core: Core, actor: AccountRecord, target: AccountRecord, options: FollowOptions): void {
  const store = core.store;
  if (actor.id === target.id) throw recordNotFound();
  if (store.blocks.has(target.id, actor.id) || store.blocks.has(actor.id, target.id)) throw notAllowed();
  const key = store.relationKey(actor.id, target.id);
  const existing = store.follows.get(key) ?? store.followRequests.get(key);
  if (existing) {
    // Following again only updates the options (docs: methods/accounts.md#follow).
    if (options.reblogs !== undefined) existing.showReblogs = options.reblogs;
    if (options.notify !== undefined) existing.notify = options.notify;
    if (options.languages !== undefined) existing.languages = options.languages.length > 0 ? options.languages : null;
    return;
  }
  const record: FollowRecord = {
    id: store.sequences.next(target.locked ? "follow_requests" : "follows"),
    accountId: actor.id,
    targetId: target.id,
    showReblogs: options.reblogs ?? true,
    notify: options.notify ?? false,
    languages: options.languages && options.languages.length > 0 ? options.languages : null,
  };
  if (target.locked) {
    store.followRequests.set(key, record);
    notify(core, { recipientId: target.id, type: "follow_request", fromId: actor.id });
  } else {
    store.follows.set(key, record);
    notify(core, { recipientId: target.id, type: "follow", fromId: actor.id });
  }
}

export function unfollow(core: Core, actor: AccountRecord, target: AccountRecord): void {
  const store = core.store;
  const key = store.relationKey(actor.id, target.id);
  store.follows.delete(key);
  store.followRequests.delete(key);
  // Unfollowing removes the account from the actor's lists, as in Mastodon.
  for (const list of store.lists.values()) {
    if (list.accountId === actor.id) list.memberIds = list.memberIds.filter((id) => id !== target.id);
  }
}

export function authorizeFollowRequest(core: Core, owner: AccountRecord, requester: AccountRecord): void {
  const store = core.store;
  const key = store.relationKey(requester.id, owner.id);
  const request = store.followRequests.get(key);
  if (!request) throw recordNotFound();
  store.followRequests.delete(key);
  store.follows.set(key, { ...request, id: store.sequences.next("follows") });
}

export function rejectFollowRequest(core: Core, owner: AccountRecord, requester: AccountRecord): void {
  const store = core.store;
  if (!store.followRequests.delete(store.relationKey(requester.id, owner.id))) throw recordNotFound();
}

export function block(core: Core, actor: AccountRecord, target: AccountRecord): void {
  if (actor.id === target.id) throw recordNotFound();
  unfollow(core, actor, target);
  unfollow(core, target, actor);
  core.store.blocks.add(actor.id, target.id);
}

export function mute(core: Core, actor: AccountRecord, target: AccountRecord, notifications: boolean, durationSeconds: number): void {
  const store = core.store;
  if (actor.id === target.id) throw recordNotFound();
  const key = store.relationKey(actor.id, target.id);
  const existing = store.mutes.get(key);
  store.mutes.set(key, {
    id: existing?.id ?? store.sequences.next("mutes"),
    accountId: actor.id,
    targetId: target.id,
    notifications,
    expiresAt: durationSeconds > 0 ? core.now() + durationSeconds * 1000 : null,
  });
}
