// Who may see a status (Mastodon's StatusPolicy#show?) and which statuses a viewer's
// timelines leave out because of blocks and mutes (Mastodon's FeedManager filters).
import type { Store } from "../state/store.js";
import type { AccountRecord, StatusRecord } from "../state/types.js";

export function canView(store: Store, viewer: AccountRecord | null, status: StatusRecord): boolean {
  if (status.reblogOfId !== null) {
    const original = store.statuses.get(status.reblogOfId);
    if (!original || !canView(store, viewer, original)) return false;
  }
  const authorId = status.accountId;
  const viewerId = viewer?.id;
  if (viewerId === authorId) return true;
  if (viewerId !== undefined && store.blocks.has(authorId, viewerId)) return false;
  switch (status.visibility) {
    case "public":
    case "unlisted":
      return true;
    case "private":
      return viewerId !== undefined && (store.follow(viewerId, authorId) !== undefined || status.mentionIds.includes(viewerId));
    case "direct":
      return viewerId !== undefined && status.mentionIds.includes(viewerId);
  }
}

/** True when the viewer blocks or mutes someone the status is about. */
export function hiddenByRelations(store: Store, viewer: AccountRecord | null, status: StatusRecord): boolean {
  if (!viewer) return false;
  const involved = new Set([status.accountId, ...status.mentionIds]);
  if (status.reblogOfId !== null) {
    const original = store.statuses.get(status.reblogOfId);
    if (original) involved.add(original.accountId);
  }
  involved.delete(viewer.id);
  for (const accountId of involved) {
    if (store.blocks.has(viewer.id, accountId) || store.blocks.has(accountId, viewer.id)) return true;
    if (store.mute(viewer.id, accountId)) return true;
  }
  return false;
}

export function visibleTo(store: Store, viewer: AccountRecord | null, status: StatusRecord): boolean {
  return canView(store, viewer, status) && !hiddenByRelations(store, viewer, status);
}
