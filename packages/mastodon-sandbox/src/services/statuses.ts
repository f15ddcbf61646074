// Posting, editing and deleting statuses (Mastodon's PostStatusService, UpdateStatusService
// and RemoveStatusService), with their validations, notifications and stream events.
import type { Core } from "../core.js";
import { LIMITS } from "../render/instance.js";
import { ApiError, recordNotFound, unprocessable, validationFailed } from "../server/errors.js";
import type { AccountRecord, PollRecord, StatusParams, StatusRecord } from "../state/types.js";
import { formatText } from "../text/format.js";
import { formatEnvironment } from "../render/account.js";
import { fanOutDelete, fanOutStatus } from "./fanout.js";
import { notify, removeNotificationsAbout } from "./notify.js";
import { canView } from "./visibility.js";

/** URLs count as 23 characters, whatever their length (docs: entities/Instance.md). */
export function countCharacters(text: string): number {
  const shortened = text.replace(/https?:\/\/[^\s<>"]+/g, "x".repeat(LIMITS.charactersReservedPerUrl));
  return [...shortened].length;
}

/** `kept` counts media and polls an edited status already has. */
function validate(core: Core, account: AccountRecord, params: StatusParams, kept = { media: 0, poll: false }): void {
  const store = core.store;
  if (params.text.trim() === "" && params.mediaIds.length + kept.media === 0 && params.poll === null && !kept.poll) {
    throw validationFailed("Text can't be blank");
  }
  if (countCharacters(params.text) + countCharacters(params.spoilerText ?? "") > LIMITS.maxCharacters) {
    throw validationFailed(`Text character limit of ${LIMITS.maxCharacters} exceeded`);
  }
  if (params.mediaIds.length + kept.media > LIMITS.maxMediaAttachments) {
    throw unprocessable(`Cannot attach more than ${LIMITS.maxMediaAttachments} files`);
  }
  if (params.mediaIds.length > 0 && params.poll) throw unprocessable("Cannot attach files to a post with a poll");
  const missing = params.mediaIds.filter((id) => {
    const media = store.media.get(id);
    return !media || media.accountId !== account.id || (media.statusId !== null && media.statusId !== undefined);
  });
  if (missing.length > 0) throw unprocessable(`Media (${missing.join(", ")}) not found or already attached to another post`);
  if (params.mediaIds.some((id) => (store.media.get(id)?.readyAt ?? 0) > core.now())) {
    throw unprocessable("Cannot attach files that have not finished processing. Try again in a moment!");
  }
  if (params.poll) validatePoll(params.poll);
}

export function validatePoll(poll: NonNullable<StatusParams["poll"]>): void {
  if (poll.options.length < 2) throw validationFailed("Poll options must have at least 2 items");
  if (poll.options.length > LIMITS.pollMaxOptions) throw validationFailed(`Poll options must have at most ${LIMITS.pollMaxOptions} items`);
  if (poll.options.some((o) => o.trim() === "" || [...o].length > LIMITS.pollMaxCharactersPerOption)) {
    throw validationFailed(`Poll options must be between 1 and ${LIMITS.pollMaxCharactersPerOption} characters`);
  }
  if (!Number.isFinite(poll.expiresIn) || poll.expiresIn < LIMITS.pollMinExpiration) throw validationFailed("Poll expiration is too soon");
  if (poll.expiresIn > LIMITS.pollMaxExpiration) throw validationFailed("Poll expiration is too far in the future");
}

function createPoll(core: Core, statusId: string, poll: NonNullable<StatusParams["poll"]>): PollRecord {
  const record: PollRecord = {
    id: core.store.sequences.next("polls"),
    statusId,
    options: poll.options,
    multiple: poll.multiple,
    hideTotals: poll.hideTotals,
    expiresAt: core.now() + poll.expiresIn * 1000,
    votes: new Map(),
  };
  core.store.polls.set(record.id, record);
  core.timers.after(poll.expiresIn * 1000, () => notifyPollEnded(core, record));
  return record;
}

function notifyPollEnded(core: Core, poll: PollRecord): void {
  const status = core.store.statuses.get(poll.statusId);
  if (!status || core.store.polls.get(poll.id) !== poll) return;
  for (const voterId of [status.accountId, ...poll.votes.keys()]) {
    notify(core, { recipientId: voterId, type: "poll", fromId: status.accountId, statusId: status.id });
  }
}

export interface PostOptions {
  applicationId: string | null;
  idempotencyKey?: string | null;
}

export function postStatus(core: Core, account: AccountRecord, params: StatusParams, options: PostOptions): StatusRecord {
  const store = core.store;
  if (options.idempotencyKey) {
    const previous = store.idempotency.get(`${account.id}:${options.idempotencyKey}`);
    const status = previous ? store.statuses.get(previous.statusId) : undefined;
    if (status && previous && core.now() - previous.at < 3_600_000) return status;
  }
  let parent: StatusRecord | undefined;
  if (params.inReplyToId) {
    parent = store.statuses.get(params.inReplyToId);
    if (!parent || parent.reblogOfId !== null || !canView(store, account, parent)) {
      throw new ApiError(404, { error: "The post you are trying to reply to does not appear to exist." });
    }
  }
  validate(core, account, params);
  const formatted = formatText(params.text, formatEnvironment(core));
  const mentionIds = formatted.mentions.flatMap((username) => {
    const mentioned = store.accountByUsername(username);
    return mentioned ? [mentioned.id] : [];
  });
  const spoilerText = params.spoilerText ?? "";
  const status: StatusRecord = {
    id: store.snowflakes.next(),
    accountId: account.id,
    createdAt: core.now(),
    text: params.text,
    spoilerText,
    visibility: params.visibility ?? account.source.privacy,
    sensitive: spoilerText !== "" || (params.sensitive ?? (params.mediaIds.length > 0 && account.source.sensitive)),
    language: params.language ?? account.source.language ?? "en",
    inReplyToId: parent?.id ?? null,
    inReplyToAccountId: parent?.accountId ?? null,
    reblogOfId: null,
    mediaIds: params.mediaIds,
    pollId: null,
    mentionIds,
    tags: formatted.tags,
    applicationId: options.applicationId,
    editedAt: null,
    edits: [],
  };
  if (params.poll) status.pollId = createPoll(core, status.id, params.poll).id;
  for (const id of params.mediaIds) {
    const media = store.media.get(id);
    if (media) media.statusId = status.id;
  }
  for (const tag of formatted.tags) store.touchTag(tag);
  store.statuses.set(status.id, status);
  if (options.idempotencyKey) store.idempotency.set(`${account.id}:${options.idempotencyKey}`, { statusId: status.id, at: core.now() });

  for (const mentionedId of mentionIds) {
    const mentioned = store.accounts.get(mentionedId);
    if (mentioned && canView(store, mentioned, status)) {
      notify(core, { recipientId: mentionedId, type: "mention", fromId: account.id, statusId: status.id });
    }
  }
  if (status.visibility !== "direct" && status.inReplyToId === null) {
    for (const follow of store.follows.values()) {
      if (follow.targetId === account.id && follow.notify && !mentionIds.includes(follow.accountId)) {
        notify(core, { recipientId: follow.accountId, type: "status", fromId: account.id, statusId: status.id });
      }
    }
  }
  fanOutStatus(core, status, "update");
  return status;
}

export interface EditParams {
  text: string | undefined;
  spoilerText: string | undefined;
  sensitive: boolean | undefined;
  language: string | undefined;
  mediaIds: string[] | undefined;
  poll: StatusParams["poll"] | undefined;
  mediaAttributes: { id: string; description?: string | undefined; focus?: string | undefined }[];
}

export function editStatus(core: Core, account: AccountRecord, status: StatusRecord, edit: EditParams): StatusRecord {
  const store = core.store;
  if (status.accountId !== account.id || status.reblogOfId !== null) throw recordNotFound();
  const mediaIds = edit.mediaIds ?? status.mediaIds;
  const next: StatusParams = {
    text: edit.text ?? status.text,
    spoilerText: edit.spoilerText ?? status.spoilerText,
    visibility: status.visibility,
    sensitive: edit.sensitive ?? status.sensitive,
    language: edit.language ?? status.language,
    inReplyToId: status.inReplyToId,
    mediaIds: mediaIds.filter((id) => !status.mediaIds.includes(id)),
    poll: edit.poll ?? null,
  };
  const keptMedia = mediaIds.filter((id) => status.mediaIds.includes(id)).length;
  validate(core, account, next, { media: keptMedia, poll: status.pollId !== null && !edit.poll });
  const snapshot = (s: StatusRecord) => ({
    text: s.text,
    spoilerText: s.spoilerText,
    sensitive: s.sensitive,
    mediaIds: [...s.mediaIds],
    pollOptions: s.pollId ? (store.polls.get(s.pollId)?.options ?? null) : null,
    createdAt: s.editedAt ?? s.createdAt,
  });
  if (status.edits.length === 0) status.edits.push(snapshot(status));
  const formatted = formatText(next.text, formatEnvironment(core));
  for (const id of status.mediaIds) if (!mediaIds.includes(id)) { const m = store.media.get(id); if (m) m.statusId = null; }
  for (const id of mediaIds) { const m = store.media.get(id); if (m) m.statusId = status.id; }
  for (const attributes of edit.mediaAttributes) {
    const media = store.media.get(attributes.id);
    if (!media || media.accountId !== account.id) continue;
    if (attributes.description !== undefined) media.description = attributes.description;
    if (attributes.focus !== undefined) {
      const [x, y] = attributes.focus.split(",").map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) media.focus = { x: x ?? 0, y: y ?? 0 };
    }
  }
  if (edit.poll) {
    if (status.pollId) store.polls.delete(status.pollId);
    status.pollId = createPoll(core, status.id, edit.poll).id;
  }
  status.text = next.text;
  status.spoilerText = next.spoilerText ?? "";
  status.sensitive = status.spoilerText !== "" || (next.sensitive ?? false);
  status.language = next.language;
  status.mediaIds = mediaIds;
  status.tags = formatted.tags;
  status.editedAt = core.now();
  status.edits.push(snapshot(status));
  for (const tag of formatted.tags) store.touchTag(tag);

  // Mastodon notifies those who reblogged (and quoted) the status that it changed.
  for (const reblog of [...store.statuses.values()].filter((s) => s.reblogOfId === status.id)) {
    notify(core, { recipientId: reblog.accountId, type: "update", fromId: account.id, statusId: status.id });
  }
  fanOutStatus(core, status, "status.update");
  return status;
}

/** Removes a status, its reblogs and everything pointing at it. */
export function deleteStatus(core: Core, status: StatusRecord, deleteMedia: boolean): void {
  const store = core.store;
  for (const reblog of [...store.statuses.values()].filter((s) => s.reblogOfId === status.id)) deleteStatus(core, reblog, false);
  fanOutDelete(core, status);
  store.statuses.delete(status.id);
  for (const id of status.mediaIds) {
    const media = store.media.get(id);
    if (!media) continue;
    if (deleteMedia) {
      store.media.delete(id);
      store.files.delete(media.file.path);
      if (media.preview) store.files.delete(media.preview.path);
    } else {
      media.statusId = null;
    }
  }
  if (status.pollId) store.polls.delete(status.pollId);
  store.favourites.removeTarget(status.id);
  store.bookmarks.removeTarget(status.id);
  store.pins.removeTarget(status.id);
  removeNotificationsAbout(core, status.id);
  for (const conversation of store.conversations.values()) {
    if (conversation.lastStatusId !== status.id) continue;
    const previous = [...store.statuses.values()]
      .filter((s) => s.visibility === "direct" && conversation.participantIds.includes(s.accountId))
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (previous) conversation.lastStatusId = previous.id;
    else store.conversations.delete(conversation.id);
  }
}
