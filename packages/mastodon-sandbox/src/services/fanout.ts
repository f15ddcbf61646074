// Pushing statuses to streams, the way Mastodon's FanOutOnWriteService feeds its Redis
// channels: home timelines of the author and followers, lists, the public and hashtag
// timelines, and conversations for direct messages.
import type { Core } from "../core.js";
import { renderConversation } from "../render/misc.js";
import { renderStatus } from "../render/status.js";
import type { StatusRecord } from "../state/types.js";
import { hiddenByRelations } from "./visibility.js";

/** Everyone whose home timeline shows the status. */
export function homeRecipients(core: Core, status: StatusRecord): string[] {
  const store = core.store;
  const recipients = new Set<string>([status.accountId]);
  const original = status.reblogOfId ? store.statuses.get(status.reblogOfId) : undefined;
  for (const follow of store.follows.values()) {
    if (follow.targetId !== status.accountId) continue;
    if (original && !follow.showReblogs) continue;
    if (status.visibility === "direct" && !status.mentionIds.includes(follow.accountId)) continue;
    // Replies reach followers only when they follow the person replied to as well (FeedManager).
    if (status.inReplyToAccountId && status.inReplyToAccountId !== status.accountId &&
        status.inReplyToAccountId !== follow.accountId && !store.follow(follow.accountId, status.inReplyToAccountId)) continue;
    recipients.add(follow.accountId);
  }
  return [...recipients];
}

function channelsFor(core: Core, status: StatusRecord): string[] {
  const store = core.store;
  const channels = homeRecipients(core, status).map((id) => `timeline:${id}`);
  const recipients = new Set(homeRecipients(core, status));
  for (const list of store.lists.values()) {
    if (list.memberIds.includes(status.accountId) && recipients.has(list.accountId)) channels.push(`timeline:list:${list.id}`);
  }
  const isSelfThreadOrRoot = status.inReplyToId === null || status.inReplyToAccountId === status.accountId;
  if (status.visibility === "public" && status.reblogOfId === null) {
    const media = status.mediaIds.length > 0;
    if (isSelfThreadOrRoot) {
      channels.push("timeline:public", "timeline:public:local");
      if (media) channels.push("timeline:public:media", "timeline:public:local:media");
    }
    for (const tag of status.tags) {
      const name = tag.toLowerCase();
      channels.push(`timeline:hashtag:${name}`, `timeline:hashtag:${name}:local`);
    }
  }
  return channels;
}

function accept(core: Core, status: StatusRecord) {
  return (viewerId: string | null) => {
    const viewer = viewerId ? core.store.accounts.get(viewerId) ?? null : null;
    return !hiddenByRelations(core.store, viewer, status);
  };
}

export function fanOutStatus(core: Core, status: StatusRecord, event: "update" | "status.update"): void {
  const payload = JSON.stringify(renderStatus(core, status, null));
  const filter = accept(core, status);
  for (const channel of channelsFor(core, status)) core.hub.publish(channel, event, payload, filter);
  if (status.visibility === "direct" && event === "update") publishConversation(core, status);
}

/** Must run before the status leaves the store, while its audience can still be computed. */
export function fanOutDelete(core: Core, status: StatusRecord): void {
  for (const channel of channelsFor(core, status)) core.hub.publish(channel, "delete", status.id);
}

export function publishConversation(core: Core, status: StatusRecord): void {
  const store = core.store;
  const participants = [...new Set([status.accountId, ...status.mentionIds])].sort();
  let conversation = [...store.conversations.values()].find(
    (c) => c.participantIds.length === participants.length && c.participantIds.every((id, i) => id === participants[i]),
  );
  if (!conversation) {
    conversation = {
      id: store.sequences.next("conversations"),
      participantIds: participants,
      lastStatusId: status.id,
      unreadBy: new Set(),
      hiddenBy: new Set(),
    };
    store.conversations.set(conversation.id, conversation);
  }
  conversation.lastStatusId = status.id;
  conversation.hiddenBy.clear();
  for (const id of participants) if (id !== status.accountId) conversation.unreadBy.add(id);
  for (const id of participants) {
    const viewer = store.accounts.get(id);
    if (!viewer) continue;
    core.hub.publish(`timeline:direct:${id}`, "conversation", JSON.stringify(renderConversation(core, conversation, viewer)));
  }
}
